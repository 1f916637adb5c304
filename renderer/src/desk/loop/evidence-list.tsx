import { useRef, useState } from 'react';
import type { EvidenceTarget } from '../../../../shared/api/calls/loop';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { FILE_MAX_BYTES, type FileRef } from '../../../../shared/loop/schemas';
import { getPlatform } from '../../platform/platform';
import { uploadFile } from '../../platform/upload';
import { ConfirmDialog } from '../../ui/dialog';
import { formatBytes } from '../../ui/format';
import { deliverToUser } from '../exports/deliver';
import { caseArgs, messageOf } from './loop-bits';

/**
 * Files kept with a record (evidence of an item, the report's scan, a step's papers): listed with
 * their size, opened from the data folder, added by upload and removed after a confirmation. Each
 * change is stored before the list shows it.
 */
export function EvidenceList({
  data,
  target,
  files,
  label,
  addLabel = '添加文件',
  single = false,
}: {
  data: LoopCase;
  target: EvidenceTarget;
  files: readonly FileRef[];
  /** Names the list for screen readers and tests: 第1项佐证材料. */
  label: string;
  addLabel?: string;
  /** One file only (a scan): adding is offered while there is none. */
  single?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<FileRef | null>(null);

  const add = async (file: File) => {
    // uploadFile refuses an oversized or unreadable file itself, naming it.
    setMessage(null);
    setBusy(`正在上传“${file.name}”…`);
    try {
      const staged = await uploadFile(file);
      await getPlatform().call('loop.evidence.attach', { ...caseArgs(data), target, uploadId: staged.uploadId });
      setMessage({ ok: true, text: `已添加“${staged.name}”。` });
    } catch (err) {
      setMessage({ ok: false, text: `“${file.name}”未添加：${messageOf(err)}` });
    } finally {
      setBusy(null);
    }
  };

  const open = async (f: FileRef) => {
    setMessage(null);
    try {
      // A download shows in the browser's own bar; the desktop says it opened the copy.
      const text = deliverToUser(await getPlatform().call('loop.evidence.open', { ...caseArgs(data), target, sha256: f.sha256 }));
      if (text) setMessage({ ok: true, text });
    } catch (err) {
      setMessage({ ok: false, text: `“${f.name}”无法打开：${messageOf(err)}` });
    }
  };

  return (
    <div className="loop-files">
      {files.length > 0 && (
        <ul aria-label={label}>
          {files.map((f) => (
            <li key={f.sha256}>
              <span className="loop-file-name">{f.name}</span> <span className="muted">{formatBytes(f.size)}</span>{' '}
              <button type="button" className="btn small" onClick={() => void open(f)} aria-label={`打开：${f.name}`}>
                打开
              </button>{' '}
              <button type="button" className="btn small danger" onClick={() => setRemoving(f)} aria-label={`移除：${f.name}`}>
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
      {(!single || files.length === 0) && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={`${label}：选择文件`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void add(file);
            }}
          />
          <button type="button" className="btn small" disabled={busy !== null} onClick={() => input.current?.click()}>
            {addLabel}
          </button>{' '}
          <span className="muted loop-hint">每个文件不超过{FILE_MAX_BYTES / 1024 / 1024} MB，复制到数据文件夹保存</span>
        </>
      )}
      {busy && (
        <span className="muted" role="status">
          {busy}
        </span>
      )}
      {message && (
        <div className={`banner ${message.ok ? 'ok' : 'error'} loop-inline-banner`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title="移除文件"
          message={`移除“${removing.name}”？移除后列表中不再显示该文件。`}
          confirmLabel="移除"
          danger
          onConfirm={async () => {
            await getPlatform().call('loop.evidence.remove', { ...caseArgs(data), target, sha256: removing.sha256 });
            setMessage({ ok: true, text: `已移除“${removing.name}”。` });
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
