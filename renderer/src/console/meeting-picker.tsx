import { MEETING_STATUS_LABELS } from '../../../shared/domain/meetings';
import { formatDateCn } from '../../../shared/format/dates';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { LiveConsole } from './use-live-console';

/** No session yet: choose the meeting and whether this is the real meeting or a rehearsal. */
export function MeetingPicker({ state, act }: { state: LiveConsoleState; act: LiveConsole['act'] }) {
  return (
    <section className="panel picker" aria-labelledby="picker-title">
      <h2 id="picker-title">选择会议</h2>
      {state.meetings.length === 0 ? (
        <p className="muted">没有可以进入的会议。请先在办公桌的“会议”中新建会议并安排议程。</p>
      ) : (
        <table className="list" aria-label="可进入的会议">
          <thead>
            <tr>
              <th>会议名称</th>
              <th>日期</th>
              <th>状态</th>
              <th>进入会议现场</th>
            </tr>
          </thead>
          <tbody>
            {state.meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <strong>{m.name}</strong>
                </td>
                <td>{formatDateCn(m.date)}</td>
                <td>
                  {MEETING_STATUS_LABELS[m.status]}
                  {m.hasRehearsal && <span className="tag warn picker-tag">有彩排副本</span>}
                </td>
                <td className="picker-actions">
                  <button className="btn primary" onClick={() => act('live.open', { meetingId: m.id, rehearsal: false })} aria-label={`开始正式会议：${m.name}`}>
                    开始正式会议
                  </button>
                  <button className="btn" onClick={() => act('live.open', { meetingId: m.id, rehearsal: true })} aria-label={`彩排：${m.name}`}>
                    {m.hasRehearsal ? '继续彩排' : '彩排'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted picker-note">彩排在会议的副本上进行，不影响正式记录；彩排结束后可以丢弃。</p>
    </section>
  );
}
