import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../deps';
import { encodeJson, readJsonFile, removeFileDurably, writeFileDurably, writeTempFile } from './durable-file';
import { storeMessages } from './messages';
import { formatLocalTime } from './notices';
import type { StoreFs } from './store-fs';

export const LOCK_FILE = '.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random per open: tells our own lock from a successor's when releasing. */
  token?: string;
  /** The owner process's start time as the OS counts it (Linux: /proc/<pid>/stat starttime). */
  procStart?: string;
  /** The boot the owner ran in (Linux: /proc/sys/kernel/random/boot_id). */
  bootId?: string;
}

/**
 * What the OS says about processes and the current boot: a PID alone is reused after a reboot
 * (or after enough processes), so a lock's PID being alive proves nothing by itself.
 */
export interface ProcessIdentity {
  /** The start time of a running process, undefined where the OS does not tell. */
  startOf(pid: number): string | undefined;
  /** An id of the current boot, undefined where the OS does not tell. */
  bootId(): string | undefined;
  /** When this boot began (ms since the epoch). */
  bootTimeMs(): number;
}

function readProcFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Linux: /proc; elsewhere only the boot time (from the uptime), which the judgement falls back on. */
export const systemProcessIdentity: ProcessIdentity = {
  startOf(pid) {
    if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return undefined;
    const stat = readProcFile(`/proc/${pid}/stat`);
    if (stat === undefined) return undefined;
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ')'.
    // starttime is field 22, i.e. the 20th after the comm.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start && /^\d+$/.test(start) ? start : undefined;
  },
  bootId() {
    if (process.platform !== 'linux') return undefined;
    const id = readProcFile('/proc/sys/kernel/random/boot_id')?.trim();
    return id ? id : undefined;
  },
  bootTimeMs: () => Date.now() - uptime() * 1000,
};

export type LockJudgement =
  | { live: true; reason: 'other-computer' | 'running' }
  | { live: false; reason: 'own-pid' | 'gone' | 'other-boot' | 'pid-reused' | 'before-boot' };

/** Clocks and uptime disagree by a little; a lock this close to the boot is not judged by it. */
const BOOT_SLACK_MS = 5 * 60_000;

/**
 * Whether a lock's owner still holds the folder. Pure: everything the OS says comes in `probe`.
 * Another computer's lock is always respected (it cannot be probed); a dead PID, our own PID,
 * an owner of another boot, or a PID whose process started at another time (reused) is stale.
 * Where the OS gives neither boot id nor start time, a lock written before this boot is stale.
 */
export function judgeLock(
  owner: LockOwner,
  self: { pid: number; hostname: string; bootId?: string | undefined; bootTimeMs?: number | undefined },
  probe: { alive: boolean; start?: string | undefined },
): LockJudgement {
  if (owner.hostname && owner.hostname !== self.hostname) return { live: true, reason: 'other-computer' };
  if (owner.pid === self.pid) return { live: false, reason: 'own-pid' };
  if (!probe.alive) return { live: false, reason: 'gone' };
  if (owner.bootId && self.bootId) {
    if (owner.bootId !== self.bootId) return { live: false, reason: 'other-boot' };
  } else if (self.bootTimeMs !== undefined) {
    const started = Date.parse(owner.startedAt);
    if (Number.isFinite(started) && started < self.bootTimeMs - BOOT_SLACK_MS) return { live: false, reason: 'before-boot' };
  }
  if (owner.procStart && probe.start && owner.procStart !== probe.start) return { live: false, reason: 'pid-reused' };
  return { live: true, reason: 'running' };
}

/** When the owner took the folder, in the office's words; null when its lock does not say. */
function heldSince(owner: LockOwner): string | null {
  const at = Date.parse(owner.startedAt);
  return Number.isFinite(at) ? formatLocalTime(at) : null;
}

/**
 * Another live program holds the data folder. The message says who (this computer or another,
 * by name) and since when; the owner's process number is in `owner` and goes to the log.
 */
export class StoreLockedError extends Error {
  readonly code = 'store_locked';
  readonly dataDir: string;
  readonly owner: LockOwner;
  constructor(dataDir: string, owner: LockOwner, ownHostname: string) {
    super(
      owner.hostname && owner.hostname !== ownHostname
        ? storeMessages.lockedOtherHost(dataDir, owner.hostname, heldSince(owner))
        : storeMessages.locked(dataDir, heldSince(owner)),
    );
    this.name = 'StoreLockedError';
    this.dataDir = dataDir;
    this.owner = owner;
  }
}

export interface AcquireLockOptions {
  fs: StoreFs;
  dataDir: string;
  pid: number;
  hostname: string;
  nowMs: number;
  isProcessAlive: (pid: number) => boolean;
  log: Logger;
  /** Start times and boot id (default: what this OS tells). */
  identity?: ProcessIdentity;
}

export interface HeldLock {
  path: string;
  token: string;
  /** Set when a dead owner's lock was taken over (0 when its file was unreadable). */
  previousPid?: number;
}

/** `kill(pid, 0)` probes without signalling; EPERM means it exists but belongs to someone else. */
export function defaultIsProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE);
}

