import { stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { FileDelivery } from '../../shared/api/file-types';
import type { Role } from '../../shared/api/define';
import { visibleText } from '../../shared/api/text-hygiene';
import { downloadPath, safeFileName, type DownloadRegistry } from './host/downloads';

/** Who asked for the file: the window's role, decided by the transport (a dispatch CallContext fits). */
export interface Caller {
  readonly role: Role;
}

export interface OutgoingFile {
  /** The name the user sees and saves under; Chinese is fine. */
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Where a file will go, chosen before it is made (the desktop asks first, then the work starts). */
export interface FileDestination {
  readonly fileName: string;
  /** Hands over the finished bytes: written atomically to the chosen place, or offered as a download. */
  complete(bytes: Uint8Array): Promise<FileDelivery>;
}

/**
 * How exported files reach the user, as a port like ShellPort: the desktop shell implements it with
 * its save and folder dialogs (electron/shell/file-dialogs.ts), browser mode with one-time download
 * links. Keeps 'electron' out of the services.
 */
export interface FilePort {
  /** Asks where a file of this name goes; null when the user closed the dialog (nothing will be written). */
  destination(caller: Caller, file: { fileName: string; contentType: string }): Promise<FileDestination | null>;
  /** destination + complete in one step, for a file that is already made. */
  deliver(caller: Caller, file: OutgoingFile): Promise<FileDelivery>;
  /**
   * The folder a batch export writes into. Desktop: a folder dialog (null when closed) unless the
   * window already names one; browser mode: the path the user typed, which must be an existing
   * absolute folder on the host's machine.
   */
  chooseFolder(caller: Caller, typed?: string): Promise<string | null>;
}

export const FOLDER_FIELD = '导出文件夹';

function folderError(message: string): ApiError {
  return new ApiError('invalid_args', `${FOLDER_FIELD}：${message}`, [{ path: 'folder', message }]);
}

/** A typed folder path, checked: absolute, existing, a folder. Answers the normalized path. */
export async function checkExportFolder(typed: string | undefined): Promise<string> {
  const text = (typed ?? '').trim();
  if (text === '') throw folderError('请填写文件夹的完整路径，例如 D:\\评议导出 或 /home/办公室/评议导出。');
  if (!isAbsolute(text)) throw folderError(`“${text}”不是完整路径，请从盘符或根目录写起，例如 D:\\评议导出。`);
  const folder = normalize(text);
  const info = await stat(folder).catch(() => null);
  if (!info) throw folderError(`找不到文件夹“${folder}”，请先建好它或检查拼写。`);
  if (!info.isDirectory()) throw folderError(`“${folder}”是一个文件，不是文件夹。`);
  return folder;
}

/**
 * A title or meeting name as part of a file name: characters Windows refuses become －; control
 * characters, half characters and invisible ones go as in every file name (safeFileName).
 */
export function fileNamePart(text: string): string {
  return visibleText(text).replace(/[\\/:*?"<>|]/g, '－').trim();
}

/** x.docx → x（2）.docx; a name without extension (a folder) → name（2）. */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const ext = extname(name);
  const stem = ext && ext !== name ? name.slice(0, -ext.length) : name;
  return `${stem}（${n}）${stem === name ? '' : ext}`;
}

/** The name itself, or the first numbered one that is free: two people of one name never overwrite each other. */
export function uniqueName(name: string, taken: (candidate: string) => boolean): string {
  for (let n = 1; ; n++) {
    const candidate = numberedName(name, n);
    if (!taken(candidate)) return candidate;
  }
}

/** A free path for `name` inside `dir` on disk (files and folders alike). */
export async function uniquePath(dir: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(dir, numberedName(name, n));
    const exists = await stat(candidate).then(
      () => true,
      (err: NodeJS.ErrnoException) => err.code !== 'ENOENT',
    );
    if (!exists) return candidate;
  }
}

/** Browser mode: every file becomes a one-time download link for the calling window's role. */
export class BrowserFilePort implements FilePort {
  constructor(private readonly downloads: DownloadRegistry) {}

  async destination(caller: Caller, file: { fileName: string; contentType: string }): Promise<FileDestination> {
    const fileName = safeFileName(file.fileName);
    return {
      fileName,
      complete: async (bytes) => {
        const id = this.downloads.register(caller.role, { fileName, contentType: file.contentType, body: bytes });
        return { kind: 'download', url: downloadPath(caller.role, id), fileName, bytes: bytes.length };
      },
    };
  }

  async deliver(caller: Caller, file: OutgoingFile): Promise<FileDelivery> {
    return (await this.destination(caller, file)).complete(file.bytes);
  }

  chooseFolder(_caller: Caller, typed?: string): Promise<string> {
    return checkExportFolder(typed);
  }
}
