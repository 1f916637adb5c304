import { useCallback, useEffect, useRef, useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { saveStateText, useAutosave } from '../../ui/autosave';
import { ConfirmDialog } from '../../ui/dialog';
import { PageTitle } from '../../ui/page-title';
import type { OpinionDetail } from '../../../../shared/api/opinion-types';
import { currentVersion, draftProblems, opinionTitleText, versionStatus, type OpinionContent, type OpinionRecord } from '../../../../shared/domain/opinions';
import { A4Preview } from './a4-preview';
import { DraftEditor } from './draft-editor';
import { deliverToUser } from '../exports/deliver';
import * as ops from './editor-ops';
import type { Caret } from './editor-ops';
import { MaterialPanel } from './material-panel';
import { MemberOpinionsPanel } from './member-opinions-panel';
import { OP_TEXT, STATUS_TAG } from './opinion-text';
import { previewInput } from './preview-input';
import { VersionsPanel } from './versions-panel';
import { WorkflowBar } from './workflow-bar';

/** #/opinions/<year>/<evaluationId>: one evaluation's opinion — drafting, the workflow, the export. */
export function OpinionEditorPage({ year, evaluationId }: { year: number; evaluationId: string }) {
  const { data, error, reload } = useCall('opinions.get', { year, evaluationId });
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string>();
  if (!data) {
    return error ? (
      <div className="banner error" role="alert">
        评议意见读取失败：{error.message}
      </div>
    ) : (
      <p className="muted">正在读取…</p>
    );
  }
  const title = opinionTitleText(data.row.name);
  const create = async () => {
    setCreating(true);
    setCreateError(undefined);
    try {
      await getPlatform().call('opinions.create', { year, evaluationId });
      reload();
    } catch (err) {
      setCreateError(err instanceof Error ? err.message : String(err));
    } finally {
      setCreating(false);
    }
  };
  const record = data.record;
  return (
    <>
      <p className="mt-back">
        <a href="#/opinions">{OP_TEXT.back}</a>
      </p>
      <PageTitle title={title} sub={`${data.row.unitName}${data.row.position} · ${data.row.year}年度`}>
        <span className={`tag ${STATUS_TAG[data.row.status]}`}>{data.row.statusLabel}</span>
        {data.row.versionNo && data.row.versionNo > 1 && <span className="tag">第{data.row.versionNo}版</span>}
        <a className="btn" href={`#/opinions/${year}/${evaluationId}/research`}>
          调研报告
        </a>
        <a className="btn" href={`#/opinions/${year}/${evaluationId}/thread`}>
          调研问题追溯
        </a>
      </PageTitle>
      {record ? (
        <Workspace key={`${record.id}:${currentVersion(record).no}:${versionStatus(currentVersion(record))}`} detail={data} record={record} reload={reload} />
      ) : (
        <>
          <section className="panel">
            <p>尚未起草。起草时将按已有记录预填：评议会议、测评结果及规则、询问记录、组成人员意见和整改期限。</p>
            {createError && (
              <div className="banner error" role="alert">
                {createError}
              </div>
            )}
            <button type="button" className="btn primary" disabled={creating} onClick={() => void create()}>
              起草评议意见
            </button>
          </section>
          <MemberOpinionsPanel detail={data} />
          <MaterialPanel material={data.material} hints={data.hints} />
        </>
      )}
    </>
  );
}

function Workspace({ detail, record, reload }: { detail: OpinionDetail; record: OpinionRecord; reload: () => void }) {
  const version = currentVersion(record);
  const status = versionStatus(version);
  const editable = status === 'draft';
  const target = { year: detail.row.year, evaluationId: detail.row.evaluationId, versionNo: version.no };
  const [content, setContent] = useState<OpinionContent>(version.content);
  const [caret, setCaret] = useState<Caret | null>(null);
  const [zoom, setZoom] = useState(0.62);
  const [grid, setGrid] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const [exportNotice, setExportNotice] = useState<string | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  // Saves this window made: a change to the draft from elsewhere (another window, a new prefill) replaces the text.
  const ours = useRef(new Set<string>([version.updatedAt]));

  const save = useCallback(
    async (value: OpinionContent) => {
      const r = await getPlatform().call('opinions.saveDraft', { ...target, content: value });
      ours.current.add(r.updatedAt);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target.year, target.evaluationId, target.versionNo],
  );
  const autosave = useAutosave<OpinionContent>(`opinion.${record.id}.${version.no}`, save);
  const busy = autosave.state.kind === 'pending' || autosave.state.kind === 'saving';
  useEffect(() => {
    if (ours.current.has(version.updatedAt) || busy) return;
    ours.current.add(version.updatedAt);
    setContent(version.content);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version.updatedAt]);

  const change = (next: OpinionContent) => {
    setContent(next);
    autosave.change(next);
  };
  /** Material goes below the paragraph last edited, or at the end of 意见和建议. */
  const insert = (text: string) => {
    const key = caret ?? { list: 'suggestions' as const, index: ops.listOf(content, 'suggestions').length - 1, at: 0 };
    const list = key.list === 'lead' ? 'suggestions' : key.list;
    const at = key.list === 'lead' ? ops.listOf(content, list).length : key.index + 1;
    change(ops.insert(content, list, at, [{ level: 3, text }]));
  };
  const exportVersion = async (versionNo?: number) => {
    setExporting(true);
    setExportError(undefined);
    setExportNotice(null);
    try {
      const file = await getPlatform().call('opinions.export', { year: target.year, evaluationId: target.evaluationId, ...(versionNo ? { versionNo } : {}) });
      setExportNotice(deliverToUser(file));
    } catch (err) {
      setExportError(`导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setExporting(false);
    }
  };
  const problems = draftProblems(content);
  const input = previewInput(detail, content, version);

  return (
    <>
      <WorkflowBar
        target={target}
        version={version}
        today={detail.today}
        problems={problems}
        beforeStep={autosave.flush}
        onDone={reload}
        onExport={() => void exportVersion()}
        exporting={exporting}
      />
      {exportError && (
        <div className="banner error" role="alert">
          {exportError}
        </div>
      )}
      {exportNotice && (
        <div className="banner ok" role="status">
          {exportNotice}
        </div>
      )}
      {status === 'approved' && <div className="banner warn">{OP_TEXT.approvedLocked}</div>}
      {(status === 'issued' || status === 'delivered') && <div className="banner ok">{OP_TEXT.frozen}</div>}
      {version.reason && (
        <p className="muted">
          第{version.no}版修订原因：{version.reason}
        </p>
      )}
      <div className="op-work">
        <div className="op-left">
          <section className="panel" aria-label="评议意见正文">
            <div className="panel-head">
              <h2>正文</h2>
              {editable && (
                <span className="muted" role="status" data-testid="op-save-state">
                  {saveStateText(autosave.state)}
                </span>
              )}
              <span className="grow" />
              {editable && (
                <button type="button" className="btn small" onClick={() => setRegenerating(true)}>
                  {OP_TEXT.regenerate}
                </button>
              )}
            </div>
            {editable && problems.length > 0 && <div className="banner warn op-problems">审定前需完成：{problems.join('；')}。</div>}
            <DraftEditor content={content} readOnly={!editable} onChange={change} onLeave={() => void autosave.flush()} onCaret={setCaret} />
          </section>
          <MemberOpinionsPanel detail={detail} {...(editable ? { onInsert: insert } : {})} />
          <MaterialPanel material={detail.material} hints={detail.hints} {...(editable ? { onInsert: insert } : {})} />
          <VersionsPanel detail={detail} onExport={(no) => void exportVersion(no)} />
        </div>
        <aside className="op-right panel" aria-label="A4预览">
          <div className="panel-head">
            <h2>预览</h2>
            <span className="muted">A4 · 每页22行×28字</span>
            <span className="grow" />
            <label className="op-grid-toggle">
              <input type="checkbox" checked={grid} onChange={(e) => setGrid(e.target.checked)} /> 网格
            </label>
            <button type="button" className="btn small" onClick={() => setZoom((z) => Math.max(0.4, z - 0.1))} aria-label="缩小">
              －
            </button>
            <button type="button" className="btn small" onClick={() => setZoom((z) => Math.min(1.2, z + 0.1))} aria-label="放大">
              ＋
            </button>
          </div>
          <div className="op-preview-scroll">
            <A4Preview input={input} zoom={zoom} grid={grid} />
          </div>
        </aside>
      </div>
      {regenerating && (
        <ConfirmDialog
          title={OP_TEXT.regenerate}
          message="按最新的会议、测评、询问记录和组成人员意见重新生成草稿，当前草稿的文字将被替换。"
          confirmLabel="重新预填"
          danger
          onConfirm={async () => {
            await autosave.flush();
            await getPlatform().call('opinions.regenerate', target);
            reload();
          }}
          onClose={() => setRegenerating(false)}
        />
      )}
    </>
  );
}
