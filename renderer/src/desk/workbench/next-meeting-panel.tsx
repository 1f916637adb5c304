import type { MeetingSummary } from '../../../../shared/api/desk-types';
import { formatDateCn, parseIsoDate } from '../../../../shared/format';

/** Whole days from `today` to `date` (both 'YYYY-MM-DD'), counted on the calendar, not the clock. */
export function daysBetween(today: string, date: string): number | null {
  const a = parseIsoDate(today);
  const b = parseIsoDate(date);
  if (!a || !b) return null;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

function whenText(today: string, date: string): string {
  const days = daysBetween(today, date);
  if (days === null) return '';
  if (days === 0) return '今天召开';
  if (days > 0) return `距会议还有${days}天`;
  // Only a meeting not yet ended is listed here: its date passed and nobody closed it.
  return `已过会期${-days}天，尚未结束`;
}

export function NextMeetingPanel({ meeting, today }: { meeting: MeetingSummary | null; today: string }) {
  return (
    <section className="panel" aria-labelledby="wb-meeting-title">
      <div className="panel-head">
        <h2 id="wb-meeting-title">下次会议</h2>
        <span className="grow" />
        <a href="#/meetings">全部会议</a>
      </div>
      {meeting ? (
        <>
          <div className="wb-meeting-name" data-testid="wb-next-meeting">
            {meeting.name}
          </div>
          <dl className="wb-facts">
            <dt>日期</dt>
            <dd>
              {formatDateCn(meeting.date)} <span className="muted">{whenText(today, meeting.date)}</span>
            </dd>
            <dt>地点</dt>
            <dd>{meeting.place || <span className="muted">未填写</span>}</dd>
            <dt>状态</dt>
            <dd>
              <span className={`tag ${meeting.status === 'in-progress' ? 'red' : meeting.status === 'closed' ? '' : 'ok'}`}>{meeting.statusLabel}</span>
            </dd>
            <dt>议程</dt>
            <dd>
              到会汇报{meeting.reportItems}项 · 书面报告{meeting.writtenItems}项 · 测评{meeting.voteItems}项
            </dd>
          </dl>
          <a className="btn" href={`#/meetings/${meeting.id}`}>
            查看会议议程
          </a>
        </>
      ) : (
        <p className="muted">
          暂无待召开的会议。可在<a href="#/meetings">会议</a>中新建。
        </p>
      )}
    </section>
  );
}
