import { describe, expect, it } from 'vitest';
import { planImport, resolvePlan } from '../../../electron/services/package/merge';
import { fieldDiff, recordHash, type PackageRecord } from '../../../electron/services/package/records';

const rec = (key: string, value: unknown): PackageRecord => ({ key, label: key, value });
const here = (...records: PackageRecord[]) => new Map(records.map((r) => [r.key, r]));

describe('merging a results package by id', () => {
  const base = { 'members/mb_a': recordHash({ id: 'mb_a', phone: '1' }), 'members/mb_b': recordHash({ id: 'mb_b', phone: '1' }), 'members/mb_c': recordHash({ id: 'mb_c', phone: '1' }) };

  it('takes what changed only at the hall, keeps what changed only here, and asks about what changed on both sides', () => {
    const local = here(rec('members/mb_a', { id: 'mb_a', phone: '1' }), rec('members/mb_b', { id: 'mb_b', phone: 'desk' }), rec('members/mb_c', { id: 'mb_c', phone: 'desk' }), rec('members/mb_d', { id: 'mb_d' }));
    const incoming = [
      rec('members/mb_a', { id: 'mb_a', phone: 'hall' }),
      rec('members/mb_b', { id: 'mb_b', phone: '1' }),
      rec('members/mb_c', { id: 'mb_c', phone: 'hall' }),
      rec('members/mb_e', { id: 'mb_e' }),
    ];
    const plan = planImport('results', local, incoming, base);
    expect(plan.write.map((r) => r.key)).toEqual(['members/mb_a', 'members/mb_e']);
    expect(plan.changes).toEqual([
      { key: 'members/mb_a', label: 'members/mb_a', change: 'changed' },
      { key: 'members/mb_e', label: 'members/mb_e', change: 'new' },
    ]);
    expect(plan.keptHere).toBe(1);
    expect(plan.conflicts).toEqual([{ key: 'members/mb_c', label: 'members/mb_c', fields: [{ field: 'phone', here: 'desk', package: 'hall' }] }]);
  });

  it('sees no conflict when both sides made the same change', () => {
    const plan = planImport('results', here(rec('members/mb_a', { id: 'mb_a', phone: 'x' })), [rec('members/mb_a', { id: 'mb_a', phone: 'x' })], base);
    expect(plan).toMatchObject({ write: [], conflicts: [], unchanged: 1 });
  });

  it('treats a record both sides hold without a base (made on both after the package) as a conflict', () => {
    const plan = planImport('results', here(rec('members/mb_z', { id: 'mb_z', n: 1 })), [rec('members/mb_z', { id: 'mb_z', n: 2 })], base);
    expect(plan.conflicts.map((c) => c.key)).toEqual(['members/mb_z']);
  });

  it('writes every different record of a meeting package (the desk’s word) without asking', () => {
    const plan = planImport('meeting', here(rec('members/mb_c', { id: 'mb_c', phone: 'laptop' })), [rec('members/mb_c', { id: 'mb_c', phone: 'desk' })], {});
    expect(plan.write.map((r) => r.key)).toEqual(['members/mb_c']);
    expect(plan.conflicts).toEqual([]);
  });

  it('refuses to resolve while a conflict has no choice, and writes the package’s side only where chosen', () => {
    const local = here(rec('members/mb_b', { id: 'mb_b', phone: 'desk' }), rec('members/mb_c', { id: 'mb_c', phone: 'desk' }));
    const incoming = [rec('members/mb_b', { id: 'mb_b', phone: 'hall' }), rec('members/mb_c', { id: 'mb_c', phone: 'hall' })];
    const plan = planImport('results', local, incoming, base);
    expect(plan.conflicts).toHaveLength(2);
    expect(resolvePlan(plan, incoming, { 'members/mb_b': 'package' }).missing).toEqual(['members/mb_c']);
    const done = resolvePlan(plan, incoming, { 'members/mb_b': 'package', 'members/mb_c': 'here' });
    expect(done.missing).toEqual([]);
    expect(done.write.map((r) => r.key)).toEqual(['members/mb_b']);
    expect(done.resolved.map((r) => r.choice)).toEqual(['package', 'here']);
  });

  it('hashes records independently of key order and names only the differing fields', () => {
    expect(recordHash({ a: 1, b: { c: 2, d: 3 } })).toBe(recordHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(fieldDiff({ a: 1, b: 'x' }, { a: 1, b: 'y', c: true })).toEqual([
      { field: 'b', here: 'x', package: 'y' },
      { field: 'c', here: '（无）', package: 'true' },
    ]);
  });
});
