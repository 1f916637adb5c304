import { useCallback, useEffect, useRef, useState } from 'react';
import {
  EXPORT_STATE_LABELS,
  EXPORT_TARGETS,
  EXPORT_TARGET_LABELS,
  EXPORT_WHAT_LABELS,
  EXPORT_WHATS,
  type ExportJobView,
  type ExportLogEntry,
  type ExportTarget,
  type ExportWhat,
} from '../../../../shared/api/calls/exports';
import { fieldErrors } from '../../ui/field';
import { Dialog } from '../../ui/dialog';
import { formatBytes, formatDateTimeCn } from '../../ui/format';
import { getPlatform } from '../../platform/platform';
import { deliverToUser } from './deliver';
import './exports.css';

/**
 * 批量导出, reusable wherever a meeting is shown: choose what (评议意见, 测评票, 送达回证) and where
 * (one zip, or a folder), follow the progress bar and cancel at will; the result says where the files
 * went (or the browser downloads the zip); the export log below lists every export with its place.
 * On the desktop the save / folder dialog opens when the export starts; in browser mode the folder
 * is typed (it is a folder on the machine running the host).
 */
export function BatchExportButton({ meetingId }: { meetingId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        批量导出
      </button>
      {open && <BatchExportDialog meetingId={meetingId} onClose={() => setOpen(false)} />}
    </>
  );
}

