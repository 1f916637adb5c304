import { useState, type FormEvent } from 'react';
import { getPlatform } from '../../platform/platform';
import { formatBytes } from '../../ui/format';
import type { ApiError } from '../../../../shared/api/errors';

/**
 * Moves the data folder through the platform's pointer file. Offices whose system drive is wiped
 * on reboot keep their data on another drive; the copy is verified before the switch, and the old
 * folder is left as it was so nothing depends on the copy going right.
 */
export function MoveDataFolder({ current, onMoved }: { current?: string; onMoved: () => void }) {
  // The desktop chooses the folder in its own dialog (a path typed into a page is never used
  // there); browser mode types the path on the host's machine, and the host checks it.
  const desktop = getPlatform().mode === 'desktop';
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ from?: string; to: string; files: number; bytes: number }>();
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const r = await getPlatform().call('store.moveData', desktop ? {} : { targetDir: target });
      if (r.kind === 'cancelled') return;
      setResult({ from: current, to: r.dataDir, files: r.files, bytes: r.bytes });
      setTarget('');
      onMoved();
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="move-data" onSubmit={submit} noValidate>
      <h3>迁移到其他位置</h3>
      <p className="intro">
        程序先备份，再把全部数据（含备份）复制到新文件夹并逐个文件校验，校验无误后才改用新文件夹；原文件夹保持原样，不会删除。新文件夹应为空文件夹或尚不存在的文件夹，建议选在重启后不会被清空的磁盘上（如
        D:\人大评议数据）。
      </p>
      <div className={`field${error ? ' invalid' : ''}`}>
        {desktop ? (
          <div className="inline-input">
            <button type="submit" className="btn primary" disabled={busy}>
              {busy ? '正在复制并校验…' : '选择新的数据文件夹并迁移…'}
            </button>
          </div>
        ) : (
          <>
            <label htmlFor="move-target">新的数据文件夹</label>
            <div className="inline-input">
              <input id="move-target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="完整路径，如 D:\人大评议数据" autoComplete="off" spellCheck={false} />
              <button type="submit" className="btn primary" disabled={busy || target.trim() === ''}>
                {busy ? '正在复制并校验…' : '迁移数据文件夹'}
              </button>
            </div>
          </>
        )}
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
      </div>
      {result && (
        <div className="banner ok" role="status">
          数据已迁移到 <code>{result.to}</code>（{result.files}个文件，{formatBytes(result.bytes)}，已逐一校验）。程序现在使用新文件夹，下次启动也会打开它。
          {result.from && (
            <>
              原文件夹 <code>{result.from}</code> 保持原样，确认无误后可自行删除。
            </>
          )}
        </div>
      )}
    </form>
  );
}
