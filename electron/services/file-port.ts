import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
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
   * Shows a stored file (an evidence file) to the user without asking where to save it. Browser
   * mode: a one-time download; desktop: a copy in the temp folder opened with its program (the
   * stored file itself is never handed to another program, which could change it).
   */
  open(caller: Caller, file: OutgoingFile): Promise<FileDelivery>;
  /**
   * The folder a batch export writes into. Desktop: always the main process's own folder dialog
   * (null when closed) — a path typed into the page is never trusted there; browser mode: the path
   * the user typed, checked (checkTypedFolder: absolute, local, existing, writable, outside the
   * app's and the data folder).
   */
  chooseFolder(caller: Caller, typed?: string): Promise<string | null>;
  /**
   * Where the data folder moves to. Desktop: the main process's folder dialog (null when closed),
   * whatever the page sent; browser mode: the typed path, checked like an export folder except
   * that it may not exist yet (it is created by the move).
   */
  chooseDataFolder(caller: Caller, typed?: string): Promise<string | null>;
}

/** The folders no typed path may point into: the app's own folder and the current data folder. */
export type ReservedFolders = () => readonly string[];

const FOLDER_FIELD = '导出文件夹';
const DATA_FOLDER_FIELD = '新的数据文件夹';

interface FolderField {
  label: string;
  path: string;
}
const EXPORT_FOLDER: FolderField = { label: FOLDER_FIELD, path: 'folder' };
const DATA_FOLDER: FolderField = { label: DATA_FOLDER_FIELD, path: 'targetDir' };

function folderError(field: FolderField, message: string): ApiError {
  return new ApiError('invalid_args', `${field.label}：${message}`, [{ path: field.path, message }]);
}

const isInside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The real path of `p` or of its nearest existing ancestor with the rest appended (links resolved). */
async function realish(p: string): Promise<string> {
  let head = p;
  const tail: string[] = [];
  for (;;) {
    try {
      return join(await realpath(head), ...tail.reverse());
    } catch {
      const up = dirname(head);
      if (up === head) return p;
      tail.push(head.slice(up.length).replace(/^[\\/]+/, ''));
      head = up;
    }
  }
}

/**
 * A folder path typed into the page (browser mode only), checked with a message naming the field:
 * absolute; on this computer (no \\\\server\\share network path); outside the app's own folder and
 * the data folder (links resolved); an existing folder, or — where `mayNotExist` — one whose nearest
 * existing parent is a folder; writable. Answers the normalized path.
 */
async function checkTypedFolder(
  typed: string | undefined,
  options: { field?: FolderField; reserved?: readonly string[]; mayNotExist?: boolean } = {},
): Promise<string> {
  const field = options.field ?? EXPORT_FOLDER;
  const text = (typed ?? '').trim();
  if (text === '') throw folderError(field, '请填写文件夹的完整路径，例如 D:\\评议导出 或 /home/办公室/评议导出。');
  if (/^[\\/]{2}/.test(text)) throw folderError(field, `“${text}”是网络路径，请选择本机磁盘上的文件夹（例如 D:\\评议导出）。`);
  if (!isAbsolute(text)) throw folderError(field, `“${text}”不是完整路径，请从盘符或根目录写起，例如 D:\\评议导出。`);
  const folder = normalize(text);
  const real = await realish(resolve(folder));
  for (const reserved of options.reserved ?? []) {
    if (isInside(real, await realish(resolve(reserved)))) {
      throw folderError(field, `“${folder}”位于程序自身的文件夹或数据文件夹（${reserved}）之内，请选择其他文件夹。`);
    }
  }
  const info = await stat(folder).catch(() => null);
  let writableDir = folder;
  if (!info) {
    if (!options.mayNotExist) throw folderError(field, `找不到文件夹“${folder}”，请先建好它或检查拼写。`);
    let up = dirname(folder);
    let upInfo = await stat(up).catch(() => null);
    while (!upInfo && dirname(up) !== up) {
      up = dirname(up);
      upInfo = await stat(up).catch(() => null);
    }
    if (!upInfo?.isDirectory()) throw folderError(field, `找不到“${folder}”所在的磁盘或文件夹，请检查拼写。`);
    writableDir = up;
  } else if (!info.isDirectory()) {
    throw folderError(field, `“${folder}”是一个文件，不是文件夹。`);
  }
  const writable = await access(writableDir, constants.W_OK).then(
    () => true,
    () => false,
  );
  if (!writable) throw folderError(field, `没有写入“${writableDir}”的权限，请选择其他文件夹或检查其权限。`);
  return folder;
}

/** A typed export folder (browser mode): see checkTypedFolder. */
export function checkExportFolder(typed: string | undefined, reserved: readonly string[] = []): Promise<string> {
  return checkTypedFolder(typed, { field: EXPORT_FOLDER, reserved });
}

/** A typed data-folder target (browser mode): see checkTypedFolder; it may not exist yet. */
export function checkDataFolderTarget(typed: string | undefined, reserved: readonly string[] = []): Promise<string> {
  return checkTypedFolder(typed, { field: DATA_FOLDER, reserved, mayNotExist: true });
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
  constructor(
    private readonly downloads: DownloadRegistry,
    private readonly reserved: ReservedFolders = () => [],
  ) {}

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

  open(caller: Caller, file: OutgoingFile): Promise<FileDelivery> {
    return this.deliver(caller, file);
  }

  chooseFolder(_caller: Caller, typed?: string): Promise<string> {
    return checkExportFolder(typed, this.reserved());
  }

  chooseDataFolder(_caller: Caller, typed?: string): Promise<string> {
    return checkDataFolderTarget(typed, this.reserved());
  }
}
