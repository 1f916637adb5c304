import { createContext, useContext, useState, type ReactNode } from 'react';
import type { FileDelivery } from '../../../../shared/api/file-types';
import type { LoopDocsView } from '../../../../shared/api/loop-docs-types';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { addDays, formatDateCn } from '../../../../shared/format/dates';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { DateField } from '../../ui/date-field';
import { Field } from '../../ui/field';
import { deliverWithNotice } from '../exports/deliver';
import { caseArgs, GuardedFormDialog, messageOf, useDialogForm } from './loop-bits';

/**
 * The closed loop's papers on the case page (`loopDocs.*`): what can be made now and why not comes
 * from `loopDocs.view`, read once by the page and shared with its panels; each button builds the
 * .docx on the service and hands it over as the other desk exports do.
 */

const DocsContext = createContext<LoopDocsView | undefined>(undefined);

/** Reads `loopDocs.view` for the case (refreshed on every durable change) and gives it to the panels below. */
export function LoopDocsProvider({ data, children }: { data: LoopCase; children: ReactNode }) {
  const { data: docs } = useCall('loopDocs.view', caseArgs(data));
  return <DocsContext.Provider value={docs}>{children}</DocsContext.Provider>;
}

/** The case's papers view, undefined while it is read (buttons wait rather than guess). */
export function useLoopDocs(): LoopDocsView | undefined {
  return useContext(DocsContext);
}

/**
 * One export button: disabled with the service's reason when the paper cannot be made (the reason
 * shown beside it), then the file handed over and a calm notice, or the failure in Chinese.
 */
export function PaperButton({ label, paper, run, blocker, small = true }: { label: string; paper: string; run: () => Promise<FileDelivery>; blocker?: string | null | undefined; small?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const go = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const said = deliverWithNotice(await run());
      if (said) setMessage({ ok: true, text: said });
    } catch (err) {
      setMessage({ ok: false, text: `${paper}导出失败，未保存任何文件：${messageOf(err)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="loop-paper">
      <button type="button" className={`btn${small ? ' small' : ''}`} disabled={busy || !!blocker} title={blocker ?? undefined} onClick={() => void go()}>
        {busy ? '正在生成…' : label}
      </button>
      {blocker && <span className="muted loop-paper-why">{blocker}</span>}
      {message && (
        <span className={`tag ${message.ok ? 'ok' : 'danger'}`} role={message.ok ? 'status' : 'alert'} aria-label={`${paper}导出`}>
          {message.text}
        </span>
      )}
    </span>
  );
}

/**
 * 督办函 in the case header: offered while a deadline is overdue (the number suggested, the dates
 * the office's), and the letters already sent listed whether or not one is still due.
 */
export function SupervisionLetters({ data }: { data: LoopCase }) {
  const docs = useLoopDocs();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!docs) return null;
  const { letter } = docs;
  const overdue = letter.overdue.length > 0;
  if (!overdue && letter.issued.length === 0) return null;
  return (
    <div className="loop-letters" aria-label="督办函">
      {overdue && (
        <button type="button" className="btn small" disabled={letter.blocker !== null} title={letter.blocker ?? undefined} onClick={() => setOpen(true)}>
          督办函…
        </button>
      )}
      {letter.issued.length > 0 && <SentLetters issued={letter.issued} />}
      {notice && (
        <span className="tag ok" role="status" aria-label="督办函导出">
          {notice}
        </span>
      )}
      {open && <LetterDialog data={data} docs={docs} onClose={() => setOpen(false)} onDone={setNotice} />}
    </div>
  );
}

function SentLetters({ issued }: { issued: LoopDocsView['letter']['issued'] }) {
  return (
    <ul className="loop-sent" aria-label="已发督办函">
      {issued.map((l) => (
        <li key={l.docNumber}>
          已发督办函 {l.docNumber}（{formatDateCn(l.date)}，限{formatDateCn(l.replyBy)}前报送）
        </li>
      ))}
    </ul>
  );
}

/** 15 days to answer unless the office says otherwise. */
const REPLY_DAYS = 15;

function LetterDialog({ data, docs, onClose, onDone }: { data: LoopCase; docs: LoopDocsView; onClose: () => void; onDone: (notice: string | null) => void }) {
  const today = docs.today;
  const form = useDialogForm(
    () => ({ docNumber: docs.letter.suggestedNumber, date: today, replyBy: addDays(today, REPLY_DAYS) }),
    async (v) => {
      onDone(null);
      const file = await getPlatform().call('loopDocs.supervisionLetter', { ...caseArgs(data), ...v });
      onDone(deliverWithNotice(file));
    },
    onClose,
  );
  const lead = (
    <div>
      <ul className="loop-overdue">
        {docs.letter.overdue.map((d) => (
          <li key={d.kind}>
            {d.label}应于{formatDateCn(d.due)}前报送，已逾期{d.daysOverdue}天。
          </li>
        ))}
      </ul>
      {docs.letter.issued.length > 0 && <SentLetters issued={docs.letter.issued} />}
      <p className="muted">督办函致{docs.unitName}，字号登记在发文登记中；同一字号再次导出为重印该函。</p>
    </div>
  );
  return (
    <GuardedFormDialog title="督办函" dirty={form.dirty} onClose={onClose} onSubmit={(e) => void form.submit(e)} busy={form.busy} general={form.error} submitLabel="导出督办函" busyLabel="正在生成…" lead={lead}>
      <Field label="发文字号" hint={`建议字号：${docs.letter.suggestedNumber}`}>
        {(id) => <input id={id} value={form.value.docNumber} onChange={(e) => form.set({ docNumber: e.target.value })} />}
      </Field>
      <div className="form-grid">
        <DateField label="成文日期" value={form.value.date} onChange={(v) => form.set({ date: v })} />
        <DateField label="报送期限" value={form.value.replyBy} onChange={(v) => form.set({ replyBy: v })} hint="被评议对象报送整改情况报告的最后日期" />
      </div>
    </GuardedFormDialog>
  );
}
