import { useCallback, useState } from 'react';
import type { ResearchDetail } from '../../../../shared/api/documents-types';
import type { ResearchRecordsView } from '../../../../shared/api/research-types';
import {
  ACTIVITY_LABELS,
  ACTIVITY_UNITS,
  CASE_CATEGORIES,
  researchActivityDraftSchema,
  type ActivityKind,
  type CaseCategory,
  type ReceivedOpinion,
  type ResearchActivity,
  type ResearchActivityDraft,
  type ResearchActivityDraftValue,
} from '../../../../shared/domain/research-records';
import { formatDateCn, isIsoDate } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { saveStateText } from '../../ui/autosave';
import { useRecordDraft } from './use-record-draft';
import { DateInput } from '../../ui/date-field';
import { deliverWithNotice } from '../exports/deliver';
import { QuestionnaireEditor, countOf } from './questionnaire-editor';

/** The activity as the form edits it: the stored record without its times. */
type Draft = ResearchActivityDraftValue & { id: string };

function draftOf(a: ResearchActivity): Draft {
  const { createdAt: _c, updatedAt: _u, ...rest } = a;
  return rest as Draft;
}

/** The first refusal of the schema, as the call would name it; null when the draft would save. */
function refusalOf(d: Draft): string | null {
  const r = researchActivityDraftSchema.safeParse(d);
  return r.success ? null : (r.error.issues[0]?.message ?? '内容有误');
}

