import type { MeetingSummary } from '../../../../shared/api/desk-types';
import type { MeetingStatus } from '../../../../shared/domain/meetings';

const STATUS_TONE: Record<MeetingStatus, string> = { planned: 'ok', 'in-progress': 'red', closed: '' };

export function StatusTag({ status, label }: { status: MeetingStatus; label: string }) {
  return <span className={`tag ${STATUS_TONE[status]}`}>{label}</span>;
}

/** 到会汇报5项 · 书面报告6项 · 民主测评2项, or 尚未安排议程. */
export function agendaCountsText(m: Pick<MeetingSummary, 'reportItems' | 'writtenItems' | 'voteItems'>): string {
  if (m.reportItems + m.writtenItems + m.voteItems === 0) return '尚未安排议程';
  return `到会汇报${m.reportItems}项 · 书面报告${m.writtenItems}项 · 民主测评${m.voteItems}项`;
}
