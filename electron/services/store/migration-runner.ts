import { storeMessages } from './messages';
import { assertValidKey } from './partition-key';
import type { Migration, MigrationTx, PartitionKey } from './types';

/** The in-memory view a migration works on: every partition's data by key. */
export class MapMigrationTx implements MigrationTx {
  private readonly data: Map<PartitionKey, unknown>;

  constructor(entries: Iterable<[PartitionKey, unknown]>) {
    this.data = new Map(entries);
  }

  keys(): PartitionKey[] {
    return [...this.data.keys()].sort();
  }

  get(key: PartitionKey): unknown {
    return this.data.get(key);
  }

  set(key: PartitionKey, data: unknown): void {
    assertValidKey(key);
    this.data.set(key, data);
  }

  remove(key: PartitionKey): void {
    this.data.delete(key);
  }

  has(key: PartitionKey): boolean {
    return this.data.has(key);
  }

  entries(): [PartitionKey, unknown][] {
    return this.keys().map((key) => [key, this.data.get(key)]);
  }
}

/**
 * The migrations that lead from `from` to `to`, in order. Refuses a gap or a duplicate:
 * skipping a step would silently leave data in an old shape.
 */
export function migrationsBetween(migrations: readonly Migration[], from: number, to: number): Migration[] {
  const byVersion = new Map<number, Migration>();
  for (const m of migrations) {
    if (byVersion.has(m.version)) throw new Error(`two migrations claim version ${m.version}: ${byVersion.get(m.version)?.name}, ${m.name}`);
    byVersion.set(m.version, m);
  }
  const steps: Migration[] = [];
  for (let v = from + 1; v <= to; v++) {
    const step = byVersion.get(v);
    if (!step) throw new Error(storeMessages.migrationStepMissing(v));
    steps.push(step);
  }
  return steps;
}

/** Checks at open that every version up to the app's has its migration. */
export function checkMigrations(migrations: readonly Migration[], schemaVersion: number): void {
  if (!Number.isInteger(schemaVersion) || schemaVersion < 0) throw new Error(`schemaVersion must be a whole number ≥ 0, got ${schemaVersion}`);
  migrationsBetween(migrations, 0, schemaVersion);
  const beyond = migrations.find((m) => m.version > schemaVersion || m.version < 1);
  if (beyond) throw new Error(`migration ${beyond.version} (${beyond.name}) is outside 1..${schemaVersion}`);
}

/** Runs the steps from `from` to `to` on a tx, in memory; throws whatever a step throws. */
export function applyMigrations(tx: MigrationTx, migrations: readonly Migration[], from: number, to: number): void {
  for (const step of migrationsBetween(migrations, from, to)) step.up(tx);
}