/** 调研活动 of the evaluation: typed, each with date, place, participants and notes; free text autosaved. */
export function ActivitiesPanel({ detail, view }: { detail: ResearchDetail; view: ResearchRecordsView }) {
  const [kind, setKind] = useState<ActivityKind>(detail.activityKinds[0] ?? 'forum');
  const [problem, setProblem] = useState<string>();
  const [opened, setOpened] = useState<string | null>(null);
  const add = async () => {
    setProblem(undefined);
    try {
      const r = await getPlatform().call('research.activity.save', { year: detail.year, activity: { kind, evaluationIds: [detail.evaluationId] } as ResearchActivityDraft });
      setOpened(r.id);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="panel" aria-labelledby="rs-activities-title">
      <h2 id="rs-activities-title">调研活动</h2>
      {view.activities.length === 0 && <p className="muted">尚未记录调研活动。</p>}
      {view.activities.map((a) => (
        <ActivityCard key={a.id} detail={detail} view={view} activity={a} open={opened === a.id} onToggle={() => setOpened(opened === a.id ? null : a.id)} />
      ))}
      <div className="toolbar rs-add">
        <select aria-label="调研活动类型" value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
          {detail.activityKinds.map((k) => (
            <option key={k} value={k}>
              {ACTIVITY_LABELS[k]}
            </option>
          ))}
        </select>
        <button type="button" className="btn small" onClick={() => void add()}>
          添加调研活动
        </button>
        {problem && (
          <span className="tag danger" role="alert">
            {problem}
          </span>
        )}
      </div>
    </section>
  );
}

/** One line: 2026年9月3日 座谈走访 · 县政府会议室. */
function summaryOf(a: ResearchActivity): string {
  const parts = [a.date ? formatDateCn(a.date) : '日期未填', ACTIVITY_LABELS[a.kind]];
  if (a.place.trim()) parts.push(a.place.trim());
  if (a.kind === 'questionnaire') parts.push(`发放${a.questionnaire.issued}份、回收${a.questionnaire.returned}份`);
  else if (a.kind === 'caseReview') parts.push(`${a.count ?? a.cases.length}件`);
  else if (a.count !== undefined) parts.push(`${a.count}${ACTIVITY_UNITS[a.kind]}`);
  return parts.join(' · ');
}

function ActivityCard({ detail, view, activity, open, onToggle }: { detail: ResearchDetail; view: ResearchRecordsView; activity: ResearchActivity; open: boolean; onToggle(): void }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const save = useCallback(
    async (value: Draft) => {
      await getPlatform().call('research.activity.save', { year: detail.year, activity: value });
    },
    [detail.year],
  );
  const { draft, setDraft, autosave } = useRecordDraft(`research-activity.${activity.id}`, activity, draftOf, save);

  /** Shown at once; saved only when the schema would take it (a refusal names the field and saves nothing). */
  const change = (next: Draft) => {
    setDraft(next);
    const why = refusalOf(next);
    setRefusal(why);
    if (!why) autosave.change(next);
  };
  const leave = () => void autosave.flush();
  const text = (label: string, key: 'place' | 'participants', width = 240) => (
    <label className="rs-inline">
      {label} <input aria-label={label} value={draft[key]} onChange={(e) => change({ ...draft, [key]: e.target.value })} onBlur={leave} style={{ width }} />
    </label>
  );
  const remove = async () => {
    try {
      await autosave.flush();
      await getPlatform().call('research.activity.remove', { year: detail.year, activityId: activity.id });
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    }
  };
  const print = async (call: 'research.questionnaireForm' | 'research.noticeForm') => {
    setNotice(null);
    try {
      await autosave.flush();
      const said = deliverWithNotice(await getPlatform().call(call, { year: detail.year, activityId: activity.id }));
      if (said) setNotice({ ok: true, text: said });
    } catch (err) {
      setNotice({ ok: false, text: `导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const batch = view.group && view.group.evaluationIds.length > 1 ? view.evaluations.filter((e) => view.group!.evaluationIds.includes(e.evaluationId)) : [];
  const label = ACTIVITY_LABELS[draft.kind];

  return (
    <article className="rs-activity" aria-label={`调研活动：${summaryOf(activity)}`}>
      <header className="rs-activity-head">
        <button type="button" className="btn small" aria-expanded={open} onClick={onToggle}>
          {open ? '收起' : '展开'}
        </button>
        <strong>{summaryOf(activity)}</strong>
        <span className="muted rs-state">{saveStateText(autosave.state)}</span>
      </header>
      {open && (
        <div className="rs-activity-body">
          <div className="toolbar">
            <label className="rs-inline">
              日期{' '}
              <DateInput
                label="活动日期"
                ariaLabel="活动日期"
                value={draft.date ?? ''}
                onChange={(v) => {
                  if (v !== '' && !isIsoDate(v)) return;
                  const next = { ...draft };
                  if (v === '') delete next.date;
                  else next.date = v;
                  change(next);
                }}
                onCommitted={leave}
              />
            </label>
            {text('地点', 'place', 200)}
            {draft.kind !== 'questionnaire' && draft.kind !== 'caseReview' && (
              <label className="rs-inline">
                数量{' '}
                <input
                  type="number"
                  min={0}
                  className="rs-num"
                  aria-label={`数量（${ACTIVITY_UNITS[draft.kind]}）`}
                  value={draft.count === undefined ? '' : String(draft.count)}
                  onChange={(e) => {
                    const next = { ...draft };
                    if (e.target.value.trim() === '') delete next.count;
                    else next.count = countOf(e.target.value);
                    change(next);
                  }}
                  onBlur={leave}
                />
                <span className="muted">{ACTIVITY_UNITS[draft.kind]}</span>
              </label>
            )}
          </div>
          {text('参加人员', 'participants', 480)}
          {batch.length > 0 && (
            <fieldset className="rs-batch">
              <legend>本次活动涉及</legend>
              {batch.map((e) => (
                <label key={e.evaluationId} className="rs-check">
                  <input
                    type="checkbox"
                    checked={draft.evaluationIds.includes(e.evaluationId)}
                    disabled={e.evaluationId === detail.evaluationId}
                    onChange={(ev) => change({ ...draft, evaluationIds: ev.target.checked ? [...draft.evaluationIds, e.evaluationId] : draft.evaluationIds.filter((id) => id !== e.evaluationId) })}
                  />
                  {e.name}
                </label>
              ))}
            </fieldset>
          )}
          {draft.kind === 'reading' && (
            <label className="rs-inline rs-wide">
              查阅的资料 <textarea aria-label="查阅的资料" rows={2} value={draft.materials} onChange={(e) => change({ ...draft, materials: e.target.value })} onBlur={leave} />
            </label>
          )}
          {draft.kind === 'questionnaire' && (
            <>
              <QuestionnaireEditor label="" value={draft.questionnaire} onChange={(q) => change({ ...draft, questionnaire: q })} />
              <button type="button" className="btn small" onClick={() => void print('research.questionnaireForm')}>
                导出问卷（Word）
              </button>
            </>
          )}
          {draft.kind === 'clientOpinions' && <OpinionsEditor title="听取的意见建议" value={draft.opinions} onChange={(opinions) => change({ ...draft, opinions })} onLeave={leave} />}
          {draft.kind === 'notice' && (
            <>
              <label className="rs-inline rs-wide">
                公告内容{' '}
                <textarea aria-label="公告内容" rows={4} value={draft.notice.text} onChange={(e) => change({ ...draft, notice: { ...draft.notice, text: e.target.value } })} onBlur={leave} />
              </label>
              <div className="toolbar">
                <label className="rs-inline">
                  发布渠道 <input aria-label="发布渠道" value={draft.notice.channel} onChange={(e) => change({ ...draft, notice: { ...draft.notice, channel: e.target.value } })} onBlur={leave} />
                </label>
                <label className="rs-inline">
                  公告期{' '}
                  <DateInput label="公告开始日期" ariaLabel="公告开始日期" value={draft.notice.from ?? ''} onChange={(v) => (v === '' || isIsoDate(v)) && change({ ...draft, notice: { ...draft.notice, from: v || undefined } })} />
                  至
                  <DateInput label="公告截止日期" ariaLabel="公告截止日期" value={draft.notice.to ?? ''} onChange={(v) => (v === '' || isIsoDate(v)) && change({ ...draft, notice: { ...draft.notice, to: v || undefined } })} />
                </label>
                <button type="button" className="btn small" onClick={() => void print('research.noticeForm')}>
                  导出公告（Word）
                </button>
              </div>
              <OpinionsEditor title="通过公告收到的意见" value={draft.notice.opinions} onChange={(opinions) => change({ ...draft, notice: { ...draft.notice, opinions } })} onLeave={leave} />
            </>
          )}
          {draft.kind === 'caseReview' && <CasesEditor value={draft.cases} onChange={(cases) => change({ ...draft, cases })} onLeave={leave} />}
          <label className="rs-inline rs-wide">
            活动记录 <textarea aria-label={`${label}活动记录`} rows={3} value={draft.notes} onChange={(e) => change({ ...draft, notes: e.target.value })} onBlur={leave} />
          </label>
          {refusal && (
            <div className="banner error" role="alert">
              未保存：{refusal}
            </div>
          )}
          {notice && (
            <div className={`banner ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
              {notice.text}
            </div>
          )}
          <button type="button" className="btn small danger" onClick={() => void remove()}>
            删除此活动
          </button>
        </div>
      )}
    </article>
  );
}

