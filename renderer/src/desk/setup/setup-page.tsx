import { useState, type FormEvent } from 'react';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { navigate } from '../../ui/router';
import { Field, fieldErrors } from '../../ui/field';
import { PageTitle } from '../../ui/page-title';
import { needsSetup, planName, termLength, type Settings } from '../../../../shared/domain/settings';
import { formatSession } from '../../../../shared/format/chinese-numerals';
import { docPrefixProblem, formatDocNumber } from '../../../../shared/format/doc-number';
import { CriteriaSection } from '../settings/criteria-section';
import { MemberDialog } from '../members/member-dialog';
import { UnitDialog } from '../evaluatees/units-panel';
import { EvaluateeDialog } from '../evaluatees/evaluatee-dialog';
import { ImportDialog } from '../sheets/import-dialog';
import '../settings/settings.css';
import './setup.css';

const STEPS = ['本机关名称', '届次与计划期', '评价标准', '录入人员'] as const;

/**
 * 初始设置: what a new data folder (or one whose demo county was cleared) opens on. The names and the
 * term are typed by the office — the boxes start empty, the examples are placeholders only — and
 * saved together; then the criteria and the first people, each step skippable.
 */
export function SetupPage({ settings }: { settings: Settings }) {
  const [step, setStep] = useState(needsSetup(settings) ? 0 : 2);
  // Only for the examples (placeholders and the sample document number).
  const [year] = useState(() => new Date().getFullYear());
  return (
    <div className="setup-page">
      <PageTitle title="初始设置" sub="录入本机关的基本信息后即可开始使用；以后均可在“设置”中修改。" />
      <ol className="setup-steps" aria-label="初始设置步骤">
        {STEPS.map((label, i) => (
          <li key={label} className={i === step ? 'current' : i < step ? 'done' : undefined} aria-current={i === step ? 'step' : undefined}>
            <span className="n">{i + 1}</span>
            {label}
          </li>
        ))}
      </ol>
      {step < 2 && <NamesAndTerm settings={settings} year={year} step={step} onStep={setStep} />}
      {step === 2 && (
        <section className="panel setup-panel" aria-label="评价标准">
          <p className="intro">组成人员对每名被评议对象按以下标准评价。程序已列出通常的六项，可直接使用，也可修改、增删（修改后自动保存）。</p>
          <CriteriaSection />
          <div className="setup-actions">
            <button type="button" className="btn primary" onClick={() => setStep(3)}>
              下一步：录入人员
            </button>
          </div>
        </section>
      )}
      {step === 3 && <People />}
    </div>
  );
}

interface NamesForm {
  fullName: string;
  shortName: string;
  docPrefix: string;
  session: string;
  startYear: string;
  endYear: string;
}

/** A number box holds text; what is not a number goes as typed, so the service names the field. */
const num = (v: string): number => (v.trim() === '' ? Number.NaN : Number(v));

