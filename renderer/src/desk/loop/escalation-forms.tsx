import type { LoopCase } from '../../../../shared/api/loop-types';
import { ANSWER_MODES, LOOP_LABELS, RESOLUTION_KINDS, type AnswerMode } from '../../../../shared/loop/labels';
import type { DecisionStep, EscalationStep, InquiryStep, InterpellationAnswer, InterpellationStep, InvestigationStep, MemberRef } from '../../../../shared/loop/schemas';
import { needsSecondAnswer } from '../../../../shared/loop/thresholds';
import { getPlatform } from '../../platform/platform';
import { useConfirmation } from '../../ui/confirmation';
import { DateField } from '../../ui/date-field';
import { Field } from '../../ui/field';
import { caseArgs, freshId, GuardedFormDialog, MeetingSelect, useDialogForm } from './loop-bits';
import { MemberPicker } from './member-picker';

/**
 * The forms of further supervision, one dialog per step kind. Each is saved whole; the services
 * check the rules (proposers on the roster and in office, the thresholds, the order of decision,
 * answer and verdict) and answer in Chinese, shown above the form.
 */

type Kind = EscalationStep['kind'];

function common(data: LoopCase) {
  return { id: freshId('es'), evaluationId: data.evaluationId, documents: [] };
}

export function blankStep(data: LoopCase, kind: Kind): EscalationStep {
  switch (kind) {
    case 'inquiry':
      return { kind, ...common(data), meetingId: '', date: '', askedBy: [], question: '', answeredBy: data.name, answer: '' } as InquiryStep;
    case 'interpellation':
      return { kind, ...common(data), proposedOn: '', proposers: [], object: data.unitName, questions: '', reasons: '', decision: null, answers: [] } as InterpellationStep;
    case 'investigation':
      return { kind, ...common(data), proposedBy: 'council', proposedOn: '', proposers: [], proposal: '', committee: [], report: null, resolution: null } as InvestigationStep;
    case 'decision':
      return { kind, ...common(data), date: '', meetingId: '', text: '' } as DecisionStep;
  }
}

/** Active members among the picked (a repeated or inactive one does not count). */
function activeCount(data: LoopCase, refs: readonly MemberRef[]): number {
  return new Set(refs.filter((r) => data.members.find((m) => m.id === r.memberId)?.active).map((r) => r.memberId)).size;
}

function Count({ n, min, what }: { n: number; min: number; what: string }) {
  return (
    <p className={`loop-count ${n >= min ? 'ok' : 'short'}`} role="status" aria-label={`${what}人数`}>
      已选在任{what}
      <strong>{n}</strong>人，至少需要{min}人{n >= min ? '' : `，还差${min - n}人`}
    </p>
  );
}

export function EscalationDialog({ data, step, onClose }: { data: LoopCase; step: EscalationStep; onClose: () => void }) {
  const confirmation = useConfirmation();
  const isNew = !data.escalation.some((s) => s.id === step.id);
  const form = useDialogForm<EscalationStep>(
    () => step,
    (v) => {
      // Documents are attached apart; a new step gets its id from the service.
      const { documents: _documents, id, ...rest } = v;
      const sent = isNew ? rest : { ...rest, id };
      return getPlatform().call('loop.escalation.save', { ...caseArgs(data), step: sent, ...(confirmation.confirmed ? { confirm: true } : {}) });
    },
    onClose,
    (err) => confirmation.ask(err),
  );
  const set = (patch: Partial<EscalationStep>) => {
    confirmation.withdraw();
    form.setValue((v) => ({ ...v, ...patch }) as EscalationStep);
  };
  const title = `${isNew ? '记录' : '修改'}${LOOP_LABELS.escalationKind[step.kind]}`;
  const v = form.value;
  return (
    <GuardedFormDialog
      title={title}
      dirty={form.dirty}
      onClose={onClose}
      onSubmit={(e) => void form.submit(e)}
      busy={form.busy}
      general={form.error}
      submitLabel={confirmation.submitLabel ?? '保存'}
      lead={confirmation.notice}
      wide
    >
      {v.kind === 'inquiry' && <InquiryFields data={data} v={v} set={set} />}
      {v.kind === 'interpellation' && <InterpellationFields data={data} v={v} set={set} />}
      {v.kind === 'investigation' && <InvestigationFields data={data} v={v} set={set} />}
      {v.kind === 'decision' && <DecisionFields data={data} v={v} set={set} />}
    </GuardedFormDialog>
  );
}

interface FieldsProps<S> {
  data: LoopCase;
  v: S;
  set: (patch: Partial<S>) => void;
}

