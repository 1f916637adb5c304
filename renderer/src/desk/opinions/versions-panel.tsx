import { useState } from 'react';
import { Dialog } from '../../ui/dialog';
import type { OpinionDetail } from '../../../../shared/api/opinion-types';
import { OPINION_STATUS_LABELS, versionStatus, type OpinionVersion } from '../../../../shared/domain/opinions';
import { formatDateCn } from '../../../../shared/format/dates';
import { A4Preview } from './a4-preview';
import { previewInput } from './preview-input';

/** 版本记录: every version kept as it was issued and delivered; earlier ones can be viewed and exported. */
export function VersionsPanel({ detail, onExport }: { detail: OpinionDetail; onExport: (versionNo: number) => void }) {
  const [viewing, setViewing] = useState<OpinionVersion | null>(null);
  const versions = detail.record?.versions ?? [];
  if (versions.length < 2) return null;
  return (
    <section className="panel" aria-labelledby="op-ver-title">
      <div className="panel-head">
        <h2 id="op-ver-title">版本记录</h2>
      </div>
      <table className="list" aria-label="版本记录">
        <thead>
          <tr>
            <th>版本</th>
            <th>状态</th>
            <th>发文字号</th>
            <th>修订原因</th>
            <th>建立时间</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.no}>
              <td>第{v.no}版</td>
              <td>{OPINION_STATUS_LABELS[versionStatus(v)]}</td>
              <td>{v.issue?.docNumber ?? '—'}</td>
              <td>{v.reason || <span className="muted">（初稿）</span>}</td>
              <td>{formatDateCn(new Date(v.createdAt))}</td>
              <td className="actions">
                <button type="button" className="btn small" onClick={() => setViewing(v)} aria-label={`查看第${v.no}版`}>
                  查看
                </button>
                {v.issue && (
                  <button type="button" className="btn small" onClick={() => onExport(v.no)} aria-label={`导出第${v.no}版`}>
                    导出
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {viewing && (
        <Dialog title={`第${viewing.no}版（${OPINION_STATUS_LABELS[versionStatus(viewing)]}）`} onClose={() => setViewing(null)} wide>
          <div className="op-version-view">
            <A4Preview input={previewInput(detail, viewing.content, viewing)} zoom={0.55} />
          </div>
        </Dialog>
      )}
    </section>
  );
}
