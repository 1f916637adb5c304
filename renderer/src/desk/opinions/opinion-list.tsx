import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import { navigate } from '../../ui/router';
import type { OpinionRow } from '../../../../shared/api/opinion-types';
import { formatDateCn } from '../../../../shared/format/dates';
import { OP_TEXT, STATUS_TAG } from './opinion-text';

/** The opinions of a year, grouped by the meeting that heard them, in agenda order. */
export function OpinionList({ year }: { year: number | undefined }) {
  const { data, error } = useCall('opinions.list', year === undefined ? {} : { year });
  const [failure, setFailure] = useState<string>();

  const draft = async (r: OpinionRow) => {
    setFailure(undefined);
    try {
      await getPlatform().call('opinions.create', { year: r.year, evaluationId: r.evaluationId });
      navigate(`/opinions/${r.year}/${r.evaluationId}`);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  const groups = new Map<string, OpinionRow[]>();
  for (const r of data?.rows ?? []) {
    const key = r.meetingName ? `${r.meetingName}（${formatDateCn(r.meetingDate ?? '')}）` : '未安排评议会议';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const counts = (data?.rows ?? []).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

  return (
    <>
      <PageTitle title={OP_TEXT.section} sub={OP_TEXT.listSub}>
        {data && data.years.length > 0 && (
          <label className="op-year">
            年度{' '}
            <select value={data.year} onChange={(e) => navigate(`/opinions?year=${e.target.value}`)} aria-label="年度">
              {data.years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          </label>
        )}
      </PageTitle>
      {(error ?? failure) && (
        <div className="banner error" role="alert">
          {error ? `评议意见列表读取失败：${error.message}` : failure}
        </div>
      )}
      {data && (
        <p className="muted op-counts" data-testid="op-counts">
          {data.year}年度评议{data.rows.length}项：未起草{counts['none'] ?? 0} · 草稿{counts['draft'] ?? 0} · 已审定{counts['approved'] ?? 0} · 已印发{counts['issued'] ?? 0} ·
          已送达{counts['delivered'] ?? 0}
        </p>
      )}
      {data && data.rows.length === 0 && <p className="muted">{data.year}年度没有评议。被评议对象列入该年度计划后，在此汇总意见、起草评议意见。</p>}
      {[...groups].map(([meeting, rows]) => (
        <section key={meeting} className="panel" aria-label={meeting}>
          <h2>{meeting}</h2>
          <table className="list op-list" aria-label={`${meeting}的评议意见`}>
            <thead>
              <tr>
                <th>被评议对象</th>
                <th>单位及职务</th>
                <th>测评结果</th>
                <th>组成人员意见</th>
                <th>状态</th>
                <th>发文字号</th>
                <th>进度</th>
                <th className="actions">操作</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.evaluationId}>
                  <td>
                    <a href={`#/opinions/${r.year}/${r.evaluationId}`} className="op-name">
                      {r.name}
                    </a>
                    <span className="muted op-mode">{r.mode === 'written' ? '书面报告' : '到会汇报'}</span>
                  </td>
                  <td>
                    {r.unitName}
                    {r.position}
                  </td>
                  <td>{r.voteOutcome ? `${r.voteOutcome}（${r.voteRateText}）` : <span className="muted">未公布</span>}</td>
                  <td className="num">{r.memberOpinions}条</td>
                  <td>
                    <span className={`tag ${STATUS_TAG[r.status]}`}>{r.statusLabel}</span>
                    {r.versionNo && r.versionNo > 1 && <span className="tag">第{r.versionNo}版</span>}
                    {r.placeholders > 0 && <span className="muted op-left-count"> {r.placeholders}处待填写</span>}
                  </td>
                  <td>{r.docNumber ?? <span className="muted">—</span>}</td>
                  <td className="muted">{progressText(r)}</td>
                  <td className="actions">
                    <button type="button" className="btn small" onClick={() => navigate(`/opinions/${r.year}/${r.evaluationId}/research`)} aria-label={`调研报告：${r.name}`}>
                      调研报告
                    </button>{' '}
                    {r.status === 'none' ? (
                      <button type="button" className="btn small primary" onClick={() => void draft(r)} aria-label={`起草：${r.name}`}>
                        {OP_TEXT.draft}
                      </button>
                    ) : (
                      <button type="button" className="btn small" onClick={() => navigate(`/opinions/${r.year}/${r.evaluationId}`)} aria-label={`打开：${r.name}`}>
                        {OP_TEXT.open}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function progressText(r: OpinionRow): string {
  if (r.deliveryDate) return `${formatDateCn(r.deliveryDate)}送达（${r.receivedBy}签收）`;
  if (r.issueDate) return `${formatDateCn(r.issueDate)}印发，待送达`;
  if (r.councilDate) return `${formatDateCn(r.councilDate)}审定，待印发`;
  if (r.status === 'draft') return '待主任会议审定';
  return '';
}
