import { useCallback, useState, type ReactNode } from 'react';
import type { ResearchDetail } from '../../../../shared/api/documents-types';
import type { ResearchRecordsView } from '../../../../shared/api/research-types';
import { ACTIVITY_LABELS, FINDING_WEIGHTS, FINDING_WEIGHT_LABELS, findingDraftSchema, type Finding, type FindingDraft, type FindingWeight } from '../../../../shared/domain/research-records';
import { formatDateCn } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { saveStateText } from '../../ui/autosave';
import { useRecordDraft } from './use-record-draft';

type Draft = FindingDraft & { id: string };

const draftOf = (f: Finding): Draft => ({ id: f.id, evaluationId: f.evaluationId, text: f.text, criterionId: f.criterionId, weight: f.weight, suggestion: f.suggestion, ...(f.activityId ? { activityId: f.activityId } : {}) });

function refusalOf(d: FindingDraft): string | null {
  const r = findingDraftSchema.safeParse(d);
  return r.success ? null : (r.error.issues[0]?.message ?? '内容有误');
}

function activityName(view: ResearchRecordsView, id: string | undefined): string {
  const a = view.activities.find((x) => x.id === id);
  return a ? `${a.date ? `${formatDateCn(a.date)} ` : ''}${ACTIVITY_LABELS[a.kind]}${a.place.trim() ? `（${a.place.trim()}）` : ''}` : '';
}

/**
 * 调研发现的问题: first-class records of the evaluation — the text, the 评价标准 it concerns, its weight,
 * the activity it came from and the group's suggestion — listed in criterion order, weightiest first.
 * `extra` renders more per finding (what a finding is linked to) under its fields.
 */
export function FindingsPanel({ detail, view, extra }: { detail: ResearchDetail; view: ResearchRecordsView; extra?: (finding: Finding) => ReactNode }) {
  const empty = (): FindingDraft => ({ evaluationId: detail.evaluationId, text: '', criterionId: view.criteria[0]?.id ?? '', weight: 1, suggestion: '' });
  const [fresh, setFresh] = useState<FindingDraft>(empty);
  const [problem, setProblem] = useState<string>();
  const add = async () => {
    const why = refusalOf(fresh);
    if (why) return setProblem(why);
    setProblem(undefined);
    try {
      await getPlatform().call('research.finding.save', { year: detail.year, finding: fresh });
      setFresh(empty());
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="panel" aria-labelledby="rs-findings-title">
      <h2 id="rs-findings-title">调研发现的问题</h2>
      {view.findings.length === 0 ? (
        <p className="muted">尚未记录问题。</p>
      ) : (
        <ol className="rs-findings" aria-label="调研发现的问题">
          {view.findings.map((f, i) => (
            <FindingItem key={f.id} detail={detail} view={view} finding={f} index={i} extra={extra} />
          ))}
        </ol>
      )}
      <fieldset className="rs-batch rs-new-finding">
        <legend>记录新问题</legend>
        <FindingFields view={view} value={fresh} onChange={setFresh} prefix="新问题" />
        <div className="toolbar">
          <button type="button" className="btn small primary" onClick={() => void add()}>
            记录问题
          </button>
          {problem && (
            <span className="tag danger" role="alert">
              {problem}
            </span>
          )}
        </div>
      </fieldset>
    </section>
  );
}

function FindingFields({ view, value, onChange, onLeave, prefix }: { view: ResearchRecordsView; value: FindingDraft; onChange(next: FindingDraft): void; onLeave?(): void; prefix: string }) {
  return (
    <div className="rs-finding-fields">
      <label className="rs-inline rs-wide">
        问题 <textarea aria-label={`${prefix}内容`} rows={2} value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} onBlur={onLeave} />
      </label>
      <div className="toolbar">
        <label className="rs-inline">
          评价标准{' '}
          <select aria-label={`${prefix}评价标准`} value={value.criterionId} onChange={(e) => onChange({ ...value, criterionId: e.target.value })}>
            {view.criteria.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="rs-inline">
          程度{' '}
          <select aria-label={`${prefix}程度`} value={String(value.weight ?? 1)} onChange={(e) => onChange({ ...value, weight: Number(e.target.value) as FindingWeight })}>
            {FINDING_WEIGHTS.map((w) => (
              <option key={w} value={w}>
                {FINDING_WEIGHT_LABELS[w]}
              </option>
            ))}
          </select>
        </label>
        <label className="rs-inline">
          来源{' '}
          <select
            aria-label={`${prefix}来源活动`}
            value={value.activityId ?? ''}
            onChange={(e) => {
              const next = { ...value };
              if (e.target.value === '') delete next.activityId;
              else next.activityId = e.target.value;
              onChange(next);
            }}
          >
            <option value="">（未指定）</option>
            {view.activities.map((a) => (
              <option key={a.id} value={a.id}>
                {activityName(view, a.id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="rs-inline rs-wide">
        建议 <textarea aria-label={`${prefix}建议`} rows={2} value={value.suggestion ?? ''} placeholder="对该问题的整改建议（写入调研报告的意见建议）" onChange={(e) => onChange({ ...value, suggestion: e.target.value })} onBlur={onLeave} />
      </label>
    </div>
  );
}

function FindingItem({ detail, view, finding, index, extra }: { detail: ResearchDetail; view: ResearchRecordsView; finding: Finding; index: number; extra?: (finding: Finding) => ReactNode }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = useCallback(
    async (value: Draft) => {
      await getPlatform().call('research.finding.save', { year: detail.year, finding: value });
    },
    [detail.year],
  );
  const { draft, setDraft, autosave } = useRecordDraft(`research-finding.${finding.id}`, finding, draftOf, save);
  const change = (next: FindingDraft) => {
    const d = next as Draft;
    setDraft(d);
    const why = refusalOf(d);
    setRefusal(why);
    if (!why) autosave.change(d);
  };
  const remove = async () => {
    try {
      await autosave.flush();
      await getPlatform().call('research.finding.remove', { year: detail.year, findingId: finding.id });
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    }
  };
  const criterion = view.criteria.find((c) => c.id === finding.criterionId)?.name ?? '';
  return (
    <li className="rs-finding" aria-label={`问题：${finding.text}`}>
      <div className="muted rs-finding-meta">
        {criterion} · {FINDING_WEIGHT_LABELS[finding.weight]}
        {finding.activityId ? ` · 来源：${activityName(view, finding.activityId)}` : ''} <span className="rs-state">{saveStateText(autosave.state)}</span>
      </div>
      <FindingFields view={view} value={draft} onChange={change} onLeave={() => void autosave.flush()} prefix={`问题${index + 1}`} />
      {extra?.(finding)}
      {refusal && (
        <div className="banner error" role="alert">
          未保存：{refusal}
        </div>
      )}
      <button type="button" className="btn small danger" onClick={() => void remove()} aria-label={`删除问题：${finding.text}`}>
        删除
      </button>
    </li>
  );
}
