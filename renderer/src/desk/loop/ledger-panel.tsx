import { useMemo, useState } from 'react';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { describeItemChange, type ItemRevision, type OpinionItem } from '../../../../shared/loop/items';
import { ITEM_STATUSES, ITEM_VERDICTS, LOOP_LABELS, type ItemStatus, type ItemVerdict } from '../../../../shared/loop/labels';
import type { LedgerEntry, ProgressNote } from '../../../../shared/loop/schemas';
import { formatDateCn, isIsoDate } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { DateInput } from '../../ui/date-field';
import { useSyncedDraft } from '../settings/use-synced-draft';
import { SaveStatus } from '../settings/settings-fields';
import { EvidenceList } from './evidence-list';
import { caseArgs } from './loop-bits';
import { PaperButton, useLoopDocs } from './loop-papers';

/** The part of an entry the office edits (the item's text is frozen, files are attached apart). */
interface LedgerEdit {
  measures: string;
  responsible: string;
  dueDate: string | null;
  status: ItemStatus;
  verdict: ItemVerdict | null;
  progress: ProgressNote[];
}

function editOf(entry: LedgerEntry | undefined): LedgerEdit {
  return {
    measures: entry?.measures ?? '',
    responsible: entry?.responsible ?? '',
    dueDate: entry?.dueDate ?? null,
    status: entry?.status ?? 'notStarted',
    verdict: entry?.verdict ?? null,
    progress: entry?.progress ?? [],
  };
}

