import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { FileDelivery } from '../../../shared/api/file-types';
import { safeFileName } from '../host/downloads';
import { uniqueName, uniquePath, type FileDestination } from '../file-port';
import { renameWithRetry, writeTempFile } from '../store/durable-file';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';
import type { BatchSink } from './runner';

/**
 * The two places a batch goes. A zip is assembled in memory and handed whole to its destination
 * (the save dialog's path, written atomically, or a download link). A folder is filled under a
 * hidden staging name beside the target and renamed into place at the end, so the target folder
 * appears complete or not at all.
 */

/** Names inside one batch: cleaned for every file system, and numbered when two people share a name. */
class BatchNames {
  private readonly taken = new Set<string>();
  claim(fileName: string): string {
    // Windows compares names without case; so does the check here.
    const name = uniqueName(safeFileName(fileName), (candidate) => this.taken.has(candidate.toLowerCase()));
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/**
 * Each entry as made on Unix (os 3) with mode rw-r--r--. With the MS-DOS origin fflate defaults to,
 * Debian's unzip ignores the UTF-8 flag and decodes the name as an OEM code page (mojibake);
 * Windows Explorer, 7-Zip and Python go by the flag either way.
 */
const ENTRY_ATTRS = { os: 3, attrs: 0o100644 * 0x10000 } as const;

/** ZIP "stored" entries: .docx files are deflated already, compressing again only costs time. */
export class ZipSink implements BatchSink<FileDelivery> {
  private readonly names = new BatchNames();
  private files: Zippable = {};

  constructor(
    private readonly destination: FileDestination,
    private readonly mtime: Date = new Date(),
  ) {}

  async add(fileName: string, bytes: Uint8Array): Promise<string> {
    const name = this.names.claim(fileName);
    this.files[name] = [bytes, { level: 0, mtime: this.mtime, ...ENTRY_ATTRS }];
    return name;
  }

  async commit(): Promise<FileDelivery> {
    // fflate marks every entry whose name is not ASCII with the UTF-8 flag (general purpose bit 11),
    // so 关于对…的评议意见.docx unpacks under its Chinese name in Windows Explorer, 7-Zip and unzip.
    const zip = zipSync(this.files, { level: 0 });
    this.files = {};
    return this.destination.complete(zip);
  }

  async discard(): Promise<void> {
    this.files = {};
  }
}

export interface FolderResult {
  path: string;
}

/** Told about the staging folder before it is created and after it is renamed or removed (StagingRegister). */
export interface StagingHooks {
  staging(path: string): Promise<void>;
  settled(path: string): Promise<void>;
}

/** Files written durably into `.<name>.<random>.exporting` inside `parent`, renamed to a free `<name>` at the end. */
export class FolderSink implements BatchSink<FolderResult> {
  private readonly names = new BatchNames();
  private staging: string | undefined;

  constructor(
    private readonly parent: string,
    private readonly folderName: string,
    private readonly fs: StoreFs = nodeStoreFs,
    private readonly hooks?: StagingHooks,
  ) {}

  /** The hidden folder being filled (created with the first file); for tests and logs. */
  get stagingPath(): string | undefined {
    return this.staging;
  }

  private async stage(): Promise<string> {
    if (!this.staging) {
      const path = join(this.parent, `.${safeFileName(this.folderName)}.${randomBytes(4).toString('hex')}.exporting`);
      // Recorded before it exists, so a crash from here on leaves nothing the next start does not remove.
      await this.hooks?.staging(path);
      await this.fs.mkdir(path, { recursive: true });
      this.staging = path;
    }
    return this.staging;
  }

  async add(fileName: string, bytes: Uint8Array): Promise<string> {
    const dir = await this.stage();
    const name = this.names.claim(fileName);
    const target = join(dir, name);
    // Flushed before the rename that makes the folder visible; a temp name first, so a failing
    // write leaves no partial file even inside the staging folder.
    const temp = await writeTempFile(this.fs, target, bytes);
    await renameWithRetry(this.fs, temp, target);
    return name;
  }

  async commit(): Promise<FolderResult> {
    const dir = await this.stage();
    await this.fs.syncDir(dir);
    const target = await uniquePath(this.parent, safeFileName(this.folderName));
    await renameWithRetry(this.fs, dir, target);
    this.staging = undefined;
    await this.fs.syncDir(this.parent);
    await this.hooks?.settled(dir).catch(() => undefined);
    return { path: target };
  }

  async discard(): Promise<void> {
    const dir = this.staging;
    this.staging = undefined;
    if (!dir) return;
    const removed = await this.fs.rm(dir, { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    // A folder that could not be removed stays recorded; the next start tries again.
    if (removed) await this.hooks?.settled(dir).catch(() => undefined);
  }
}
