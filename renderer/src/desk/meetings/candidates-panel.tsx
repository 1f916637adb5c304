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
  const waiting = planned
    .filter((ev) => !onAgenda.has(ev.evaluateeId))
    .sort((a, b) => rank(people.get(a.evaluateeId)) - rank(people.get(b.evaluateeId)));
  // One year's evaluation is heard at one meeting (the service refuses a second): whoever another
  // meeting already hears is only named, grouped by that meeting, not offered.
  const free = waiting.filter((ev) => ev.meetingId === undefined || ev.meetingId === meetingId);
  const elsewhere = new Map<string, string[]>();
  for (const ev of waiting) {
    if (ev.meetingId === undefined || ev.meetingId === meetingId) continue;
    const where = otherMeetings.get(ev.meetingId) ?? '其他会议';
    elsewhere.set(where, [...(elsewhere.get(where) ?? []), people.get(ev.evaluateeId)?.name ?? '（已删除的对象）']);
  }

  return (
    <section className="panel" aria-labelledby="mt-candidates-title">
      <div className="mt-panel-head">
        <h2 id="mt-candidates-title">可列入议程的被评议对象</h2>
        {free.length > 0 && (
          <span className="muted">
            {year}年度评议计划中尚未安排会议的{free.length}人
          </span>
        )}
        <span className="grow" />
        {free.length > 1 && (
          <button type="button" className="btn" disabled={busy} onClick={() => onAdd(free.map((ev) => ({ evaluateeId: ev.evaluateeId, mode: ev.mode })))}>
            全部列入议程（{free.length}人）
          </button>
        )}
      </div>
      {free.length === 0 ? (
        <p className="muted mt-empty">
          {planned.length === 0 ? (
            <>
              {year}年度尚无评议计划。请先在<a href="#/plan">五年计划</a>中列入被评议对象。
            </>
          ) : (
            `${year}年度评议计划中的对象均已安排会议。`
          )}
        </p>
      ) : (
        <table className="list" aria-label="可列入议程的被评议对象">
          <thead>
            <tr>
              <th>姓名</th>
              <th>单位及职务</th>
              <th>类别</th>
              <th>计划汇报方式</th>
              <th className="actions">操作</th>
            </tr>
          </thead>
          <tbody>
            {free.map((ev) => {
              const p = people.get(ev.evaluateeId);
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
                  <td className="actions">
                    <button type="button" className="btn small" disabled={busy || !p} aria-label={`列入议程：${name}`} onClick={() => onAdd([{ evaluateeId: ev.evaluateeId, mode: ev.mode }])}>
                      列入议程
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {[...elsewhere].map(([where, names]) => (
        <p key={where} className="muted mt-taken">
          已安排在{where}的{names.length}人：{names.join('、')}。
        </p>
      ))}
    </section>
  );
}
