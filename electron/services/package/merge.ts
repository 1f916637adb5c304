import type { ConflictChoice, PackageChange, PackageConflict, PackageKind } from '../../../shared/api/package-types';
import { fieldDiff, recordHash, type PackageRecord } from './records';

/**
 * Which records of a package are written, kept or asked about — a pure function of this folder's
 * records, the package's and the hashes of the records when the meeting package was made (`base`).
 *
 * - A meeting package (on the hall laptop) is the desk's word: every record new or different here is
 *   written (the preview lists them). A meeting package sent again for a meeting the laptop already
 *   holds is merged like a results package, against the hashes of the package before it, so what the
 *   hall did meanwhile is never overwritten silently.
 * - A results package (back on the desk) is merged by id: a record changed only at the hall is
 *   taken, one changed only here is kept, and one changed on both sides to different contents is a
 *   conflict the user decides — nothing is overwritten silently. A record the hall does not carry
 *   is never removed.
 */
export interface ImportPlan {
  write: PackageRecord[];
  changes: PackageChange[];
  unchanged: number;
  conflicts: PackageConflict[];
  keptHere: number;
}

export function planImport(
  kind: PackageKind,
  here: ReadonlyMap<string, PackageRecord>,
  incoming: readonly PackageRecord[],
  base: Readonly<Record<string, string>>,
): ImportPlan {
  const plan: ImportPlan = { write: [], changes: [], unchanged: 0, conflicts: [], keptHere: 0 };
  for (const p of incoming) {
    const local = here.get(p.key);
    if (!local) {
      plan.write.push(p);
      plan.changes.push({ key: p.key, label: p.label, change: 'new' });
      continue;
    }
    const pkgHash = recordHash(p.value);
    const hereHash = recordHash(local.value);
    if (pkgHash === hereHash) {
      plan.unchanged++;
      continue;
    }
    // A first meeting package is the desk's word; one sent again (the laptop holds the meeting's base) is merged like results.
    if (kind === 'meeting' && Object.keys(base).length === 0) {
      plan.write.push(p);
      plan.changes.push({ key: p.key, label: p.label, change: 'changed' });
      continue;
    }
    const was = base[p.key];
    const changedThere = was === undefined || pkgHash !== was;
    const changedHere = was === undefined || hereHash !== was;
    if (changedThere && !changedHere) {
      plan.write.push(p);
      plan.changes.push({ key: p.key, label: p.label, change: 'changed' });
    } else if (!changedThere) {
      plan.keptHere++;
    } else {
      plan.conflicts.push({ key: p.key, label: p.label, fields: fieldDiff(local.value, p.value) });
    }
  }
  return plan;
}

/**
 * The records a results import writes once the user chose a side for each conflict; refuses (with
 * the labels) while a conflict has no choice.
 */
export function resolvePlan(
  plan: ImportPlan,
  incoming: readonly PackageRecord[],
  choices: Readonly<Record<string, ConflictChoice>>,
): { write: PackageRecord[]; resolved: { key: string; label: string; choice: ConflictChoice }[]; missing: string[] } {
  const byKey = new Map(incoming.map((r) => [r.key, r]));
  const write = [...plan.write];
  const resolved: { key: string; label: string; choice: ConflictChoice }[] = [];
  const missing: string[] = [];
  for (const c of plan.conflicts) {
    const choice = choices[c.key];
    if (!choice) {
      missing.push(c.label);
      continue;
    }
    resolved.push({ key: c.key, label: c.label, choice });
    if (choice === 'package') write.push(byKey.get(c.key)!);
  }
  return { write, resolved, missing };
}
