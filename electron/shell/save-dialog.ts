import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { uniqueName } from '../services/file-port';
import { writeLocalJson } from './hall-preference';

/**
 * The desktop's save and folder dialogs, decided here as plain functions (tested without Electron);
 * `file-dialogs.ts` shows them. Where a dialog opens: the folder used last (remembered in the app's
 * own folder), else 文档 (Documents). Which files it lists: the export's own type, then all files.
 * The suggested name never overwrites a file that is there: 评议意见（2）.docx.
 */

/** The options of Electron's save dialog that we set (a subset of its SaveDialogOptions). */
export interface SaveDialogChoice {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

/** The options of Electron's open dialog for choosing a folder. */
export interface FolderDialogChoice {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  properties: Array<'openDirectory' | 'createDirectory' | 'promptToCreate'>;
}

interface FileKind {
  title: string;
  filter: string;
}

const KINDS: Readonly<Record<string, FileKind>> = {
  docx: { title: '保存Word文档', filter: 'Word 文档' },
  zip: { title: '保存压缩包', filter: '压缩包' },
  csv: { title: '保存表格（CSV）', filter: 'CSV 表格（Excel 可打开）' },
  pdf: { title: '保存PDF文件', filter: 'PDF 文件' },
  pingyi: { title: '保存会议包', filter: '评议数据包' },
};

function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

export function saveDialogTitle(fileName: string): string {
  return KINDS[extensionOf(fileName)]?.title ?? '保存文件';
}

/** The export's own type first (so the dialog shows only those), then every file. */
export function fileFilters(fileName: string): SaveDialogChoice['filters'] {
  const ext = extensionOf(fileName);
  const all = { name: '所有文件', extensions: ['*'] };
  if (!ext) return [all];
  return [{ name: KINDS[ext]?.filter ?? `${ext.toUpperCase()} 文件`, extensions: [ext] }, all];
}

/** The remembered folder while it still exists (a USB stick may be gone), else Documents. */
export function startFolder(documentsDir: string, remembered: string | undefined, isFolder: (p: string) => boolean = existingFolder): string {
  return remembered && path.isAbsolute(remembered) && isFolder(remembered) ? remembered : documentsDir;
}

export function existingFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function existingPath(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false }) !== undefined;
}

/** A name in `folder` that no file there has yet. */
export function freeName(folder: string, fileName: string, exists: (p: string) => boolean = existingPath): string {
  return uniqueName(fileName, (candidate) => exists(path.join(folder, candidate)));
}

export function saveDialogOptions(fileName: string, folder: string, exists: (p: string) => boolean = existingPath): SaveDialogChoice {
  return {
    title: saveDialogTitle(fileName),
    defaultPath: path.join(folder, freeName(folder, fileName, exists)),
    buttonLabel: '保存',
    filters: fileFilters(fileName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export function folderDialogOptions(folder: string): FolderDialogChoice {
  return { title: '选择导出到的文件夹', defaultPath: folder, buttonLabel: '导出到此文件夹', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
}

/** Where the data folder moves: an empty or new folder, ideally on a drive that survives a reboot. */
export function dataFolderDialogOptions(folder: string): FolderDialogChoice {
  return { title: '选择新的数据文件夹（空文件夹或新建文件夹）', defaultPath: folder, buttonLabel: '迁移到此文件夹', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
}

/**
 * The path the user chose, with the export's extension when the name typed lacks it (Linux save
 * dialogs do not add it from the filter): 评议意见 → 评议意见.docx. Another extension typed on
 * purpose is kept only if it is the same type in other case (.DOCX).
 */
export function withExtension(chosen: string, fileName: string): string {
  const ext = path.extname(fileName);
  if (!ext) return chosen;
  return path.extname(chosen).toLowerCase() === ext.toLowerCase() ? chosen : `${chosen}${ext}`;
}

/**
 * Where the file is written. The dialog asked before overwriting only the path it returned; when the
 * extension had to be added, a file of that fuller name was never confirmed, so it is not replaced:
 * the export takes the next free name beside it (评议意见（2）.docx) and the notice names it.
 */
export function chosenTarget(chosen: string, fileName: string, exists: (p: string) => boolean = existingPath): string {
  const target = withExtension(chosen, fileName);
  if (target === chosen || !exists(target)) return target;
  return path.join(path.dirname(target), freeName(path.dirname(target), path.basename(target), exists));
}

/** The folder the user saved into last, kept across restarts in the app's own folder. */
export interface FolderMemory {
  load(): string | undefined;
  /** Resolves once written; a failure goes to the owner's onError, never rejects. */
  save(folder: string): Promise<void>;
}

export const EXPORT_FOLDER_FILE = 'export-folder.json';

/**
 * A small file in the app's own folder (like the hall display): the folder belongs to this machine.
 * A missing or garbled file only means "Documents"; a failed save only forgets for the next start.
 */
export function fileFolderMemory(homeDir: string, onError: (error: unknown) => void = () => {}): FolderMemory {
  const file = path.join(homeDir, EXPORT_FOLDER_FILE);
  let current: string | undefined;
  return {
    load() {
      if (current !== undefined) return current;
      try {
        current = parseFolderMemory(readFileSync(file, 'utf8'));
      } catch {
        current = undefined;
      }
      return current;
    },
    save(folder) {
      current = folder;
      return writeLocalJson(file, { folder }).catch(onError);
    },
  };
}

export function parseFolderMemory(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const folder = typeof value === 'object' && value !== null ? (value as { folder?: unknown }).folder : undefined;
    return typeof folder === 'string' && path.isAbsolute(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}