/** 整改台账: one card per issued item, the re-issue log and the entries whose item was removed. */
export function LedgerPanel({ data }: { data: LoopCase }) {
  const { items, revisions } = data.issued;
  const s = data.summary;
  const docs = useLoopDocs();
  return (
    <section className="panel" aria-labelledby="loop-ledger-title">
      <div className="panel-head">
        <h2 id="loop-ledger-title">整改台账</h2>
        {items.length > 0 && (
          <span className="muted" data-testid="loop-ledger-summary">
            共{s.items}项：{ITEM_STATUSES.map((k) => `${LOOP_LABELS.itemStatus[k]}${s.byStatus[k]}`).join(' · ')}
          </span>
        )}
        <span className="grow" />
        <PaperButton label="导出整改台账" paper="整改台账" blocker={docs ? docs.ledgerBlocker : '正在读取…'} run={() => getPlatform().call('loopDocs.ledger', caseArgs(data))} />
        <PaperButton label="整改台账（Excel）" paper="整改台账表格" blocker={docs ? docs.ledgerBlocker : '正在读取…'} run={() => getPlatform().call('sheets.export', { what: 'ledger', ...caseArgs(data) })} />
      </div>
      {data.opinion === null || data.opinion.docNumber === '' ? (
        <p className="muted">评议意见印发后，其“意见和建议”中的每一条在此建立一张台账卡片。请先在“评议意见”中完成审定和印发。</p>
      ) : items.length === 0 ? (
        <p className="muted">已印发的评议意见“意见和建议”部分没有编号的条目，因此没有台账条目。条目以（一）（二）……或1.2.……编号。</p>
      ) : (
        items.map((item) => <LedgerCard key={item.no} data={data} item={item} entry={data.ledger.find((e) => e.itemNo === item.no)} />)
      )}
      {data.orphaned.length > 0 && (
        <div className="banner warn" role="note">
          重新印发的评议意见已删除第{data.orphaned.join('、')}项，其台账记录仍予保留：
          <ul>
            {data.orphaned.map((no) => {
              const e = data.ledger.find((x) => x.itemNo === no);
              return (
                <li key={no}>
                  第{no}项：{e?.itemText.split('\n')[0]}（{LOOP_LABELS.itemStatus[e?.status ?? 'notStarted']}）
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {revisions.length > 0 && (
        <details className="loop-revisions">
          <summary>重新印发的条目变更记录（{revisions.length}次）</summary>
          <ul>
            {revisions.map((r, i) => (
              <li key={i}>
                <RevisionText revision={r} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function RevisionText({ revision }: { revision: ItemRevision }) {
  const changes = revision.changes.map(describeItemChange).join('；');
  return (
    <>
      第{revision.fromVersion}稿→第{revision.toVersion}稿{revision.reason ? `（${revision.reason}）` : ''}：{changes || '条目无变化'}
      {revision.changes.map((c) => (
        <div key={c.no} className="muted loop-change">
          {c.before !== null && <div>原：{c.before.split('\n')[0]}</div>}
          {c.after !== null && <div>现：{c.after.split('\n')[0]}</div>}
        </div>
      ))}
    </>
  );
}

function LedgerCard({ data, item, entry }: { data: LoopCase; item: OpinionItem; entry: LedgerEntry | undefined }) {
  const serverJson = JSON.stringify(editOf(entry));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const server = useMemo(() => editOf(entry), [serverJson]);
  const edit = useSyncedDraft<LedgerEdit>({
    key: `loop.ledger.${data.evaluationId}.${item.no}`,
    argument: 'entry',
    server,
    save: async (value) => {
      const saved = await getPlatform().call('loop.ledger.save', { ...caseArgs(data), itemNo: item.no, entry: value });
      return editOf(saved.ledger.find((e) => e.itemNo === item.no));
    },
  });
  const d = edit.draft ?? server;
  const [noteDate, setNoteDate] = useState(data.today);
  const [noteText, setNoteText] = useState('');
  const [noteProblem, setNoteProblem] = useState<string>();
  const title = `第${item.no}项`;

  const addNote = () => {
    if (!isIsoDate(noteDate)) return setNoteProblem('请填写进展日期');
    if (noteText.trim() === '') return setNoteProblem('请填写进展情况');
    setNoteProblem(undefined);
    const progress = [...d.progress, { date: noteDate, text: noteText.trim() }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    edit.editNow((x) => ({ ...x, progress }));
    setNoteDate(data.today);
    setNoteText('');
  };

  return (
    <article className="loop-card" aria-label={`${title}整改台账`}>
      <header className="loop-card-head">
        <span className="loop-item-no">{item.label || title}</span>
        <div className="loop-item-text" aria-label={`${title}意见内容`}>
          <p>{item.text}</p>
          {item.body.map((b, i) => (
            <p key={i}>{b}</p>
          ))}
        </div>
        <SaveStatus state={edit.state} errors={edit.errors} label={`${title}保存状态`} />
      </header>
      {edit.recovered && <div className="banner warn">已找回{title}上次未保存的修改，正在重新保存。</div>}
      {edit.errors.general && (
        <div className="banner error" role="alert">
          {edit.errors.general}
        </div>
      )}
      <div className="loop-card-grid">
        <label className="field span-2">
          <span>整改措施</span>
          <textarea
            aria-label={`${title}整改措施`}
            rows={3}
            value={d.measures}
            placeholder="被评议对象报告的整改措施"
            onChange={(e) => edit.editText((x) => ({ ...x, measures: e.target.value }))}
            onBlur={edit.flush}
          />
          {edit.errors.byPath['measures'] && <span className="error">{edit.errors.byPath['measures']}</span>}
        </label>
        <label className="field">
          <span>责任人</span>
          <input aria-label={`${title}责任人`} value={d.responsible} onChange={(e) => edit.editText((x) => ({ ...x, responsible: e.target.value }))} onBlur={edit.flush} />
          {edit.errors.byPath['responsible'] && <span className="error">{edit.errors.byPath['responsible']}</span>}
        </label>
        <div className="field">
          <span className="loop-label">完成时限</span>
          <DateInput
            label="完成时限"
            ariaLabel={`${title}完成时限`}
            value={d.dueDate ?? ''}
            error={edit.errors.byPath['dueDate']}
            onChange={(v) => {
              // An unreadable date stays in the box with its message and is not saved.
              if (v === '' || isIsoDate(v)) edit.editNow((x) => ({ ...x, dueDate: v === '' ? null : v }));
            }}
          />
        </div>
        <label className="field">
          <span>整改状态</span>
          <select aria-label={`${title}整改状态`} value={d.status} onChange={(e) => edit.editNow((x) => ({ ...x, status: e.target.value as ItemStatus }))}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {LOOP_LABELS.itemStatus[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>回头看评价</span>
          <select
            aria-label={`${title}回头看评价`}
            value={d.verdict ?? ''}
            onChange={(e) => edit.editNow((x) => ({ ...x, verdict: e.target.value === '' ? null : (e.target.value as ItemVerdict) }))}
          >
            <option value="">尚未评价</option>
            {ITEM_VERDICTS.map((v) => (
              <option key={v} value={v}>
                {LOOP_LABELS.itemVerdict[v]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="loop-sub">
        <h3>整改进展</h3>
        {d.progress.length === 0 ? (
          <p className="muted">尚无进展记录。</p>
        ) : (
          <ul className="loop-notes" aria-label={`${title}整改进展`}>
            {d.progress.map((n, i) => (
              <li key={`${n.date}-${i}`}>
                <span className="loop-note-date">{formatDateCn(n.date)}</span>
                <span className="loop-note-text">{n.text}</span>
                <button
                  type="button"
                  className="btn small danger"
                  aria-label={`删除进展：${formatDateCn(n.date)}`}
                  onClick={() => edit.editNow((x) => ({ ...x, progress: x.progress.filter((_, j) => j !== i) }))}
                >
                  删除
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="toolbar loop-note-add">
          <DateInput label="进展日期" ariaLabel={`${title}进展日期`} value={noteDate} onChange={setNoteDate} />
          <input aria-label={`${title}进展情况`} placeholder="进展情况" value={noteText} onChange={(e) => setNoteText(e.target.value)} className="grow" />
          <button type="button" className="btn small" onClick={addNote}>
            添加进展
          </button>
          {noteProblem && (
            <span className="tag danger" role="alert">
              {noteProblem}
            </span>
          )}
        </div>
      </div>
      <div className="loop-sub">
        <h3>佐证材料</h3>
        <EvidenceList data={data} target={{ kind: 'ledger', itemNo: item.no }} files={entry?.evidence ?? []} label={`${title}佐证材料`} addLabel="上传佐证材料" />
      </div>
    </article>
  );
}
