import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { ConfirmDialog } from '../../ui/dialog';
import { formatBytes, formatDateTimeCn } from '../../ui/format';
import type { BackupView } from '../../../../shared/api/platform-types';
import type { ApiError } from '../../../../shared/api/errors';
import { DemoClear } from './demo-clear';
import { MoveDataFolder } from './move-data-folder';
import { ArchivePanel } from '../transfer/archive-panel';
import { PackagePanel } from '../transfer/package-panel';

const REASON_LABELS: Record<string, string> = {
  startup: '启动时',
  migration: '升级前',
  manual: '手动',
  'meeting-start': '会议开始时',
  'meeting-end': '会议结束时',
  'after-vote': '测评结果公布后',
  periodic: '定时（修改后每10分钟）',
  'new-partition': '新建数据后',
  'before-restore': '恢复前',
  'before-clear': '清除前',
  'before-move': '迁移前',
};

type Message = { tone: 'ok' | 'error'; text: string };

/** Where the data lives, its backups (list, make one now, restore one) and clearing the demo county. */
export function DataPanel() {
  const status = useCall('store.status', {});
  const backups = useCall('store.listBackups', {});
  const settings = useCall('settings.get', {});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const [cleared, setCleared] = useState<string>();

  const backupNow = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const b = await getPlatform().call('store.backup', { label: '手动备份' });
      setMessage({ tone: 'ok', text: `已备份（${formatDateTimeCn(b.createdAt)}）：${b.files}个文件，${formatBytes(b.bytes)}。` });
      backups.reload();
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="panel settings-section" aria-labelledby="data-title">
        <div className="section-head">
          <h2 id="data-title">数据文件夹</h2>
        </div>
        <p>
          当前数据文件夹：<code data-testid="data-dir">{status.data?.dataDir ?? '…'}</code>
        </p>
        <p>
          日志文件夹：<code data-testid="log-dir">{status.data?.logDir ?? '…'}</code>
          <span className="muted">（出错提示中的“编号”可在其中的 pingyi.log 里查到，需要技术支持时请一并提供）</span>
        </p>
        <MoveDataFolder
          current={status.data?.dataDir}
          onMoved={() => {
            status.reload();
            backups.reload();
          }}
        />
      </section>

      <section className="panel settings-section" aria-labelledby="backup-title">
        <div className="section-head">
          <h2 id="backup-title">备份</h2>
        </div>
        <p className="intro">程序在启动、会议开始、恢复和迁移之前自动备份。恢复备份前，会先把当前数据另存为一份备份，恢复后仍可找回。</p>
        <div className="toolbar">
          <button className="btn primary" onClick={backupNow} disabled={busy}>
            {busy ? '正在备份…' : '立即备份'}
          </button>
          {message && (
            <span className={`banner inline ${message.tone === 'ok' ? 'ok' : 'error'}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
              {message.text}
            </span>
          )}
        </div>
        <table className="list" aria-label="备份列表">
          <thead>
            <tr>
              <th>时间</th>
              <th>类型</th>
              <th>说明</th>
              <th className="num">文件</th>
              <th className="num">大小</th>
              <th>
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(backups.data ?? []).map((b) => (
              <tr key={b.id}>
                <td>{formatDateTimeCn(b.createdAt)}</td>
                <td>{REASON_LABELS[b.reason] ?? b.reason}</td>
                <td>{b.label}</td>
                <td className="num">{b.files}个</td>
                <td className="num">{formatBytes(b.bytes)}</td>
                <td className="actions">
                  <button className="btn small" onClick={() => setRestoring(b)} aria-label={`恢复 ${formatDateTimeCn(b.createdAt)} 的备份`}>
                    恢复
                  </button>
                </td>
              </tr>
            ))}
            {backups.data?.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  暂无备份
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      <PackagePanel />
      <ArchivePanel
        onSwitched={() => {
          status.reload();
          backups.reload();
        }}
      />

      {settings.data?.demo && (
        <DemoClear
          onCleared={(backupId) => {
            setCleared(`演示数据已清除，清除前的数据已备份（${backupId}），可随时从备份恢复。`);
            backups.reload();
          }}
        />
      )}
      {cleared && (
        <div className="banner ok" role="status">
          {cleared}
        </div>
      )}

      {restoring && (
        <ConfirmDialog
          title="从备份恢复"
          message={
            <>
              <p>
                将把全部数据恢复为 <strong>{formatDateTimeCn(restoring.createdAt)}</strong> 的备份（{restoring.label || REASON_LABELS[restoring.reason] || restoring.reason}）。
              </p>
              <p>此后所做的修改会从当前数据中消失。恢复前，程序会先把当前数据另存为一份“恢复前”备份，如需找回可再从那份备份恢复。</p>
            </>
          }
          confirmLabel="恢复"
          danger
          onConfirm={async () => {
            const r = await getPlatform().call('store.restore', { backupId: restoring.id });
            setMessage({ tone: 'ok', text: `已从 ${formatDateTimeCn(restoring.createdAt)} 的备份恢复；恢复前的数据已另存为备份 ${r.safetyBackup}。` });
            backups.reload();
          }}
          onClose={() => setRestoring(null)}
        />
      )}
    </>
  );
}
