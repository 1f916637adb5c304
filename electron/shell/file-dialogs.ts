import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { BrowserWindow, Dialog } from 'electron';
import type { Role } from '../../shared/api/define';
import type { FileDelivery } from '../../shared/api/file-types';
import type { Logger } from '../services/deps';
import { type Caller, type FileDestination, type FilePort, type OutgoingFile } from '../services/file-port';
import { safeFileName } from '../services/host/downloads';
import { writeFileDurably } from '../services/store/durable-file';
import { nodeStoreFs, type StoreFs } from '../services/store/store-fs';
import { dataFolderDialogOptions, existingFolder, existingPath, folderDialogOptions, saveDialogOptions, startFolder, chosenTarget, type FolderMemory } from './save-dialog';

/** The part of Electron's `dialog` used here (tests pass a fake). */
export type DialogApi = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;

export interface DesktopFilePortOptions {
  dialog: DialogApi;
  /** The calling window, so the dialog is modal to it; undefined when it has closed meanwhile. */
  windowOf(role: Role): BrowserWindow | undefined;
  /** Electron's app.getPath('documents'). */
  documentsDir: string;
  memory: FolderMemory;
  log: Logger;
  fs?: StoreFs;
  isFolder?(p: string): boolean;
  exists?(p: string): boolean;
  /** Electron's shell.openPath: '' when the system opened the file, else its error text. */
  openPath?(p: string): Promise<string>;
  /** Electron's app.getPath('temp'): where the copies of opened files go. */
  tempDir?: string;
}

/**
 * The desktop FilePort: a save dialog (modal to the window that asked) before the file is made,
 * then an atomic, durable write to the chosen path — temp file, fsync, rename — so a failure
 * leaves the file that was there, or none, never half a document. The folder of every choice is
 * remembered for the next dialog. It names only Electron's types, so its tests drive it with fakes.
 */
export class DesktopFilePort implements FilePort {
  private readonly fs: StoreFs;
  private readonly isFolder: (p: string) => boolean;
  private readonly exists: (p: string) => boolean;

  constructor(private readonly options: DesktopFilePortOptions) {
    this.fs = options.fs ?? nodeStoreFs;
    this.isFolder = options.isFolder ?? existingFolder;
    this.exists = options.exists ?? existingPath;
  }

  private start(): string {
    return startFolder(this.options.documentsDir, this.options.memory.load(), this.isFolder);
  }

  async destination(caller: Caller, file: { fileName: string; contentType: string }): Promise<FileDestination | null> {
    // The suggested name carries no control, half or invisible characters (as a download's would not).
    const suggested = safeFileName(file.fileName);
    const choice = saveDialogOptions(suggested, this.start(), this.exists);
    const win = this.options.windowOf(caller.role);
    const answer = win ? await this.options.dialog.showSaveDialog(win, choice) : await this.options.dialog.showSaveDialog(choice);
    if (answer.canceled || !answer.filePath) return null;
    const target = chosenTarget(answer.filePath, suggested, this.exists);
    void this.options.memory.save(path.dirname(target));
    const fileName = path.basename(target);
    return {
      fileName,
      complete: async (bytes): Promise<FileDelivery> => {
        await writeFileDurably(this.fs, target, bytes);
        this.options.log.info('file exported', { path: target, bytes: bytes.length });
        return { kind: 'saved', path: target, fileName, bytes: bytes.length };
      },
    };
  }

  async deliver(caller: Caller, file: OutgoingFile): Promise<FileDelivery> {
    const destination = await this.destination(caller, file);
    return destination ? destination.complete(file.bytes) : { kind: 'cancelled' };
  }

  async open(_caller: Caller, file: OutgoingFile): Promise<FileDelivery> {
    const { openPath, tempDir } = this.options;
    if (!openPath || !tempDir) throw new ApiError('unavailable', '此版本不能直接打开文件。');
    const fileName = safeFileName(file.fileName);
    const target = path.join(tempDir, 'pingyi-open', randomBytes(6).toString('hex'), fileName);
    await this.fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileDurably(this.fs, target, file.bytes);
    const problem = await openPath(target);
    if (problem) throw new ApiError('unavailable', `无法打开“${fileName}”：${problem}`);
    this.options.log.info('file opened', { path: target, bytes: file.bytes.length });
    return { kind: 'opened', fileName, bytes: file.bytes.length };
  }

  // A path typed into the page is never used on the desktop: a page (or anything that got into
  // it) must not be able to make the app write where the user did not point in a dialog.
  async chooseFolder(caller: Caller, typed?: string): Promise<string | null> {
    this.ignoreTyped('export folder', typed);
    const folder = await this.pickFolder(caller, folderDialogOptions(this.start()));
    if (folder) void this.options.memory.save(folder);
    return folder;
  }

  chooseDataFolder(caller: Caller, typed?: string): Promise<string | null> {
    this.ignoreTyped('data folder', typed);
    return this.pickFolder(caller, dataFolderDialogOptions(this.start()));
  }

  private ignoreTyped(what: string, typed: string | undefined): void {
    if (typed !== undefined && typed.trim() !== '') this.options.log.warn(`ignored a ${what} path sent by the page; the desktop asks in its own dialog`);
  }

  private async pickFolder(caller: Caller, choice: ReturnType<typeof folderDialogOptions>): Promise<string | null> {
    const win = this.options.windowOf(caller.role);
    const answer = win ? await this.options.dialog.showOpenDialog(win, choice) : await this.options.dialog.showOpenDialog(choice);
    const folder = answer.filePaths[0];
    return answer.canceled || !folder ? null : folder;
  }
}