/** The lock's owner; null when there is no lock; 'unreadable' when it holds no owner. */
export async function readLockOwner(fs: StoreFs, dataDir: string): Promise<LockOwner | null | 'unreadable'> {
  try {
    const raw = (await readJsonFile(fs, lockPath(dataDir))) as Partial<LockOwner> | null;
    if (raw === null) return null;
    if (typeof raw !== 'object' || !Number.isInteger(raw.pid)) return 'unreadable';
    return {
      pid: raw.pid as number,
      hostname: typeof raw.hostname === 'string' ? raw.hostname : '',
      startedAt: typeof raw.startedAt === 'string' ? raw.startedAt : '',
      ...(typeof raw.token === 'string' ? { token: raw.token } : {}),
      ...(typeof raw.procStart === 'string' ? { procStart: raw.procStart } : {}),
      ...(typeof raw.bootId === 'string' ? { bootId: raw.bootId } : {}),
    };
  } catch {
    return 'unreadable';
  }
}

/** Whether an owner must be respected: the same process alive here, or on another machine (which we cannot probe). */
export function ownerIsLive(
  owner: LockOwner,
  self: { pid: number; hostname: string },
  isProcessAlive: (pid: number) => boolean,
  identity: ProcessIdentity = systemProcessIdentity,
): boolean {
  return judge(owner, self, isProcessAlive, identity).live;
}

function judge(owner: LockOwner, self: { pid: number; hostname: string }, isProcessAlive: (pid: number) => boolean, identity: ProcessIdentity): LockJudgement {
  const local = !owner.hostname || owner.hostname === self.hostname;
  const alive = local && owner.pid !== self.pid && isProcessAlive(owner.pid);
  return judgeLock(owner, { ...self, bootId: identity.bootId(), bootTimeMs: identity.bootTimeMs() }, { alive, start: alive ? identity.startOf(owner.pid) : undefined });
}

/**
 * Takes the data folder's lock, or throws StoreLockedError naming the live owner. A lock left
 * by a dead process (crash, kill -9) is taken over and logged.
 */
export async function acquireLock(o: AcquireLockOptions): Promise<HeldLock> {
  const path = lockPath(o.dataDir);
  const token = randomBytes(8).toString('hex');
  const identity = o.identity ?? systemProcessIdentity;
  const procStart = identity.startOf(o.pid);
  const bootId = identity.bootId();
  const mine: LockOwner = {
    pid: o.pid,
    hostname: o.hostname,
    startedAt: new Date(o.nowMs).toISOString(),
    token,
    ...(procStart === undefined ? {} : { procStart }),
    ...(bootId === undefined ? {} : { bootId }),
  };
  const bytes = encodeJson(mine, true);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(o.fs, path, bytes)) return { path, token };
    const owner = await readLockOwner(o.fs, o.dataDir);
    if (owner === null) continue; // released between our two steps: try to create it again
    const verdict = owner === 'unreadable' ? undefined : judge(owner, o, o.isProcessAlive, identity);
    if (owner !== 'unreadable' && verdict?.live) {
      logRefusal(o, owner, verdict.reason);
      throw new StoreLockedError(o.dataDir, owner, o.hostname);
    }
    // Stale. Replace it, then read back: if two programs take over at once, one sees the other's token.
    await writeFileDurably(o.fs, path, bytes);
    const now = await readLockOwner(o.fs, o.dataDir);
    if (now !== null && now !== 'unreadable' && now.token === token) {
      const previousPid = owner === 'unreadable' ? 0 : owner.pid;
      o.log.warn('took over the data folder lock of a process that is gone', {
        dataDir: o.dataDir,
        previousPid,
        previousStart: owner === 'unreadable' ? '' : owner.startedAt,
        why: verdict?.reason ?? 'unreadable',
      });
      return { path, token, previousPid };
    }
  }
  const owner = await readLockOwner(o.fs, o.dataDir);
  const holder = owner && owner !== 'unreadable' ? owner : { pid: 0, hostname: '', startedAt: '' };
  logRefusal(o, holder, 'contended');
  throw new StoreLockedError(o.dataDir, holder, o.hostname);
}

/** The refusal's details for support (the process number among them), which the message leaves out. */
function logRefusal(o: AcquireLockOptions, owner: LockOwner, why: string): void {
  o.log.warn('the data folder is held by another program; not opened', {
    dataDir: o.dataDir,
    ownerPid: owner.pid,
    ownerHost: owner.hostname,
    ownerStartedAt: owner.startedAt,
    why,
  });
}

/**
 * Creates the lock only if none exists. The content is written to a temp file first and then
 * hard-linked into place, so a competitor never sees a half-written lock; where the file
 * system has no hard links, an exclusive ('wx') create is the fallback.
 */
async function createExclusive(fs: StoreFs, path: string, bytes: Uint8Array): Promise<boolean> {
  const temp = await writeTempFile(fs, path, bytes);
  try {
    await fs.link(temp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    try {
      const handle = await fs.open(path, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (fallbackErr) {
      if ((fallbackErr as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackErr;
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
  await fs.syncDir(join(path, '..'));
  return true;
}

/** Removes the lock if it is still ours (a successor that took it over keeps theirs). */
export async function releaseLock(fs: StoreFs, dataDir: string, lock: HeldLock, log: Logger): Promise<void> {
  const owner = await readLockOwner(fs, dataDir);
  if (owner === null) return;
  if (owner === 'unreadable' || owner.token !== lock.token) {
    log.warn('the data folder lock is no longer ours; leaving it', { dataDir });
    return;
  }
  await removeFileDurably(fs, lock.path);
}