function NamesAndTerm({ settings, year, step, onStep }: { settings: Settings; year: number; step: number; onStep: (n: number) => void }) {
  // Empty boxes: the stored names of a new folder are placeholders (某某县…), never the county's.
  const [form, setForm] = useState<NamesForm>({ fullName: '', shortName: '', docPrefix: '', session: '', startYear: '', endYear: '' });
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const set = (key: keyof NamesForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A box being corrected drops its message (the others keep theirs).
    setErrors((e) => {
      if (!(key in e.fields)) return e;
      const { [key]: _gone, ...fields } = e.fields;
      return { ...e, fields };
    });
  };
  const f = errors.fields;

  const nextFromNames = (e: FormEvent) => {
    e.preventDefault();
    // The names are checked by the service with the term, in one save; here only what is missing.
    const missing: Record<string, string> = {};
    if (!form.fullName.trim()) missing['fullName'] = '请填写机关全称';
    if (!form.shortName.trim()) missing['shortName'] = '请填写机关简称';
    if (!form.docPrefix.trim()) missing['docPrefix'] = '请填写机关代字';
    else if (docPrefixProblem(form.docPrefix)) missing['docPrefix'] = docPrefixProblem(form.docPrefix)!;
    setErrors({ fields: missing });
    if (Object.keys(missing).length === 0) onStep(1);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const next: Settings = {
      ...settings,
      organisation: { ...settings.organisation, fullName: form.fullName, shortName: form.shortName, docPrefix: form.docPrefix },
      term: { session: num(form.session), startYear: num(form.startYear), endYear: num(form.endYear) },
      setupPending: false,
    };
    try {
      // The steps after this one are shown at #/setup, as the folder is no longer new once saved.
      navigate('/setup');
      await getPlatform().call('settings.update', { settings: next });
      onStep(2);
    } catch (err) {
      const found = fieldErrors(err);
      setErrors(found);
      if (['fullName', 'shortName', 'docPrefix'].some((k) => k in found.fields)) onStep(0);
    } finally {
      setBusy(false);
    }
  };

  const start = num(form.startYear);
  const end = num(form.endYear);
  const termKnown = Number.isInteger(start) && Number.isInteger(end) && start >= 1949 && end >= start && end - start < 10;

  if (step === 0) {
    return (
      <form className="panel setup-panel" aria-label="本机关名称" onSubmit={nextFromNames} noValidate>
        <p className="intro">这些名称印在评议意见、测评结果通报等文件的发文机关标志、发文字号和落款中。灰色文字只是填写示例，不会被保存。</p>
        <div className="form-grid">
          <Field label="机关全称" error={f.fullName} required hint="发文机关标志为全称加“文件”">
            {(id) => <input id={id} value={form.fullName} onChange={(e) => set('fullName', e.target.value)} placeholder="例：某某县人民代表大会常务委员会" autoFocus autoComplete="off" />}
          </Field>
          <Field label="机关简称" error={f.shortName} required hint="用于正文和会议名称">
            {(id) => <input id={id} value={form.shortName} onChange={(e) => set('shortName', e.target.value)} placeholder="例：县人大常委会" autoComplete="off" />}
          </Field>
          <Field
            label="机关代字"
            error={f.docPrefix}
            required
            hint={form.docPrefix.trim() && !docPrefixProblem(form.docPrefix) ? `发文字号将写作：${formatDocNumber(form.docPrefix, year, 1)}` : '发文字号中的代字，如“某人常〔2026〕1号”中的“某人常”'}
          >
            {(id) => <input id={id} value={form.docPrefix} onChange={(e) => set('docPrefix', e.target.value)} placeholder="例：某人常" autoComplete="off" />}
          </Field>
        </div>
        <div className="setup-actions">
          <button type="submit" className="btn primary">
            下一步：届次与计划期
          </button>
        </div>
      </form>
    );
  }

  return (
    <form className="panel setup-panel" aria-label="届次与计划期" onSubmit={save} noValidate>
      <p className="intro">评议计划按本届的起止年份排列，每名被评议对象在本届内评议一次；会议日期须在这些年度之内。</p>
      {errors.general && (
        <div className="banner error" role="alert">
          {errors.general}
        </div>
      )}
      <div className="form-grid three">
        <Field label="届次" error={f.session} required hint={Number.isInteger(num(form.session)) && num(form.session) >= 1 && num(form.session) <= 99 ? formatSession(num(form.session)) : '如 19 表示第十九届'}>
          {(id) => <input id={id} type="number" min={1} max={99} value={form.session} onChange={(e) => set('session', e.target.value)} placeholder="例：19" autoFocus />}
        </Field>
        <Field label="本届起始年份" error={f.startYear} required>
          {(id) => <input id={id} type="number" min={1949} max={2100} value={form.startYear} onChange={(e) => set('startYear', e.target.value)} placeholder={`例：${year - 1}`} />}
        </Field>
        <Field label="本届结束年份" error={f.endYear} required>
          {(id) => <input id={id} type="number" min={1949} max={2100} value={form.endYear} onChange={(e) => set('endYear', e.target.value)} placeholder={`例：${year + 3}`} />}
        </Field>
      </div>
      {termKnown && (
        <p className={termLength({ startYear: start, endYear: end }) === 5 ? 'muted' : 'warn-text'} data-testid="setup-term-length">
          计划期{start}—{end}年，共{termLength({ startYear: start, endYear: end })}个年度
          {termLength({ startYear: start, endYear: end }) === 5 ? '（五年计划）。' : `，不是通常的5年：本届计划将称为“${planName({ startYear: start, endYear: end })}”。`}
        </p>
      )}
      <div className="setup-actions">
        <button type="button" className="btn" onClick={() => onStep(0)}>
          上一步
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? '正在保存…' : '保存，下一步：评价标准'}
        </button>
      </div>
    </form>
  );
}

