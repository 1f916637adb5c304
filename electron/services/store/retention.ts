import type { BackupReason, RetentionPolicy } from './types';

export const defaultRetention: RetentionPolicy = { keepLast: 10, daily: 14, weekly: 8, monthly: 24 };

/**
 * Backups taken right before something that cannot be undone otherwise. They are kept for
 * at least this long whatever the policy says.
 */
export const PROTECTED_REASONS: readonly string[] = ['migration', 'before-restore', 'before-clear', 'before-move'] satisfies BackupReason[];
export const PROTECTED_DAYS = 30;

const DAY_MS = 86_400_000;

export interface RetentionCandidate {
  id: string;
  createdAt: string;
  reason: string;
  /** Files the backup holds (paths below the data folder). */
  files?: readonly string[];
  /** Those of `files` whose copy was whole when taken. */
  goodFiles?: readonly string[];
}

export interface RetentionOptions {
  /**
   * Offset of local time from UTC in minutes (China: 480), deciding where days, weeks and
   * months begin. Defaults to the machine's offset at `now`.
   */
  utcOffsetMinutes?: number;
}

/**
 * Which backups to delete: everything not kept by one of the rules. Kept are the `keepLast`
 * newest (at least one), the newest of each of the last `daily` days, `weekly` ISO weeks
 * (Monday to Sunday) and `monthly` months, protected backups younger than 30 days, and any
 * backup whose date cannot be read or lies in the future (a clock set wrong must not make the
 * app delete what it cannot reason about). And every file of the newest backup keeps one whole
 * copy: for each, the newest backup holding it whole is kept (so a file damaged before the recent
 * backups were taken never loses its last good copy). Returns ids, oldest first. Pure.
 */
export function selectBackupsToDelete(
  backups: readonly RetentionCandidate[],
  now: number,
  policy: RetentionPolicy,
  options: RetentionOptions = {},
): string[] {
  const offsetMs = (options.utcOffsetMinutes ?? -new Date(now).getTimezoneOffset()) * 60_000;
  const keep = new Set<string>();
  const dated: { id: string; t: number; reason: string }[] = [];
  for (const b of backups) {
    const t = Date.parse(b.createdAt);
    if (!Number.isFinite(t) || t > now) keep.add(b.id);
    else dated.push({ id: b.id, t, reason: b.reason });
  }
  dated.sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  for (const b of dated.slice(0, Math.max(1, Math.floor(policy.keepLast)))) keep.add(b.id);

  const day = (t: number) => Math.floor((t + offsetMs) / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday; shifting by 3 makes weeks start on Monday.
  const week = (t: number) => Math.floor((day(t) + 3) / 7);
  const month = (t: number) => {
    const d = new Date(t + offsetMs);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  const keepNewestPerBucket = (bucketOf: (t: number) => number, count: number) => {
    const current = bucketOf(now);
    const seen = new Set<number>();
    for (const b of dated) {
      const bucket = bucketOf(b.t);
      if (bucket <= current - Math.floor(count) || seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(b.id);
    }
  };
  keepNewestPerBucket(day, policy.daily);
  keepNewestPerBucket(week, policy.weekly);
  keepNewestPerBucket(month, policy.monthly);

  for (const b of dated) {
    if (PROTECTED_REASONS.includes(b.reason) && now - b.t < PROTECTED_DAYS * DAY_MS) keep.add(b.id);
  }

  // Newest first by date, as `dated` is; the candidates themselves are looked up for their files.
  const byId = new Map(backups.map((x) => [x.id, x]));
  const newestFirst = dated.map((x) => byId.get(x.id) as RetentionCandidate);
  // One pass over the good copies, newest backup first: linear in what the manifests hold, not
  // files × backups × files (attachments can number thousands).
  const unheld = new Set(newestFirst[0]?.files ?? []);
  for (const x of newestFirst) {
    if (unheld.size === 0) break;
    for (const file of x.goodFiles ?? []) if (unheld.delete(file)) keep.add(x.id);
  }

  return dated
    .filter((b) => !keep.has(b.id))
    .reverse()
    .map((b) => b.id);
}
