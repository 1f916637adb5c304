import { dirname } from 'node:path';
import { decodePartition, envelopeOf } from './codec';
import { readJsonFile, writeJsonDurably } from './durable-file';
import type { FolderContext } from './migrate-folder';
import { partitionPath } from './partition-key';
import { pathExists, quarantineFile } from './quarantine';
import type { PartitionKey, StoreNotice } from './types';

export interface Recovery {
  /** Validated data at the app's version, or null when no backup had a good copy. */
  data: unknown;
  notice: StoreNotice;
}

/**
 * Deals with a partition file that failed to parse or validate: moves it to quarantine (if it
 * is still there), then looks for the newest backup holding a copy that decodes and validates
 * — upgrading it on its own if the backup is older — and writes that copy back durably.
 * Never overwrites the bad file and never falls back to defaults silently: the notice says
 * what happened.
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
      raw = await readJsonFile(fs, partitionPath(ctx.backups.dirOf(backup.id), key));
    } catch {
      continue; // this backup's copy is damaged too (a hard link to the same bad bytes)
    }
    if (raw === null) continue;
    const decoded = decodePartition(codec, key, raw, backup.schemaVersion);
    if (!decoded.ok) continue;
    await fs.mkdir(dirname(file), { recursive: true });
    await writeJsonDurably(fs, file, envelopeOf(codec, decoded.data, nowMs));
    ctx.log.warn('partition was unreadable; quarantined and restored from backup', { key, why, quarantinedAs, backupId: backup.id });
    return { data: decoded.data, notice: { kind: 'recovered', key, backupId: backup.id, quarantinedAs, at } };
  }
  ctx.log.error('partition was unreadable and no backup holds a good copy; starting it empty', { key, why, quarantinedAs });
  return { data: null, notice: { kind: 'started-empty', key, quarantinedAs, at } };
}