function TextArea({ label, value, onChange, rows = 3 }: { label: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return <Field label={label}>{(id) => <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

function TextInput({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (v: string) => void; placeholder?: string }) {
  return <Field label={label}>{(id) => <input id={id} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />}</Field>;
}

function MeetingField({ data, label, value, onChange, empty }: { data: LoopCase; label: string; value: string | null; onChange: (id: string | null) => void; empty?: string }) {
  return <Field label={label}>{(id) => <MeetingSelect id={id} meetings={data.meetings} value={value === '' ? null : value} onChange={onChange} {...(empty ? { empty } : {})} />}</Field>;
}

function InquiryFields({ data, v, set }: FieldsProps<InquiryStep>) {
  return (
    <>
      <div className="form-grid">
        <MeetingField data={data} label="询问会议" value={v.meetingId} onChange={(m) => set({ meetingId: m ?? '' })} />
        <DateField label="询问日期" value={v.date} onChange={(d) => set({ date: d })} />
      </div>
      <MemberPicker label="询问人" members={data.members} value={v.askedBy} onChange={(askedBy) => set({ askedBy })} />
      <TextArea label="询问内容" value={v.question} onChange={(question) => set({ question })} />
      <TextInput label="答复人" value={v.answeredBy} onChange={(answeredBy) => set({ answeredBy })} />
      <TextArea label="答复内容" value={v.answer} onChange={(answer) => set({ answer })} />
    </>
  );
}

function ModeSelect({ label, value, onChange }: { label: string; value: AnswerMode; onChange: (m: AnswerMode) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as AnswerMode)}>
          {ANSWER_MODES.map((m) => (
            <option key={m} value={m}>
              {LOOP_LABELS.answerMode[m]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function InterpellationFields({ data, v, set }: FieldsProps<InterpellationStep>) {
  const min = data.thresholds.interpellationMin;
  const proposers = v.proposers.filter((p) => p.memberId);
  const last = v.answers.at(-1);
  const canAnswer = v.decision !== null && (last === undefined || needsSecondAnswer(proposers.length, last.notSatisfied.length));
  const setAnswer = (i: number, patch: Partial<InterpellationAnswer>) => set({ answers: v.answers.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <>
      <h3 className="loop-form-head">提出质询案</h3>
      <div className="form-grid">
        <DateField label="提出日期" value={v.proposedOn} onChange={(d) => set({ proposedOn: d })} />
        <TextInput label="质询对象" value={v.object} onChange={(object) => set({ object })} placeholder="被评议对象所在的部门、法院或检察院" />
      </div>
      <MemberPicker label="提案人" members={data.members} value={v.proposers} onChange={(p) => set({ proposers: p })} />
      <Count n={activeCount(data, v.proposers)} min={min} what="提案人" />
      <TextArea label="质询的问题" value={v.questions} onChange={(questions) => set({ questions })} />
      <TextArea label="质询的内容和理由" value={v.reasons} onChange={(reasons) => set({ reasons })} />

      <h3 className="loop-form-head">主任会议决定</h3>
      <label className="loop-check">
        <input type="checkbox" checked={v.decision !== null} onChange={(e) => set({ decision: e.target.checked ? { date: '', mode: 'meeting', meetingId: null } : null })} />
        主任会议已决定答复方式
      </label>
      {v.decision && (
        <div className="form-grid">
          <DateField label="主任会议决定日期" value={v.decision.date} onChange={(d) => set({ decision: { ...v.decision!, date: d } })} />
          <ModeSelect label="答复方式" value={v.decision.mode} onChange={(mode) => set({ decision: { ...v.decision!, mode } })} />
          {v.decision.mode === 'meeting' && (
            <MeetingField data={data} label="答复会议" value={v.decision.meetingId} onChange={(meetingId) => set({ decision: { ...v.decision!, meetingId } })} />
          )}
        </div>
      )}

      <h3 className="loop-form-head">答复与提案人意见</h3>
      {v.decision === null && <p className="muted">主任会议决定答复方式后，才能记录答复。</p>}
      {v.answers.map((a, i) => {
        const again = needsSecondAnswer(proposers.length, a.notSatisfied.length);
        return (
          <fieldset key={i} className="loop-answer" aria-label={`第${i + 1}次答复`}>
            <legend>第{i + 1}次答复</legend>
            <div className="form-grid">
              <ModeSelect label="答复方式" value={a.mode} onChange={(mode) => setAnswer(i, { mode })} />
              <DateField label="答复日期" value={a.date} onChange={(date) => setAnswer(i, { date })} />
              {a.mode === 'meeting' && <MeetingField data={data} label="答复会议" value={a.meetingId} onChange={(meetingId) => setAnswer(i, { meetingId })} />}
              <TextInput label="答复人" value={a.answeredBy} onChange={(answeredBy) => setAnswer(i, { answeredBy })} />
            </div>
            <TextArea label="答复内容" value={a.text} onChange={(text) => setAnswer(i, { text })} />
            <fieldset className="loop-picker">
              <legend>不满意答复的提案人</legend>
              <div className="loop-picker-grid">
                {proposers.map((p) => (
                  <label key={p.memberId}>
                    <input
                      type="checkbox"
                      aria-label={`不满意：${p.name}`}
                      checked={a.notSatisfied.includes(p.memberId!)}
                      onChange={(e) => setAnswer(i, { notSatisfied: e.target.checked ? [...a.notSatisfied, p.memberId!] : a.notSatisfied.filter((x) => x !== p.memberId) })}
                    />
                    {p.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <DateField label="提案人表示意见日期" value={a.verdictDate ?? ''} onChange={(d) => setAnswer(i, { verdictDate: d === '' ? null : d })} />
            <p className={`loop-count ${again ? 'short' : 'ok'}`} role="status">
              提案人{proposers.length}人，不满意{a.notSatisfied.length}人：{again ? '过半数不满意，应再次答复。' : '未过半数不满意。'}
            </p>
            <button type="button" className="btn small danger" onClick={() => set({ answers: v.answers.filter((_, j) => j !== i) })}>
              删除此次答复
            </button>
          </fieldset>
        );
      })}
      {canAnswer && (
        <button
          type="button"
          className="btn small"
          onClick={() => set({ answers: [...v.answers, { mode: v.decision!.mode, date: '', meetingId: v.decision!.meetingId, answeredBy: '', text: '', notSatisfied: [], verdictDate: null }] })}
        >
          {v.answers.length === 0 ? '记录答复' : '记录再次答复'}
        </button>
      )}
    </>
  );
}

function InvestigationFields({ data, v, set }: FieldsProps<InvestigationStep>) {
  const min = data.thresholds.investigationMin;
  return (
    <>
      <h3 className="loop-form-head">提议</h3>
      <div className="form-grid">
        <Field label="提议方式">
          {(id) => (
            <select id={id} value={v.proposedBy} onChange={(e) => set({ proposedBy: e.target.value as InvestigationStep['proposedBy'] })}>
              <option value="council">{LOOP_LABELS.investigationProposer.council}</option>
              <option value="members">{LOOP_LABELS.investigationProposer.members}</option>
            </select>
          )}
        </Field>
        <DateField label="提议日期" value={v.proposedOn} onChange={(d) => set({ proposedOn: d })} />
      </div>
      {v.proposedBy === 'members' && (
        <>
          <MemberPicker label="提议人" members={data.members} value={v.proposers} onChange={(p) => set({ proposers: p })} />
          <Count n={activeCount(data, v.proposers)} min={min} what="提议人" />
          <p className="muted loop-hint">在任组成人员{data.thresholds.activeMembers}人，五分之一以上即至少{min}人。</p>
        </>
      )}
      <TextArea label="提议内容" value={v.proposal} onChange={(proposal) => set({ proposal })} />
      <MemberPicker label="调查委员会组成人员" members={data.members} value={v.committee} onChange={(committee) => set({ committee })} />

      <h3 className="loop-form-head">调查报告</h3>
      <label className="loop-check">
        <input type="checkbox" checked={v.report !== null} onChange={(e) => set({ report: e.target.checked ? { date: '', text: '' } : null })} />
        调查委员会已提出调查报告
      </label>
      {v.report && (
        <>
          <DateField label="调查报告日期" value={v.report.date} onChange={(date) => set({ report: { ...v.report!, date } })} />
          <TextArea label="调查报告" rows={4} value={v.report.text} onChange={(text) => set({ report: { ...v.report!, text } })} />
        </>
      )}

      <h3 className="loop-form-head">决议或决定</h3>
      <label className="loop-check">
        <input type="checkbox" checked={v.resolution !== null} onChange={(e) => set({ resolution: e.target.checked ? { kind: 'resolution', date: '', meetingId: '', text: '' } : null })} />
        常委会已根据调查报告作出决议或决定
      </label>
      {v.resolution && (
        <>
          <div className="form-grid">
            <Field label="决议或决定">
              {(id) => (
                <select id={id} value={v.resolution!.kind} onChange={(e) => set({ resolution: { ...v.resolution!, kind: e.target.value as (typeof RESOLUTION_KINDS)[number] } })}>
                  {RESOLUTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {LOOP_LABELS.resolutionKind[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <DateField label="作出日期" value={v.resolution.date} onChange={(date) => set({ resolution: { ...v.resolution!, date } })} />
            <MeetingField data={data} label="作出决议的会议" value={v.resolution.meetingId} onChange={(m) => set({ resolution: { ...v.resolution!, meetingId: m ?? '' } })} />
          </div>
          <TextArea label="决议或决定内容" rows={4} value={v.resolution.text} onChange={(text) => set({ resolution: { ...v.resolution!, text } })} />
        </>
      )}
    </>
  );
}

function DecisionFields({ data, v, set }: FieldsProps<DecisionStep>) {
  return (
    <>
      <div className="form-grid">
        <MeetingField data={data} label="作出决定的会议" value={v.meetingId} onChange={(m) => set({ meetingId: m ?? '' })} />
        <DateField label="决定日期" value={v.date} onChange={(date) => set({ date })} />
      </div>
      <TextArea label="决定内容" rows={5} value={v.text} onChange={(text) => set({ text })} />
    </>
  );
}
