import { dirname } from 'node:path';
import { entryPathOf } from './backups';
import { decodePartition, envelopeOf } from './codec';
import { ABSENT, writeJsonDurably } from './durable-file';
import type { FolderContext } from './migrate-folder';
import { notices } from './notices';
import { partitionPath } from './partition-key';
import { pathExists, quarantineFile } from './quarantine';
import type { PartitionKey, StoreNotice } from './types';

export interface Recovery {
  /** Validated data at the app's version, or null when no backup had a good copy. */
  data: unknown;
  /** The restored file's `savedAt`. */
  savedAt?: string;
  notice: StoreNotice;
}

/**
 * Deals with a partition file that is present but bad (not JSON, JSON null, a list, a number, a
 * string, an object failing the schema): moves it to quarantine byte for byte (if it is still
 * there), then looks for the newest backup holding a copy that decodes and validates — upgrading
 * it on its own if the backup is older — and writes that copy back durably. Never overwrites the
 * bad file and never falls back to defaults silently: the notice names the file and the backup.
 */
export async function quarantineAndRecover(ctx: FolderContext, key: PartitionKey, why: string, alreadyQuarantinedAs?: string): Promise<Recovery> {
  const { fs, dataDir, codec } = ctx;
  const file = partitionPath(dataDir, key);
  const nowMs = ctx.clock.now();
  const at = new Date(nowMs).toISOString();
  let quarantinedAs = alreadyQuarantinedAs ?? '';
  if (!alreadyQuarantinedAs && (await pathExists(fs, file))) quarantinedAs = await quarantineFile(fs, dataDir, file, key, nowMs);

  for (const backup of await ctx.backups.list()) {
    let raw: unknown;
    try {
      raw = await ctx.backups.readJson(backup, entryPathOf(key));
    } catch {
      continue; // this backup's copy is damaged too
    }
    if (raw === ABSENT) continue;
    const decoded = decodePartition(codec, key, raw, backup.schemaVersion);
    if (!decoded.ok) continue;
    await fs.mkdir(dirname(file), { recursive: true });
    const envelope = envelopeOf(codec, decoded.data, nowMs);
    await writeJsonDurably(fs, file, envelope);
    ctx.log.warn('partition was unreadable; quarantined and restored from backup', { key, why, quarantinedAs, backupId: backup.id });
    return { data: decoded.data, savedAt: envelope.savedAt, notice: notices.recovered({ kind: 'recovered', key, file, backupId: backup.id, backupAt: backup.createdAt, quarantinedAs, at }, nowMs) };
  }
  ctx.log.error('partition was unreadable and no backup holds a good copy; it stays in quarantine', { key, why, quarantinedAs });
  return { data: null, notice: notices.startedEmpty({ kind: 'started-empty', key, file, quarantinedAs, at }) };
}
