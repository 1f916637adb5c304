import type { MeetingSummary } from '../../../../shared/api/desk-types';
import type { MeetingStatus } from '../../../../shared/domain/meetings';

const STATUS_TONE: Record<MeetingStatus, string> = { planned: 'ok', 'in-progress': 'red', closed: '' };

export function StatusTag({ status, label }: { status: MeetingStatus; label: string }) {
  return <span className={`tag ${STATUS_TONE[status]}`}>{label}</span>;
}

/** 到会汇报5项 · 书面报告6项 · 测评2项 (a vote item of any kind: its own title names it) (parts with none left out); a line breaks only between parts. */
export function AgendaCounts({ m }: { m: Pick<MeetingSummary, 'reportItems' | 'writtenItems' | 'voteItems'> }) {
  const parts = [
    ['到会汇报', m.reportItems],
    ['书面报告', m.writtenItems],
    ['测评', m.voteItems],
  ] as const;
  const shown = parts.filter(([, n]) => n > 0);
  if (shown.length === 0) return <>尚未安排议程</>;
  return (
    <>
      {shown.map(([label, n], i) => (
        <span key={label} className="mt-count">
          {i > 0 && ' · '}
          {label}
          {n}项
        </span>
      ))}
    </>
  );
}
