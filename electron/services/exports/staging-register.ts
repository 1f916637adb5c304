import { basename, dirname, join } from 'node:path';
import { readJsonFile, writeJsonDurably } from '../store/durable-file';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';

/**
 * The staging folders of folder exports that have not finished, in `<data folder>/logs/exports-staging.json`.
 * A folder export fills `.<name>.<hex>.exporting` beside its target and renames it at the end; if the
 * machine loses power or the app is killed in between, the half-filled folder would stay in the user's
 * folder. Each staging folder is recorded durably before its first file is written and forgotten once it
 * has been renamed or removed; whatever is still recorded at the next start (or the next export) is removed.
 */

export const STAGING_REGISTER_FILE = join('logs', 'exports-staging.json');

/** Only folders the batch export itself named are ever removed. */
const STAGING_NAME = /^\..+\.[0-9a-f]{8}\.exporting$/;

export function isStagingFolderName(path: string): boolean {
  return STAGING_NAME.test(basename(path));
}

export class StagingRegister {
  /** Serialises read-modify-write of the register file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: () => string,
    private readonly fs: StoreFs = nodeStoreFs,
  ) {}

  private get file(): string {
    return join(this.dataDir(), STAGING_REGISTER_FILE);
  }

  private async read(): Promise<string[]> {
    try {
      const value = await readJsonFile(this.fs, this.file);
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      // Absent (nothing recorded yet) or unreadable: treated as empty; it is rewritten on the next change.
      return [];
    }
  }

  private change(edit: (list: string[]) => string[]): Promise<void> {
    const next = this.queue.then(async () => {
      const list = edit(await this.read());
      await this.fs.mkdir(dirname(this.file), { recursive: true });
      await writeJsonDurably(this.fs, this.file, list);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Recorded durably before the staging folder is created. */
  add(path: string): Promise<void> {
    return this.change((list) => (list.includes(path) ? list : [...list, path]));
  }

  forget(path: string): Promise<void> {
    return this.change((list) => list.filter((p) => p !== path));
  }

  /** Removes the staging folders a crash left behind; answers with the ones removed. */
  async sweep(running: ReadonlySet<string> = new Set()): Promise<string[]> {
    const removed: string[] = [];
    await this.queue;
    // Nothing recorded (the usual case): nothing is written either.
    for (const path of await this.read()) {
      if (running.has(path)) continue;
      if (isStagingFolderName(path)) {
        await this.fs.rm(path, { recursive: true, force: true });
        removed.push(path);
      }
      await this.forget(path);
    }
    return removed;
  }
}
