import { useCall } from '../platform/hooks';
import { formatDateTimeCn } from '../ui/format';

/** Tells the user plainly when the store recovered, restored, migrated or took over the folder. */
export function StoreNoticeBanner() {
  // Refreshed after each change too: a file found bad on its first read is recovered later than the start.
  const { data } = useCall('store.status', {});
  if (!data || data.notices.length === 0) return null;
  return (
    <>
      {data.notices.map((n, i) => (
        <div key={i} className={`banner ${n.severity}`} role="alert">
          {n.message} <span className="muted">（{formatDateTimeCn(n.at)}）</span>
        </div>
      ))}
    </>
  );
}
