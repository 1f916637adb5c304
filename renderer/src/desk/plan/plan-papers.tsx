import { useId, useRef, useState, type FormEvent } from 'react';
import { saveStateText, useAutosave } from '../../ui/autosave';
import type { PlanPapersView } from '../../../../shared/api/plan-papers-types';
import type { PublicNotice } from '../../../../shared/domain/plan-papers';
import { formatDateCn } from '../../../../shared/format/dates';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { DateField } from '../../ui/date-field';
import { Field, fieldErrors } from '../../ui/field';
import { deliverWithNotice } from '../exports/deliver';
import { GuardedFormDialog, useDialogForm } from '../loop/loop-bits';
import { PaperButton } from '../loop/loop-papers';

/**
 * 计划文书 on the plan page (`planPapers.*`): the term's plan as a 请示 to the county committee (a dialog: number,
 * date, 签发人, 联系人 and 电话), the chosen year's 年度计划, and the year's 评议工作公告 — its channel and period
 * entered and saved here, then exported as Word or copied as plain text to paste online.
 */
export function PlanPapers({ years, planLabel }: { years: readonly number[]; planLabel: string }) {
  const [year, setYear] = useState(() => {
    const now = new Date().getFullYear();
    return years.includes(now) ? now : (years[0] ?? now);
  });
  const { data, error } = useCall('planPapers.view', { year });
  const [requestOpen, setRequestOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="plan-papers" aria-labelledby="plan-papers-title">
      <div className="toolbar">
        <h2 id="plan-papers-title">计划文书</h2>
        <select aria-label="文书年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年度
            </option>
          ))}
        </select>
      </div>
      {error && (
        <div className="banner error" role="alert">
          计划文书读取失败：{error.message}
        </div>
      )}
      {!data ? (
        <p className="muted">正在读取…</p>
      ) : (
        <>
          <div className="plan-paper-buttons">
            <span className="loop-paper">
              <button type="button" className="btn" disabled={data.request.blocker !== null} title={data.request.blocker ?? undefined} onClick={() => setRequestOpen(true)}>
                {planLabel}请示…
              </button>
              {data.request.blocker && <span className="muted loop-paper-why">{data.request.blocker}</span>}
            </span>
            <PaperButton
              small={false}
              label={`导出${year}年度计划`}
              paper="年度计划"
              blocker={data.annualPlanBlocker}
              run={() => getPlatform().call('planPapers.annualPlan', { year, date: data.today })}
            />
            {notice && (
              <span className="tag ok" role="status" aria-label="请示导出">
                {notice}
              </span>
            )}
          </div>
          {data.request.last && (
            <p className="muted" aria-label="已报请示">
              已报请示 {data.request.last.docNumber}（{formatDateCn(data.request.last.date)}，签发人{data.request.last.signer}）
            </p>
          )}
          <NoticeForm key={year} year={year} data={data} />
          {requestOpen && <RequestDialog data={data} planLabel={planLabel} onClose={() => setRequestOpen(false)} onDone={setNotice} />}
        </>
      )}
    </section>
  );
}

function RequestDialog({ data, planLabel, onClose, onDone }: { data: PlanPapersView; planLabel: string; onClose: () => void; onDone: (notice: string | null) => void }) {
  const last = data.request.last;
  const form = useDialogForm(
    () => ({
      docNumber: data.request.suggestedNumber,
      date: data.today,
      signer: last?.signer ?? '',
      contactName: last?.contactName ?? '',
      contactPhone: last?.contactPhone ?? '',
    }),
    async (v) => {
      onDone(null);
      onDone(deliverWithNotice(await getPlatform().call('planPapers.request', v)));
    },
    onClose,
  );
  const lead = (
    <p className="muted">
      以“{data.request.organ}”名义报{data.request.addressee}（上行文），附各年度评议对象安排表；发文机关、机关代字和主送机关在“设置 → 单位信息”中填写。字号登记在发文登记中，同一字号再次导出为重印。
    </p>
  );
  return (
    <GuardedFormDialog
      title={`${planLabel}请示`}
      dirty={form.dirty}
      onClose={onClose}
      onSubmit={(e: FormEvent) => void form.submit(e)}
      busy={form.busy}
      general={form.error}
      submitLabel="导出请示"
      busyLabel="正在生成…"
      lead={lead}
    >
      <Field label="发文字号" hint={`建议字号：${data.request.suggestedNumber}`}>
        {(id) => <input id={id} value={form.value.docNumber} onChange={(e) => form.set({ docNumber: e.target.value })} />}
      </Field>
      <DateField label="成文日期" value={form.value.date} onChange={(v) => form.set({ date: v })} />
      <div className="form-grid">
        <Field label="签发人" required>
          {(id) => <input id={id} value={form.value.signer} onChange={(e) => form.set({ signer: e.target.value })} />}
        </Field>
        <Field label="联系人" required>
          {(id) => <input id={id} value={form.value.contactName} onChange={(e) => form.set({ contactName: e.target.value })} />}
        </Field>
        <Field label="联系电话" required>
          {(id) => <input id={id} value={form.value.contactPhone} onChange={(e) => form.set({ contactPhone: e.target.value })} />}
        </Field>
      </div>
    </GuardedFormDialog>
  );
}

