import type { Evaluation, ReportMode } from '../../../../shared/domain/evaluations';
import { REPORT_MODE_LABELS } from '../../../../shared/domain/evaluations';
import { EVALUATEE_CATEGORIES } from '../../../../shared/domain/evaluatees';
import type { Person } from './meeting-detail';

export interface CandidatesPanelProps {
  meetingId: string;
  year: number;
  /** Evaluations of the meeting's year (meetings.get → planned). */
  planned: Evaluation[];
  people: Map<string, Person>;
  /** Evaluatees already heard on this agenda. */
  onAgenda: Set<string>;
  /** Names of the other meetings, to say where someone is already scheduled. */
  otherMeetings: Map<string, string>;
  busy: boolean;
  onAdd: (items: { evaluateeId: string; mode: ReportMode }[]) => void;
}

const rank = (p: Person | undefined) => (p ? EVALUATEE_CATEGORIES.indexOf(p.category) : 99);

/** Who the year's plan still offers for this agenda, in category order, with the planned mode. */
export function CandidatesPanel({ meetingId, year, planned, people, onAgenda, otherMeetings, busy, onAdd }: CandidatesPanelProps) {
  const candidates = planned
    .filter((ev) => !onAgenda.has(ev.evaluateeId))
    .sort((a, b) => rank(people.get(a.evaluateeId)) - rank(people.get(b.evaluateeId)));
  // One year's evaluation is heard at one meeting: whoever another meeting already hears is shown
  // with that meeting's name but cannot be added here (the service would refuse it too).
  const isElsewhere = (ev: Evaluation) => ev.meetingId !== undefined && ev.meetingId !== meetingId;
  const free = candidates.filter((ev) => !isElsewhere(ev));

  return (
    <section className="panel" aria-labelledby="mt-candidates-title">
      <div className="mt-panel-head">
        <h2 id="mt-candidates-title">{year}年度评议计划中未列入本次议程的对象</h2>
        <span className="muted">{candidates.length}人</span>
        <span className="grow" />
        {free.length > 1 && (
          <button type="button" className="btn" disabled={busy} onClick={() => onAdd(free.map((ev) => ({ evaluateeId: ev.evaluateeId, mode: ev.mode })))}>
            全部列入议程（{free.length}人）
          </button>
        )}
      </div>
      {candidates.length === 0 ? (
        <p className="muted mt-empty">
          {planned.length === 0 ? (
            <>
              {year}年度尚无评议计划。请先在<a href="#/plan">五年计划</a>中列入评议对象。
            </>
          ) : (
            `${year}年度评议计划中的对象均已列入本次议程。`
          )}
        </p>
      ) : (
        <table className="list" aria-label="可列入议程的评议对象">
          <thead>
            <tr>
              <th>姓名</th>
              <th>单位及职务</th>
              <th>类别</th>
              <th>计划汇报方式</th>
              <th>安排情况</th>
              <th className="actions">操作</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((ev) => {
              const p = people.get(ev.evaluateeId);
              const elsewhere = isElsewhere(ev) ? (otherMeetings.get(ev.meetingId ?? '') ?? '其他会议') : undefined;
              const name = p?.name ?? '（已删除的对象）';
              return (
                <tr key={ev.id}>
                  <td>
                    <strong>{name}</strong>
                  </td>
                  <td>
                    {p?.unitName} <span className="muted">{p?.position}</span>
                  </td>
                  <td>{p?.category}</td>
                  <td>{REPORT_MODE_LABELS[ev.mode]}</td>
                  <td>{elsewhere ? <span className="tag warn">已安排在{elsewhere}</span> : <span className="muted">未安排会议</span>}</td>
                  <td className="actions">
                    <button type="button" className="btn small" disabled={busy || !p || elsewhere !== undefined}
                      title={elsewhere ? '该对象本年度的评议已安排在其他会议，请先从该会议议程中移出' : undefined}
                      aria-label={`列入议程：${name}`} onClick={() => onAdd([{ evaluateeId: ev.evaluateeId, mode: ev.mode }])}>
                      列入议程
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