function BatchExportDialog({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const platform = getPlatform();
  const desktop = platform.mode === 'desktop';
  const [what, setWhat] = useState<ExportWhat>('opinions');
  const [target, setTarget] = useState<ExportTarget>('zip');
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string>();
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [log, setLog] = useState<ExportLogEntry[] | null>(null);
  /** Every progress event by job, kept from before the start call answers (events may overtake it). */
  const seen = useRef(new Map<string, ExportJobView>());
  const jobId = useRef<string | null>(null);
  /** The zip's download link is valid once: it is opened once. */
  const delivered = useRef(new Set<string>());

  const loadLog = useCallback(() => {
    getPlatform()
      .call('exports.log', {})
      .then(setLog)
      .catch((err: Error) => setError(`导出记录读取失败：${err.message}`));
  }, []);

  const show = useCallback(
    (view: ExportJobView) => {
      setJob(view);
      if (view.state === 'running') return;
      loadLog();
      if (view.state === 'done' && view.result?.target === 'zip' && !delivered.current.has(view.jobId)) {
        delivered.current.add(view.jobId);
        setNotice(deliverToUser(view.result.delivery));
      }
    },
    [loadLog],
  );

  useEffect(() => {
    loadLog();
    const offProgress = platform.on('exports.progress', (view) => {
      seen.current.set(view.jobId, view);
      if (view.jobId === jobId.current) show(view);
    });
    // Back after the host was away: ask where the job stands (its last event may be lost).
    const offConnection = platform.onConnection((state) => {
      const id = jobId.current;
      if (state !== 'open' || !id) return;
      platform
        .call('exports.status', { jobId: id })
        .then(show)
        .catch((err: Error) => setError(err.message));
    });
    return () => {
      offProgress();
      offConnection();
    };
  }, [platform, show, loadLog]);

  const running = job?.state === 'running';
  const start = async () => {
    setError(undefined);
    setFolderError(undefined);
    setNotice(null);
    setJob(null);
    setStarting(true);
    try {
      const answer = await platform.call('exports.start', { meetingId, what, target, ...(target === 'folder' && !desktop ? { folder } : {}) });
      if (answer.kind === 'cancelled') return;
      jobId.current = answer.job.jobId;
      show(seen.current.get(answer.job.jobId) ?? answer.job);
    } catch (err) {
      const { fields, general } = fieldErrors(err);
      if (fields.folder) setFolderError(fields.folder);
      if (general) setError(general);
      else if (!fields.folder) setError(err instanceof Error ? err.message : String(err));
    } finally {
      setStarting(false);
    }
  };
  const cancel = async () => {
    const id = jobId.current;
    if (!id) return;
    try {
      const view = await platform.call('exports.cancel', { jobId: id });
      if (view.state === 'running') setJob(view);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const startLabel = desktop ? (target === 'zip' ? '选择保存位置并导出' : '选择文件夹并导出') : '开始导出';
  return (
    <Dialog
      title="批量导出"
      wide
      onClose={() => !running && onClose()}
      actions={
        running ? (
          <button type="button" className="btn danger" onClick={() => void cancel()}>
            取消
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              关闭
            </button>
            <button type="button" className="btn primary" onClick={() => void start()} disabled={starting || (target === 'folder' && !desktop && folder.trim() === '')}>
              {startLabel}
            </button>
          </>
        )
      }
    >
      <fieldset className="bx-choice" disabled={running || starting}>
        <legend>导出内容</legend>
        {EXPORT_WHATS.map((w) => (
          <label key={w}>
            <input type="radio" name="bx-what" value={w} checked={what === w} onChange={() => setWhat(w)} /> {EXPORT_WHAT_LABELS[w]}
          </label>
        ))}
      </fieldset>
      <fieldset className="bx-choice" disabled={running || starting}>
        <legend>导出到</legend>
        {EXPORT_TARGETS.map((t) => (
          <label key={t}>
            <input type="radio" name="bx-target" value={t} checked={target === t} onChange={() => setTarget(t)} /> {EXPORT_TARGET_LABELS[t]}
          </label>
        ))}
      </fieldset>
      {target === 'folder' && !desktop && (
        <div className={`field${folderError ? ' invalid' : ''}`}>
          <label htmlFor="bx-folder">导出文件夹（运行本系统的电脑上已有的文件夹，完整路径）</label>
          <input id="bx-folder" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="例如 D:\评议导出" disabled={running || starting} />
          {folderError && (
            <span className="error" role="alert">
              {folderError}
            </span>
          )}
          <span className="muted bx-hint">文件先写入隐藏的临时文件夹，全部完成后才以会议名称出现；失败或取消不留下任何文件。</span>
        </div>
      )}
      {target === 'zip' && <p className="muted bx-hint">文件名保留中文，Windows 资源管理器、WPS 和 7-Zip 均可直接解压。</p>}

      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {job && (
        <div className="bx-job" role="status" aria-live="polite">
          <progress aria-label="导出进度" max={Math.max(job.total, 1)} value={job.state === 'done' ? job.total : job.done} />
          <span className="bx-count">
            {job.state === 'done' ? job.total : job.done}/{job.total}
          </span>
          <p className={`bx-message ${job.state}`}>{job.message}</p>
        </div>
      )}
      {notice && <div className="banner ok">{notice}</div>}

      <ExportLog entries={log} />
    </Dialog>
  );
}

function logTarget(entry: ExportLogEntry): string {
  return entry.target === 'zip' ? '压缩包' : '文件夹';
}

/** The export log, newest first: when, what, where, how many files of what size. */
function ExportLog({ entries }: { entries: ExportLogEntry[] | null }) {
  return (
    <section className="bx-log" aria-label="导出记录">
      <h3>导出记录</h3>
      {entries === null ? (
        <p className="muted">正在读取…</p>
      ) : entries.length === 0 ? (
        <p className="muted">还没有批量导出过文件。</p>
      ) : (
        <ul>
          {entries.slice(0, 20).map((e) => (
            <li key={`${e.jobId}-${e.at}`}>
              <span className="bx-when">{formatDateTimeCn(e.at)}</span> {e.meetingName} · {EXPORT_WHAT_LABELS[e.what]} · {logTarget(e)} ·{' '}
              <span className={`tag ${e.state === 'done' ? 'ok' : e.state === 'failed' ? 'danger' : ''}`}>{EXPORT_STATE_LABELS[e.state]}</span>
              {e.state === 'done' && (
                <>
                  {' '}
                  <span className="bx-size">{e.files.length} 个文件（{formatBytes(e.files.reduce((n, f) => n + f.bytes, 0))}）</span>
                  {e.location && <div className="bx-where">{e.location}</div>}
                </>
              )}
              {e.state === 'failed' && <div className="bx-where">{e.message}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
