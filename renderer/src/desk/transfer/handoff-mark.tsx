import { useEffect } from 'react';
import { getPlatform } from '../../platform/platform';
import { navigate } from '../../ui/router';
import { useCall } from '../../platform/hooks';
import { formatDateTimeCn } from '../../ui/format';
import type { HandoffView } from '../../../../shared/api/package-types';

export function handoffText(h: HandoffView): string {
  return h.direction === 'out'
    ? `本会议的会议包已于 ${formatDateTimeCn(h.at)} 导出到会场。会议结果包导回之前，请尽量不要在此修改本会议、名单和设置：修改本会议之前会先询问，在此改动的内容导回时须与会场的改动逐项核对。`
    : `本会议来自办公桌电脑“${h.machine}”（${formatDateTimeCn(h.at)} 导入）。会后请在 设置 → 会议包 导出会议结果包，带回办公桌导入。`;
}

/** The warning on a meeting that is out at the hall (desk) or came from the desk (laptop). */
export function HandoffBanner({ meetingId }: { meetingId: string }) {
  const handoffs = useCall('package.handoffs', {});
  const h = handoffs.data?.find((x) => x.meetingId === meetingId);
  if (!h) return null;
  return (
    <div className="banner warn" role="note" data-testid="handoff-banner">
      {handoffText(h)}
    </div>
  );
}

/** 已导出到会场 / 来自办公桌, as a tag in the meeting list. */
export function HandoffTag({ meetingId, handoffs }: { meetingId: string; handoffs: readonly HandoffView[] | undefined }) {
  const h = handoffs?.find((x) => x.meetingId === meetingId);
  if (!h) return null;
  return <span className="tag warn">{h.direction === 'out' ? '已导出到会场' : '来自办公桌'}</span>;
}

/** Desktop: a .pingyi file opened with the app brings the desk to 设置, where 会议包 takes it (package.takeOpened). */
export function OpenedPackageWatcher() {
  useEffect(() => getPlatform().on('package.opened', () => navigate('/settings')), []);
  return null;
}
