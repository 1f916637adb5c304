import { beforeAll, describe, expect, it } from 'vitest';
import { corruptionMatrix, describeCase, type CaseResult, type MatrixOutcome } from '../../bench/reliability/corruption';

/**
 * The corruption matrix of `npm run bench -- reliability`, whole (it runs in-process in seconds):
 * every partition kind, meta.json and the live meeting's journal × seven kinds of damage × rewritten
 * in place or replaced by rename, each on a fresh copy of a folder whose meeting is being counted.
 */
let matrix: MatrixOutcome;
beforeAll(async () => {
  matrix = await corruptionMatrix();
}, 120_000);

const listed = (cases: CaseResult[]) => cases.map(describeCase);
const partition = (r: CaseResult) => r.target !== 'meta' && r.target !== 'journal';

describe('a damaged data file', () => {
  it('covers every kind, damage and way', () => {
    expect(new Set(matrix.results.map((r) => r.target))).toEqual(new Set(['core', 'year', 'archive-year', 'meeting', 'session', 'meta', ...(matrix.results.some((r) => r.target === 'journal') ? ['journal'] : [])]));
    expect(matrix.cases).toBeGreaterThanOrEqual(6 * 7 * 2);
  });

  it('never breaks the desk: the folder opens and desk.overview answers', () => {
    expect(listed(matrix.results.filter((r) => r.refused !== null || !r.overviewOk))).toEqual([]);
  });

  it('replaced by rename with bytes that are not JSON: recovered from the backup, with a notice', () => {
    const broken = matrix.results.filter((r) => partition(r) && r.way === 'rename' && !['null', 'wrong-shape'].includes(r.damage));
    expect(broken.length).toBeGreaterThan(0);
    expect(listed(broken.filter((r) => !r.notice || !(r.acknowledged || r.backedUp)))).toEqual([]);
  });

  it('never opens silently: a notice, or the last acknowledged state (JSON null and wrong shapes included)', () => {
    expect(listed(matrix.results.filter((r) => r.refused === null && !r.notice && !r.acknowledged))).toEqual([]);
    expect(matrix.silent).toBe(0);
  });

  it('comes back exactly as last backed up or acknowledged, rewritten in place too (backups are independent copies)', () => {
    expect(listed(matrix.results.filter((r) => !(r.acknowledged || r.backedUp)))).toEqual([]);
    expect(matrix.restoredExact).toBe(matrix.cases);
  });

  it('of the live meeting (its partition or its journal) loses no acknowledged sheet', () => {
    expect(listed(matrix.results.filter((r) => r.sheetsMissing > 0))).toEqual([]);
    expect(matrix.meetingLost).toBe(0);
  });
});