function OpinionsEditor({ title, value, onChange, onLeave }: { title: string; value: ReceivedOpinion[]; onChange(next: ReceivedOpinion[]): void; onLeave(): void }) {
  const set = (i: number, o: ReceivedOpinion) => onChange(value.map((x, j) => (j === i ? o : x)));
  return (
    <fieldset className="rs-batch">
      <legend>
        {title}（{value.length}条）
      </legend>
      {value.map((o, i) => (
        <div key={i} className="toolbar">
          <input aria-label={`${title}${i + 1}渠道`} placeholder="渠道，如来信、电话、座谈" value={o.channel} onChange={(e) => set(i, { ...o, channel: e.target.value })} onBlur={onLeave} style={{ width: 140 }} />
          <input aria-label={`${title}${i + 1}内容`} placeholder="意见内容" value={o.text} onChange={(e) => set(i, { ...o, text: e.target.value })} onBlur={onLeave} style={{ width: 420 }} />
          <button type="button" className="btn small" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            删除
          </button>
        </div>
      ))}
      <button type="button" className="btn small" onClick={() => onChange([...value, { channel: '', text: '' }])}>
        添加一条意见
      </button>
    </fieldset>
  );
}

function CasesEditor({ value, onChange, onLeave }: { value: { number: string; category: CaseCategory; finding: string }[]; onChange(next: typeof value): void; onLeave(): void }) {
  const set = (i: number, c: (typeof value)[number]) => onChange(value.map((x, j) => (j === i ? c : x)));
  return (
    <fieldset className="rs-batch">
      <legend>评查的案件（{value.length}件）</legend>
      {value.map((c, i) => (
        <div key={i} className="toolbar">
          <input aria-label={`案件${i + 1}案号`} placeholder="案号" value={c.number} onChange={(e) => set(i, { ...c, number: e.target.value })} onBlur={onLeave} style={{ width: 200 }} />
          <select aria-label={`案件${i + 1}类别`} value={c.category} onChange={(e) => set(i, { ...c, category: e.target.value as CaseCategory })}>
            {CASE_CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <input aria-label={`案件${i + 1}评查意见`} placeholder="评查意见" value={c.finding} onChange={(e) => set(i, { ...c, finding: e.target.value })} onBlur={onLeave} style={{ width: 340 }} />
          <button type="button" className="btn small" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            删除
          </button>
        </div>
      ))}
      <button type="button" className="btn small" onClick={() => onChange([...value, { number: '', category: CASE_CATEGORIES[0], finding: '' }])}>
        添加案件
      </button>
    </fieldset>
  );
}
