import { HEARING_PURPOSE_LABELS, type AgendaItem } from '../../../../shared/domain/meetings';
import { VOTE_KIND_LABELS, type VoteTitles } from '../../../../shared/domain/settings';
import { REPORT_MODES, REPORT_MODE_LABELS, type ReportMode } from '../../../../shared/domain/evaluations';
import type { Person } from './meeting-detail';

export type AgendaCommand =
  | { kind: 'move'; index: number; delta: -1 | 1 }
  | { kind: 'mode'; index: number; mode: ReportMode }
  | { kind: 'remove'; index: number }
  | { kind: 'edit-vote'; index: number };

export interface AgendaTableProps {
  agenda: AgendaItem[];
  people: Map<string, Person>;
  /** Items the meeting has begun on (id → what happened): they stay, with their evaluatee and mode. */
  started: Record<string, string>;
  /** A save is in flight: controls wait, so two edits never race each other. */
  busy: boolean;
  /** A closed meeting's agenda is history: shown, not edited (the service refuses too). */
  readOnly: boolean;
  error?: string;
  onCommand: (c: AgendaCommand) => void;
  onAddVote: () => void;
  canAddVote: boolean;
  /** The votes' names in the settings: each vote item is tagged with its kind's title. */
  titles: VoteTitles;
}

/** The agenda in one line; the meeting's own vote is named by its title in settings (民主测评 by default). */
function summary(agenda: AgendaItem[], titles: VoteTitles): string {
  const inPerson = agenda.filter((i) => i.kind === 'report' && i.mode === 'report').length;
  const written = agenda.filter((i) => i.kind === 'report' && i.mode === 'written').length;
  const votes = agenda.filter((i) => i.kind === 'vote' && i.voteKind === 'meeting').length;
  const hearings = agenda.filter((i) => i.kind === 'hearing').length;
  const later = agenda.filter((i) => i.kind === 'vote' && i.voteKind !== 'meeting').length;
  const more = `${hearings ? ` · 听取整改情况${hearings}项` : ''}${later ? ` · 整改后测评${later}项` : ''}`;
  return `共${agenda.length}项：到会汇报${inPerson}项 · 书面报告${written}项 · ${titles.meeting}${votes}项${more}`;
}

/** The agenda in order; up/down buttons reorder it (keyboard users tab to them). */
export function AgendaTable({ agenda, people, started, busy, readOnly, error, onCommand, onAddVote, canAddVote, titles }: AgendaTableProps) {
  const nameOf = (id: string) => people.get(id)?.name ?? '（已删除的对象）';
  return (
    <section className="panel" aria-labelledby="mt-agenda-title">
      <div className="mt-panel-head">
        <h2 id="mt-agenda-title">会议议程</h2>
        <span className="muted">{summary(agenda, titles)}</span>
        <span className="grow" />
        {busy && (
          <span className="muted" role="status">
            正在保存…
          </span>
        )}
        {!readOnly && (
          <button type="button" className="btn" onClick={onAddVote} disabled={!canAddVote || busy} title={canAddVote ? undefined : '请先将被评议对象列入议程'}>
            新增测评
          </button>
        )}
      </div>
      {error && (
        <div className="banner error" role="alert">
          议程未保存：{error}
        </div>
      )}
      {agenda.length === 0 ? (
        <p className="muted mt-empty">{readOnly ? '本次会议没有议程。' : '尚未安排议程。请从下方本年度评议计划中将被评议对象列入议程。'}</p>
      ) : (
        <table className="list mt-agenda" aria-label="会议议程">
          <thead>
            <tr>
              <th className="seq">序号</th>
              <th className="kind">类型</th>
              <th>内容</th>
              <th className="mode">汇报方式</th>
              {!readOnly && <th className="actions">操作</th>}
            </tr>
          </thead>
          <tbody>
            {agenda.map((item, index) => {
              const title = item.kind === 'vote' ? item.title : nameOf(item.evaluateeId);
              const person = item.kind === 'vote' ? undefined : people.get(item.evaluateeId);
              const begun = started[item.id];
              return (
                <tr key={item.id} data-agenda-id={item.id}>
                  <td className="seq">{index + 1}</td>
                  <td className="kind">
                    {item.kind === 'report' ? (
                      <span className="tag">听取报告</span>
                    ) : item.kind === 'hearing' ? (
                      <span className="tag">{HEARING_PURPOSE_LABELS[item.purpose]}</span>
                    ) : (
                      <span className="tag red" title={VOTE_KIND_LABELS[item.voteKind]}>
                        {titles[item.voteKind]}
                      </span>
                    )}
                  </td>
                  <td>
                    {begun && (
                      <span className="tag warn mt-started" title="会议已进行到该项，不能移出议程">
                        {begun}
                      </span>
                    )}
                    {item.kind !== 'vote' ? (
                      <>
                        <strong>{title}</strong>
                        <span className="muted mt-sub">{person ? `${person.unitName} ${person.position}` : ''}</span>
                      </>
                    ) : (
                      <>
                        <strong>{title}</strong>
                        <span className="muted mt-sub">
                          测评对象（{item.evaluateeIds.length}人）：{item.evaluateeIds.map(nameOf).join('、')}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="mode">
                    {item.kind !== 'vote' && readOnly ? (
                      REPORT_MODE_LABELS[item.mode]
                    ) : item.kind !== 'vote' ? (
                      <select aria-label={`${title}的汇报方式`} value={item.mode} disabled={busy || !!begun} onChange={(e) => onCommand({ kind: 'mode', index, mode: e.target.value as ReportMode })}>
                        {REPORT_MODES.map((m) => (
                          <option key={m} value={m}>
                            {REPORT_MODE_LABELS[m]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  {!readOnly && <RowActions index={index} last={index === agenda.length - 1} title={title} vote={item.kind === 'vote'} begun={begun} busy={busy} onCommand={onCommand} />}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RowActions({
  index,
  last,
  title,
  vote,
  begun,
  busy,
  onCommand,
}: {
  index: number;
  last: boolean;
  title: string;
  vote: boolean;
  begun: string | undefined;
  busy: boolean;
  onCommand: (c: AgendaCommand) => void;
}) {
  // data-action lets the page put focus back on the same button after the stored move re-renders.
  return (
    <td className="actions">
      <button type="button" className="btn small" data-action="up" aria-label={`上移：${title}`} disabled={busy || index === 0} onClick={() => onCommand({ kind: 'move', index, delta: -1 })}>
        上移
      </button>
      <button type="button" className="btn small" data-action="down" aria-label={`下移：${title}`} disabled={busy || last} onClick={() => onCommand({ kind: 'move', index, delta: 1 })}>
        下移
      </button>
      {vote && (
        <button type="button" className="btn small" aria-label={`修改测评：${title}`} disabled={busy} onClick={() => onCommand({ kind: 'edit-vote', index })}>
          修改
        </button>
      )}
      <button
        type="button"
        className="btn small danger"
        aria-label={`移出议程：${title}`}
        title={begun ? `${begun}，不能移出议程` : undefined}
        disabled={busy || !!begun}
        onClick={() => onCommand({ kind: 'remove', index })}
      >
        移出
      </button>
    </td>
  );
}
