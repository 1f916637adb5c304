import type { HandoffView } from '../../../../shared/api/package-types';
import { formatDateTimeCn } from '../../ui/format';

/**
 * When the desk asks before an edit of a meeting whose package is out at the hall (pure; the
 * dialog is handoff-guard.tsx). Only the desk's side (`out`) asks: on the hall laptop (`in`) the
 * meeting is held there, and its results package carries the edits back.
 */

/** One confirmation per export: a package exported again asks again. */
export function handoffConfirmKey(h: Pick<HandoffView, 'meetingId' | 'at'>): string {
  return `${h.meetingId}@${h.at}`;
}

/** The handoff to ask about before editing `meetingId`, or null when the edit goes ahead at once. */
export function handoffToAsk(handoffs: readonly HandoffView[] | undefined, meetingId: string | null | undefined, confirmed: ReadonlySet<string>): HandoffView | null {
  if (!meetingId || !handoffs) return null;
  const h = handoffs.find((x) => x.meetingId === meetingId && x.direction === 'out');
  return h && !confirmed.has(handoffConfirmKey(h)) ? h : null;
}

/** The question, with the facts of the handoff record: which meeting, and when its package left. */
export function handoffQuestion(h: Pick<HandoffView, 'meetingName' | 'at'>): string {
  return (
    `“${h.meetingName}”的会议包已于${formatDateTimeCn(h.at)}导出到会场。在这里修改的内容不会自动带到会场电脑上；` +
    '会后导入会议结果包时，两边都改过的内容须逐项核对、选择保留哪一方。仍要修改吗？'
  );
}
