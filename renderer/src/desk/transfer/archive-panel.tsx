import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { getPlatform } from '../../platform/platform';
import { uploadFile } from '../../platform/upload';
import { formatBytes } from '../../ui/format';
import type { ApiError } from '../../../../shared/api/errors';
import type { ArchiveJobView } from '../../../../shared/api/package-types';
import './transfer.css';

type Message = { tone: 'ok' | 'error'; text: string };

/**
 * 完整备份 to a USB stick (the whole data folder as one zip, backups only if asked, with progress and
 * 取消) and 从备份恢复 (into a new data folder the app then uses; the old one stays as it was).
 */
export function ArchivePanel({ onSwitched }: { onSwitched: () => void }) {
  const desktop = getPlatform().mode === 'desktop';
  const [folder, setFolder] = useState('');
  const [includeBackups, setIncludeBackups] = useState(false);
  const [job, setJob] = useState<ArchiveJobView | null>(null);
  const [message, setMessage] = useState<Message>();
  const [restoreTarget, setRestoreTarget] = useState('');
  const [restoring, setRestoring] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // Progress: the job is asked about while it runs.
  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      getPlatform()
        .call('archive.status', { jobId: job.jobId })
        .then(setJob)
        .catch((err: ApiError) => setMessage({ tone: 'error', text: err.message }));
    }, 300);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    setMessage(undefined);
    try {
      const r = await getPlatform().call('archive.start', { includeBackups, ...(desktop ? {} : { folder }) });
      if (r.kind === 'started') setJob(r.job);
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await getPlatform().call('archive.cancel', { jobId: job.jobId }));
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    }
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage(undefined);
    setRestoring(true);
    try {
      const up = await uploadFile(file);
      const r = await getPlatform().call('archive.restore', { uploadId: up.uploadId, ...(desktop ? {} : { targetDir: restoreTarget }) });
      if (r.kind === 'restored') {
        setMessage({ tone: 'ok', text: `已从“${up.name}”恢复到新的数据文件夹 ${r.dataDir}（${r.files} 个文件，已逐一校验），程序现在使用它；原数据文件夹 ${r.previousDir} 保持原样。` });
        onSwitched();
      }
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setRestoring(false);
    }
  };

  // Browser mode: an archive too big to upload (over 50 MB) is read from its path on this computer.
  const [archivePath, setArchivePath] = useState('');
  const restoreFromPath = async () => {
    setMessage(undefined);
    setRestoring(true);
    try {
      const r = await getPlatform().call('archive.restore', { archivePath, targetDir: restoreTarget });
      if (r.kind === 'restored') {
        setMessage({ tone: 'ok', text: `已从 ${archivePath} 恢复到新的数据文件夹 ${r.dataDir}（${r.files} 个文件，已逐一校验），程序现在使用它；原数据文件夹 ${r.previousDir} 保持原样。` });
        setArchivePath('');
        onSwitched();
      }
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setRestoring(false);
    }
  };

  const running = job?.state === 'running';
  return (
    <section className="panel settings-section archive-panel" aria-labelledby="archive-title">
      <div className="section-head">
        <h2 id="archive-title">完整备份（U盘）</h2>
      </div>
      <p className="intro">把整个数据文件夹写成一个压缩包（附清单和每个文件的校验值），存到U盘等位置。取消或失败时不会留下不完整的文件。</p>
      <div className="toolbar">
        {!desktop && (
          <>
            <label htmlFor="archive-folder">保存到文件夹</label>
            <input id="archive-folder" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="完整路径，如 E:\评议备份" autoComplete="off" spellCheck={false} />
          </>
        )}
        <label>
          <input type="checkbox" checked={includeBackups} onChange={(e) => setIncludeBackups(e.target.checked)} disabled={running} /> 包括自动备份（backups 文件夹，文件更大）
        </label>
        <button className="btn primary" onClick={start} disabled={running || (!desktop && folder.trim() === '')}>
          {desktop ? '完整备份…' : '完整备份'}
        </button>
        {running && (
          <button className="btn" onClick={cancel}>
            取消
          </button>
        )}
      </div>
      {job && (
        <div className={`banner ${job.state === 'done' ? 'ok' : job.state === 'failed' ? 'error' : 'warn'}`} role="status" data-testid="archive-status">
          {job.state === 'running' && <progress className="archive-progress" max={Math.max(1, job.total)} value={job.done} />}
          <span>
            {job.message}
            {job.state === 'done' && `，${formatBytes(job.bytes)}`}
          </span>
        </div>
      )}

      <h3>从备份恢复</h3>
      <p className="intro">选择一个完整备份文件，恢复到一个新的（或空的）数据文件夹，程序随后改用它；当前数据文件夹保持原样，不会删除。</p>
      <div className="toolbar">
        {!desktop && (
          <>
            <label htmlFor="restore-target">恢复到的文件夹</label>
            <input id="restore-target" value={restoreTarget} onChange={(e) => setRestoreTarget(e.target.value)} placeholder="完整路径，如 D:\人大评议数据-恢复" autoComplete="off" spellCheck={false} />
          </>
        )}
        <button className="btn" disabled={restoring || (!desktop && restoreTarget.trim() === '')} onClick={() => fileInput.current?.click()}>
          {restoring ? '正在恢复…' : '选择完整备份文件并恢复…'}
        </button>
        <input ref={fileInput} type="file" accept=".zip" hidden onChange={pick} data-testid="archive-file" />
      </div>
      {!desktop && (
        <div className="toolbar">
          <label htmlFor="archive-path">或填写完整备份文件的路径（超过 50 MB 的文件）</label>
          <input id="archive-path" value={archivePath} onChange={(e) => setArchivePath(e.target.value)} placeholder="如 E:\评议备份\人大工作评议-完整备份-20261207-093000.zip" autoComplete="off" spellCheck={false} />
          <button className="btn" disabled={restoring || archivePath.trim() === '' || restoreTarget.trim() === ''} onClick={restoreFromPath}>
            从此文件恢复
          </button>
        </div>
      )}
      {message && (
        <div className={`banner ${message.tone === 'ok' ? 'ok' : 'error'}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
    </section>
  );
}
