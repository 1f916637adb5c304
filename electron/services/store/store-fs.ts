import * as fsp from 'node:fs/promises';

/**
 * The file-system operations the store uses, injectable so tests can fail a write half-way
 * or hold an fsync back. Production passes `nodeStoreFs`.
 */
export interface StoreFs {
  open: typeof fsp.open;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, opts: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  /** ino/dev/nlink are optional: backups use size, mtime and inode to skip hashing a file unchanged since. */
  stat(path: string): Promise<{ size: number; mtimeMs: number; isDirectory(): boolean; ino?: number; dev?: number; nlink?: number }>;
  rm(path: string, opts: { recursive: true; force: true }): Promise<void>;
  /** fsync of a directory; EPERM tolerated on Windows only. */
  syncDir(path: string): Promise<void>;
  /** The system the files live on (default this process's): Windows retries held files longer. */
  platform?: NodeJS.Platform;
  /** The pause between two tries on a held file (default a timer): tests pass one that does not sleep. */
  wait?(ms: number): Promise<void>;
}

export const nodeStoreFs: StoreFs = {
  open: fsp.open,
  readFile: (p) => fsp.readFile(p),
  rename: (a, b) => fsp.rename(a, b),
  link: (a, b) => fsp.link(a, b),
  copyFile: (a, b) => fsp.copyFile(a, b),
  unlink: (p) => fsp.unlink(p),
  mkdir: (p, o) => fsp.mkdir(p, o),
  readdir: (p) => fsp.readdir(p),
  stat: (p) => fsp.stat(p),
  rm: (p, o) => fsp.rm(p, o),
  syncDir: syncDirWith(fsp.open, process.platform),
  platform: process.platform,
};

/**
 * fsync of a folder, so a rename or a new file in it survives a power cut. Windows cannot open
 * a folder for fsync (EISDIR, EPERM or EACCES): there NTFS's own journal has to do and the error
 * is tolerated; on every other system the same error is a real failure and is thrown.
 */
export function syncDirWith(open: typeof fsp.open, platform: NodeJS.Platform): (path: string) => Promise<void> {
  return async (path) => {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await open(path, 'r');
      await handle.sync();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (platform === 'win32' && (code === 'EPERM' || code === 'EISDIR' || code === 'EACCES')) return;
      throw err;
    } finally {
      await handle?.close();
    }
  };
}
