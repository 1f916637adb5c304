import { memo } from 'react';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES } from '../../../shared/domain/live';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import { NumberInput } from './number-input';
import type { LiveConsole } from './use-live-console';

type Member = LiveConsoleState['roster'][number];

/** One member's sign-in: re-rendered only when that member's status changes. */
// Every click is sent, even when the row already shows that status: the row may still show the state
// from before a change in flight (全部出席 just clicked), and setting a status twice changes nothing.
const RosterRow = memo(function RosterRow({ member: m, act }: { member: Member; act: LiveConsole['act'] }) {
  return (
    <li className={`roster-row status-${m.status}`}>
      <span className="roster-name">{m.name}</span>
      <span className="roster-role">{m.role}</span>
      <span className="att-toggle" role="group" aria-label={`${m.name}的签到`}>
        {ATTENDANCE_STATUSES.map((s) => (
          <button key={s} className={`att-btn att-${s}`} aria-pressed={m.status === s} onClick={() => act('live.attendance', { memberId: m.id, status: s })}>
            {ATTENDANCE_LABELS[s]}
          </button>
        ))}
      </span>
    </li>
  );
});

interface AttendanceProps {
  roster: LiveConsoleState['roster'];
  quorum: LiveConsoleState['quorum'];
  attendance: LiveConsoleState['attendance'];
  act: LiveConsole['act'];
}

/** 签到: every member in roster order, the counts, the quorum line and the 列席 numbers. */
export const AttendancePanel = memo(function AttendancePanel({ roster, quorum, attendance, act }: AttendanceProps) {
  const count = (status: string) => roster.filter((m) => m.status === status).length;
  const deputies = attendance?.deputies ?? 0;
  const citizens = attendance?.citizens ?? 0;
  return (
    <section className="panel attendance-panel" aria-labelledby="attendance-title">
      <h2 id="attendance-title">签到</h2>
      <dl className="att-counts">
        <div>
          <dt>应到</dt>
          <dd data-testid="count-entitled">{quorum?.entitled ?? roster.length}人</dd>
        </div>
        <div>
          <dt>实到</dt>
          <dd data-testid="count-present">{quorum?.present ?? count('present')}人</dd>
        </div>
        <div>
          <dt>请假</dt>
          <dd data-testid="count-leave">{count('leave')}人</dd>
        </div>
        <div>
          <dt>缺席</dt>
          <dd>{count('absent')}人</dd>
        </div>
      </dl>
      {quorum && (
        <div className={`quorum-line ${quorum.met ? 'met' : 'not-met'}`} role="status" data-testid="quorum" data-met={quorum.met}>
          {quorum.met ? '✔ ' : '✘ '}
          {quorum.text}
        </div>
      )}
      <div className="toolbar att-all">
        <button className="btn" onClick={() => act('live.attendanceAll', { status: 'present' })}>
          全部出席
        </button>
        <button className="btn" onClick={() => act('live.attendanceAll', { status: 'absent' })}>
          全部缺席
        </button>
      </div>
      <div className="att-attendees">
        <label htmlFor="att-deputies">列席代表</label>
        <NumberInput id="att-deputies" value={deputies} min={0} max={999} onCommit={(n) => act('live.attendees', { deputies: n, citizens })} />
        <span>人</span>
        <label htmlFor="att-citizens">列席群众</label>
        <NumberInput id="att-citizens" value={citizens} min={0} max={999} onCommit={(n) => act('live.attendees', { deputies, citizens: n })} />
        <span>人</span>
      </div>
      <ol className="roster" aria-label="组成人员签到">
        {roster.map((m) => (
          <RosterRow key={m.id} member={m} act={act} />
        ))}
      </ol>
    </section>
  );
});
