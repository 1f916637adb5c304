import { ApiError, isApiErrorData, type Reply } from '../../../shared/api/errors';
import type { StagedUpload } from '../../../shared/api/loop-types';
import { visibleText } from '../../../shared/api/text-hygiene';
import { evidenceFileProblem } from '../../../shared/loop/validation';
import { getPlatform } from './platform';

/**
 * Stages a file the user picked (an evidence file, a scan) for `loop.evidence.attach`, in either
 * mode: browser mode POSTs the raw bytes to the host's upload path (`upload`, relative to the page,
 * with the window's cookie); the desktop reads the bytes and sends them over IPC
 * (`loop.evidence.stage`). Rejects with an ApiError whose Chinese message names the file: over
 * 50 MB, unreadable, or the upload interrupted.
 */
export async function uploadFile(file: File): Promise<StagedUpload> {
  const name = cleanName(file.name);
  // Refused before a byte is read or sent.
  const tooLarge = evidenceFileProblem(name, file.size);
  if (tooLarge) throw new ApiError('invalid_args', tooLarge);
  const platform = getPlatform();
  if (platform.mode === 'desktop') {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      throw new ApiError('invalid_args', evidenceFileProblem(name, null) ?? `无法读取文件“${name}”`);
    }
    return platform.call('loop.evidence.stage', { fileName: name, bytes });
  }
  return postUpload(name, file);
}

/** What the name may carry as a call argument and a header: no folders, no invisible or control characters. */
function cleanName(raw: string): string {
  const base = visibleText(raw).split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' ? '未命名文件' : base.slice(0, 200);
}

async function postUpload(name: string, file: File): Promise<StagedUpload> {
  let response: Response;
  try {
    response = await fetch('upload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    // A file that vanished or is locked fails while the browser reads it, before any answer.
    throw new ApiError('unavailable', `文件“${name}”未能上传：${evidenceFileProblem(name, null) ?? ''}或程序服务已停止。`);
  }
  let reply: Reply;
  try {
    reply = (await response.json()) as Reply;
  } catch {
    throw new ApiError('unavailable', `程序服务返回了无法识别的应答（HTTP ${response.status}）。`);
  }
  if (reply.ok) return reply.result as StagedUpload;
  throw isApiErrorData(reply.error) ? ApiError.from(reply.error) : new ApiError('internal', '上传失败。');
}