type Adding = 'member' | 'unit' | 'evaluatee' | null;

/** The first people: each list's count and a button that opens its dialog (with 保存并继续新增). */
function People() {
  const members = useCall('members.list', {});
  const units = useCall('units.list', {});
  const evaluatees = useCall('evaluatees.list', {});
  const settings = useCall('settings.get', {});
  const [adding, setAdding] = useState<Adding>(null);
  const [importing, setImporting] = useState<'members' | 'units' | 'evaluatees' | null>(null);
  const [imported, setImported] = useState<string>();
  const rows = [
    { key: 'member' as const, kind: 'members' as const, title: '常委会组成人员', count: members.data ? `${members.data.length}人` : '…', ready: Boolean(members.data && settings.data), note: '签到、法定人数、随机询问和测评都以此名单为准。', button: '新增组成人员' },
    { key: 'unit' as const, kind: 'units' as const, title: '单位', count: units.data ? `${units.data.length}个` : '…', ready: true, note: '政府组成部门、人民法院、人民检察院。也可在录入被评议对象时当场新增。', button: '新增单位' },
    { key: 'evaluatee' as const, kind: 'evaluatees' as const, title: '被评议对象', count: evaluatees.data ? `${evaluatees.data.length}人` : '…', ready: Boolean(evaluatees.data && units.data), note: '本届须评议的人员，录入后在计划中安排年度。', button: '新增被评议对象' },
  ];
  return (
    <section className="panel setup-panel" aria-label="录入人员">
      <p className="intro">逐一录入本县的人员。每个对话框都有“保存并继续新增”，可连续录入；已有 Excel 或 WPS 名单的，可“从表格导入”（先导入单位，再导入被评议对象）；也可以稍后在左侧各栏目中录入。</p>
      {imported && (
        <div className="banner ok" role="status">
          {imported}
        </div>
      )}
      <table className="list setup-people">
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.title}</th>
              <td className="num" data-testid={`setup-count-${r.key}`}>
                {r.count}
              </td>
              <td className="muted">{r.note}</td>
              <td className="actions">
                {/* Not before the lists the dialog fills from (the term's 届次, the units) have arrived. */}
                <button type="button" className="btn" onClick={() => setAdding(r.key)} disabled={!r.ready}>
                  {r.button}
                </button>
                <button type="button" className="btn" onClick={() => setImporting(r.kind)} aria-label={`从表格导入${r.title}`}>
                  从表格导入
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="setup-actions">
        <button type="button" className="btn primary" onClick={() => navigate('/')}>
          完成，进入工作台
        </button>
      </div>
      {adding === 'member' && members.data && settings.data && (
        <MemberDialog
          members={members.data}
          currentSession={settings.data.term.session}
          onClose={() => setAdding(null)}
          onSaved={() => setAdding(null)}
        />
      )}
      {importing && (
        <ImportDialog
          kind={importing}
          onClose={() => setImporting(null)}
          onImported={(text) => {
            setImporting(null);
            setImported(text);
          }}
        />
      )}
      {adding === 'unit' && <UnitDialog onClose={() => setAdding(null)} />}
      {adding === 'evaluatee' && evaluatees.data && units.data && <EvaluateeDialog rows={evaluatees.data} units={units.data} onClose={() => setAdding(null)} onSaved={() => setAdding(null)} />}
    </section>
  );
}
