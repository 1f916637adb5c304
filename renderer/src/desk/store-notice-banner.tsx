import { useCall } from '../platform/hooks';
import type { StoreNoticeView } from '../../../shared/api/platform-types';
import { formatDateTimeCn } from '../ui/format';

function describe(n: StoreNoticeView): { tone: 'warn' | 'error'; text: string } {
  switch (n.kind) {
    case 'recovered':
      return { tone: 'warn', text: `数据文件“${n.key}”损坏或无法读取，已移至 ${n.quarantinedAs} 保存，并从备份 ${n.backupId} 恢复。备份之后的修改可能需要重新录入。` };
    case 'started-empty':
      return { tone: 'error', text: `数据文件“${n.key}”损坏或无法读取，且没有可用的备份：原文件已移至 ${n.quarantinedAs} 保存，该部分数据从空白开始。` };
    case 'lock-taken-over':
      // The process number means nothing to office staff (it stays in the log for support).
      return { tone: 'warn', text: '上次程序未正常退出，已接管数据文件夹。' };
    case 'migrated':
      return { tone: 'warn', text: `数据已从第 ${n.from} 版格式升级到第 ${n.to} 版，升级前已备份（${n.backupId}）。` };
  }
}

/** Tells the user plainly when the store was recovered, migrated or taken over at start. */
export function StoreNoticeBanner() {
  const { data } = useCall('store.status', {}, []);
  if (!data || data.notices.length === 0) return null;
  return (
    <>
      {data.notices.map((n, i) => {
        const d = describe(n);
        return (
          <div key={i} className={`banner ${d.tone}`} role="alert">
            {d.text} <span className="muted">（{formatDateTimeCn(n.at)}）</span>
          </div>
        );
      })}
    </>
  );
}
