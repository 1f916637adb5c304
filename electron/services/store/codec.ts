import { describeIssues, issuesOf } from '../../../shared/api/validation';
import { ApiError } from '../../../shared/api/errors';
import { storeMessages } from './messages';
import { dataMessages } from './notices';
import { applyMigrations, MapMigrationTx } from './migration-runner';
import type { Envelope, Migration, PartitionKey, PartitionType } from './types';

/** What the store needs to turn file contents into trusted data. */
export interface Codec {
  partitions: Record<string, PartitionType<unknown>>;
  migrations: readonly Migration[];
  schemaVersion: number;
  /** Kinds whose files are partitions: the registered ones plus those migrations name. */
  kinds: ReadonlySet<string>;
}

export function makeCodec(partitions: Record<string, PartitionType<unknown>>, migrations: readonly Migration[], schemaVersion: number): Codec {
  const kinds = new Set([...Object.keys(partitions), ...migrations.flatMap((m) => m.extraKinds ?? [])]);
  return { partitions, migrations, schemaVersion, kinds };
}

/** `newer`: the file was written by a newer version of the app (never quarantined: the app refuses it). */
export type Decoded = { ok: true; data: unknown } | { ok: false; reason: string; newer?: number };

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return Number.isInteger(v.schemaVersion) && (v.schemaVersion as number) >= 0 && typeof v.savedAt === 'string' && 'data' in v;
}

export function kindOfKey(key: PartitionKey): string {
  return key.split('/')[0] as string;
}

export function partitionTypeOf(codec: Codec, key: PartitionKey): PartitionType<unknown> | undefined {
  return Object.hasOwn(codec.partitions, kindOfKey(key)) ? codec.partitions[kindOfKey(key)] : undefined;
}

/** Validates data against its kind's schema; returns zod's output (the canonical shape). */
export function validatePartition(codec: Codec, key: PartitionKey, data: unknown): Decoded {
  const type = partitionTypeOf(codec, key);
  if (!type) return { ok: false, reason: storeMessages.unknownKind(key, kindOfKey(key)) };
  const result = type.schema.safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, reason: describeIssues(issuesOf(result.error)) };
}

/**
 * Turns parsed file contents into validated data at the app's version: unwraps the envelope
 * (files of folders at version 0 are handed to the migrations as they are), upgrades a partition from an older version on its
 * own, then checks the schema. `folderVersion` is the version of the folder the file came from
 * (the data folder, or a backup taken at an older version).
 */
export function decodePartition(codec: Codec, key: PartitionKey, raw: unknown, folderVersion: number): Decoded {
  let from: number;
  let data: unknown;
  if (folderVersion === 0) {
    from = 0; // before versioning, files held bare data (migration 001 deals with it)
    data = raw;
  } else if (isEnvelope(raw)) {
    from = raw.schemaVersion;
    data = raw.data;
  } else {
    return { ok: false, reason: storeMessages.fileNotEnvelope };
  }
  if (from > codec.schemaVersion) return { ok: false, reason: storeMessages.fileFromNewerVersion(from), newer: from };
  if (from < codec.schemaVersion) {
    const upgraded = upgradeLone(codec, key, data, from);
    if (!upgraded.ok) return upgraded;
    data = upgraded.data;
  }
  return validatePartition(codec, key, data);
}

/** Runs the migrations on one partition alone (a file restored from an older backup). */
export function upgradeLone(codec: Codec, key: PartitionKey, data: unknown, from: number): Decoded {
  const tx = new MapMigrationTx([[key, structuredClone(data)]]);
  try {
    applyMigrations(tx, codec.migrations, from, codec.schemaVersion);
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  if (!tx.has(key)) return { ok: false, reason: storeMessages.partitionRemovedByMigration };
  return { ok: true, data: tx.get(key) };
}

export function envelopeOf<T>(codec: Codec, data: T, nowMs: number): Envelope<T> {
  return { schemaVersion: codec.schemaVersion, savedAt: new Date(nowMs).toISOString(), data };
}

/**
 * A data file's parsed contents decoded (`decodePartition`) with the time the file carries. A file
 * written by a newer app stops here: it is refused, never quarantined or replaced.
 */
export function decodeDataFile(codec: Codec, key: PartitionKey, raw: unknown, folderVersion: number, file: string): { ok: true; data: unknown; savedAt: string | undefined } | { ok: false; reason: string } {
  const decoded = decodePartition(codec, key, raw, folderVersion);
  if (decoded.ok) return { ok: true, data: decoded.data, savedAt: isEnvelope(raw) ? raw.savedAt : undefined };
  if (decoded.newer !== undefined) throw new ApiError('conflict', dataMessages.partitionFromNewerVersion(file, decoded.newer, codec.schemaVersion));
  return { ok: false, reason: decoded.reason };
}
