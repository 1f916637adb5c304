import type { MeetingSummary } from '../../../../shared/api/desk-types';
import type { MeetingStatus } from '../../../../shared/domain/meetings';

const STATUS_TONE: Record<MeetingStatus, string> = { planned: 'ok', 'in-progress': 'red', closed: '' };

export function StatusTag({ status, label }: { status: MeetingStatus; label: string }) {
  return <span className={`tag ${STATUS_TONE[status]}`}>{label}</span>;
}

/** 到会汇报5项 · 书面报告6项 · 民主测评2项 (parts with none left out); a line breaks only between parts. */
export function AgendaCounts({ m }: { m: Pick<MeetingSummary, 'reportItems' | 'writtenItems' | 'voteItems' | 'hearingItems' | 'laterVoteItems'> }) {
  const parts = [
    ['到会汇报', m.reportItems],
    ['书面报告', m.writtenItems],
    ['民主测评', m.voteItems],
    ['听取整改情况', m.hearingItems],
    ['整改后测评', m.laterVoteItems],
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