const emptyNotice = (): PublicNotice => ({ channels: '', from: '', to: '' });

/**
 * The year's notice: channel and period, saved like all free text of the desk (within a second of
 * the last keystroke and on leaving the box; a refused value stays as typed with its message), then
 * the Word paper and the text to paste online.
 */
function NoticeForm({ year, data }: { year: number; data: PlanPapersView }) {
  const [value, setValue] = useState<PublicNotice>(() => data.notice ?? emptyNotice());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [copied, setCopied] = useState<string | null>(null);
  const channelsId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const autosave = useAutosave<PublicNotice>(`notice.${year}`, async (notice) => {
    try {
      await getPlatform().call('planPapers.saveNotice', { year, notice });
      setErrors({});
      setGeneral(undefined);
    } catch (err) {
      const { fields, general: rest } = fieldErrors(err);
      setErrors(fields);
      setGeneral(rest);
      throw err;
    }
  });
  const settled = autosave.state.kind === 'idle' || autosave.state.kind === 'saved';
  const edit = (patch: Partial<PublicNotice>, now = false) => {
    const next = { ...value, ...patch };
    setValue(next);
    autosave.change(next);
    if (now) void autosave.flush();
  };

  // A notice saved elsewhere (another window) shows here unless the clerk is editing this one.
  const stored = JSON.stringify(data.notice ?? emptyNotice());
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    setSeen(stored);
    if (settled) setValue(JSON.parse(stored) as PublicNotice);
  }

  const copy = async () => {
    const text = data.noticeText ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied('已复制公告文本，可粘贴到网站发布。');
    } catch {
      // Without clipboard permission: select the text so Ctrl+C copies it.
      textRef.current?.select();
      setCopied('已选中公告文本，请按 Ctrl+C 复制。');
    }
  };

  return (
    <form className="plan-notice" aria-label={`${year}年度评议工作公告`} onSubmit={(e) => e.preventDefault()}>
      <h3>{year}年度评议工作公告</h3>
      <p className="muted">公告列出本年度计划中的评议对象和评议会议时间；意见反映渠道和征求意见时间由办公室填写。</p>
      <div className={`field${errors.channels ? ' invalid' : ''}`}>
        <label htmlFor={channelsId}>意见反映渠道（每行一种，如来信地址、电话、电子邮箱）</label>
        <textarea id={channelsId} rows={3} value={value.channels} onChange={(e) => edit({ channels: e.target.value })} onBlur={() => void autosave.flush()} />
        {errors.channels && (
          <span className="error" role="alert">
            {errors.channels}
          </span>
        )}
      </div>
      <div className="form-grid">
        <DateField label="征求意见开始日期" value={value.from} error={errors.from} onChange={(v) => edit({ from: v }, true)} />
        <DateField label="征求意见截止日期" value={value.to} error={errors.to} onChange={(v) => edit({ to: v }, true)} />
      </div>
      {general && (
        <div className="banner error" role="alert">
          {general}
        </div>
      )}
      <div className="toolbar">
        <span className={`save-state ${autosave.state.kind}`} role="status" aria-label="公告内容保存状态">
          {saveStateText(autosave.state)}
        </span>
        <PaperButton
          small={false}
          label="导出公告（Word）"
          paper="评议工作公告"
          blocker={settled ? data.noticeBlocker : '公告内容正在保存，请稍候'}
          run={() => getPlatform().call('planPapers.notice', { year, date: data.today })}
        />
      </div>
      {data.noticeText !== null && settled && (
        <div className="field">
          <label htmlFor={`${channelsId}-text`}>公告文本（粘贴到网站发布）</label>
          <textarea id={`${channelsId}-text`} ref={textRef} readOnly rows={12} value={data.noticeText} />
          <div className="toolbar">
            <button type="button" className="btn" onClick={() => void copy()}>
              复制文本
            </button>
            {copied && (
              <span className="tag ok" role="status">
                {copied}
              </span>
            )}
          </div>
        </div>
      )}
    </form>
  );
}
