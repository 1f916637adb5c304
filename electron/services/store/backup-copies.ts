/** Taking a file's copy for a backup: hashed again only when it changed, its blob written when missing or damaged, judged once per content. */
import { sha256, type BlobStore } from './backup-blobs';
import type { BackupEntry, Manifest } from './backup-manifest';
import { isMissing } from './durable-file';
import { META_FILE } from './meta';
import type { StoreFs } from './store-fs';

/** Whether bytes are a good file of their kind (`rel`: its path below the data folder) at a data version. */
export type CopyJudge = (rel: string, bytes: Uint8Array, version: number) => boolean;

export class CopyTaker {
  private readonly fs: StoreFs;
  private readonly blobs: BlobStore;
  private readonly judge: CopyJudge;
  /**
   * Live files already hashed, by path: skipped while size, mtime and inode stay the same. The
   * store forgets a path whenever it writes it (`changed`), so a change of the same size within a
   * coarse file-system clock (FAT: 2 s) is never mistaken for the content hashed before.
   */
  private readonly hashed = new Map<string, { size: number; mtimeMs: number; ino: number | undefined; sha: string }>();
  /**
   * Whether a content reads as a good file of its kind, by data version, kind and sha256: judged
   * once, here or by an earlier session (its manifests say), so a start does not validate every
   * partition of ten years again.
   */
  private readonly wholeness = new Map<string, boolean>();
  private wholenessFromManifests = false;

  constructor(fs: StoreFs, blobs: BlobStore, judge: CopyJudge) {
    this.fs = fs;
    this.blobs = blobs;
    this.judge = judge;
  }

  /** A live file was written: its next copy hashes it again. */
  forget(abs: string): void {
    this.hashed.delete(abs);
  }

  /** Files were written without `forget`: every one is hashed again. */
  forgetAll(): void {
    this.hashed.clear();
  }

  /** What earlier backups found about each content they hold, once per session. */
  async learn(manifests: () => Promise<readonly Manifest[]>): Promise<void> {
    if (this.wholenessFromManifests) return;
    for (const m of await manifests()) {
      for (const e of m.entries) {
        const judged = judgedKey(m.schemaVersion, e.path, e.sha256);
        if (!this.wholeness.has(judged)) this.wholeness.set(judged, e.ok);
      }
    }
    this.wholenessFromManifests = true;
  }

  /**
   * Makes sure a blob holds the file's content: hashes it (unless a live file is unchanged since
   * it was last hashed), writes the blob if it is missing or damaged. Null when the file vanished.
   */
  async take(abs: string, rel: string, live: boolean, version: number): Promise<{ entry: BackupEntry } | null> {
    let stat;
    try {
      stat = await this.fs.stat(abs);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    // meta.json is tiny and written in several places: always hashed.
    const known = live && rel !== META_FILE ? this.hashed.get(abs) : undefined;
    let sha = known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino ? known.sha : undefined;
    let bytes: Buffer | undefined;
    const load = async (): Promise<Buffer | null> => {
      try {
        bytes = await this.fs.readFile(abs);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      sha = sha256(bytes);
      if (live) this.hashed.set(abs, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, sha });
      return bytes;
    };
    if (sha === undefined && !(await load())) return null;
    if (!(await this.blobs.isWhole(sha as string))) {
      // Read the file itself before writing its blob: a cached hash is not trusted with bytes.
      if (!bytes && !(await load())) return null;
      if (!(await this.blobs.isWhole(sha as string))) await this.blobs.write(sha as string, bytes as Buffer);
    }
    const digest = sha as string;
    const judged = judgedKey(version, rel, digest);
    let ok = this.wholeness.get(judged);
    if (ok === undefined) {
      ok = this.judge(rel, bytes ?? (await this.blobs.readKnown(digest)), version);
      this.wholeness.set(judged, ok);
    }
    return { entry: { path: rel, sha256: digest, size: stat.size, ok } };
  }
}

/** A content's judgement depends on the data version and on what the file is (its first path segment: the kind). */
function judgedKey(version: number, rel: string, sha: string): string {
  return `${version}:${rel.split('/')[0]}:${sha}`;
}
