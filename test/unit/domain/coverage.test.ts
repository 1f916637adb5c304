import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { computeCoverage, type CoverageInput } from '../../../shared/domain/coverage';
import { succeedPost } from '../../../shared/domain/evaluatees';
import { buildDemoCounty } from '../../../electron/services/demo/demo-county';
import { COURT, counterRandom, evaluatee, evaluation } from './fixtures';

const term = { startYear: 2021, endYear: 2025 };
const coverage = (input: Omit<CoverageInput, 'term'>) => computeCoverage({ ...input, term });
const rowOf = (result: ReturnType<typeof computeCoverage>, id: string) => result.rows.find((r) => r.evaluatee.id === id);

describe('succeedPost', () => {
  const old = evaluatee('a001', { appointmentDate: '2018-03-01' });

  it('ends the old record and returns a new holder of the same post', () => {
    const { ended, successor } = succeedPost(old, { name: '林嘉远', gender: '男' }, '2023-06-01', counterRandom(), '调任');
    expect(ended).toEqual({ ...old, endedDate: '2023-06-01', endReason: '调任' });
    expect(successor).toMatchObject({
      name: '林嘉远',
      category: old.category,
      unitId: old.unitId,
      position: old.position,
      postKey: old.postKey,
      appointmentDate: '2023-06-01',
      successorOf: old.id,
    });
    expect(successor.id).not.toBe(old.id);
    expect(successor.id).toMatch(/^ee_/);
    expect(old.endedDate).toBeUndefined();
  });

  it('refuses an ended record, an early date and an invalid successor', () => {
    const { ended } = succeedPost(old, { name: '林嘉远' }, '2023-06-01', counterRandom());
    expect(() => succeedPost(ended, { name: '周若宁' }, '2024-01-01', counterRandom())).toThrow(/已于2023-06-01离任/);
    expect(() => succeedPost(old, { name: '周若宁' }, '2017-01-01', counterRandom())).toThrow(ApiError);
    expect(() => succeedPost(old, { name: '' }, '2023-06-01', counterRandom())).toThrow(/姓名不能为空/);
    expect(() => succeedPost(old, { name: '周若宁' }, '2023-6-1', counterRandom())).toThrow(/2024-10-28/);
  });
});

describe('computeCoverage', () => {
  it('lays out a year × evaluatee matrix', () => {
    const a = evaluatee('a001');
    const b = evaluatee('b001', { category: '员额法官', unitId: COURT.id });
    const ev = evaluation(a.id, 2023, 'closed');
    const result = coverage({ evaluatees: [b, a], evaluations: [ev] });
    expect(result.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    // Department heads come before judges whatever the input order.
    expect(result.rows.map((r) => r.evaluatee.id)).toEqual([a.id, b.id]);
    expect(rowOf(result, a.id)?.cells).toEqual([null, null, { year: 2023, evaluationId: ev.id, stage: 'closed', mode: 'report', held: true, conflict: false }, null, null]);
    expect(rowOf(result, a.id)?.status).toBe('covered');
    expect(rowOf(result, b.id)?.status).toBe('uncovered');
    expect(result.counts).toMatchObject({ total: 2, covered: 1, uncovered: 1, left: 0, errors: 0, warnings: 0, plannedPerYear: [0, 0, 1, 0, 0] });
    expect(result.counts.byCategory['员额法官']).toEqual({ total: 1, covered: 0, uncovered: 1, left: 0 });
  });

  it('after a post changes hands: the successor is uncovered and the old holder planned after the end is flagged', () => {
    const old = evaluatee('a001', { appointmentDate: '2018-03-01' });
    const { ended, successor } = succeedPost(old, { name: '林嘉远' }, '2023-06-01', counterRandom());
    const before = coverage({ evaluatees: [old], evaluations: [evaluation(old.id, 2024)] });
    expect(before.conflicts).toEqual([]);

    const after = coverage({ evaluatees: [ended, successor], evaluations: [evaluation(old.id, 2024)] });
    expect(rowOf(after, successor.id)?.status).toBe('uncovered');
    expect(rowOf(after, old.id)?.status).toBe('left');
    expect(rowOf(after, old.id)?.cells[3]?.conflict).toBe(true);
    expect(after.conflicts.map((c) => [c.kind, c.severity, c.evaluateeId, c.years])).toEqual([
      ['planned-after-end', 'error', old.id, [2024]],
      ['successor-uncovered', 'warning', successor.id, []],
    ]);
    expect(after.conflicts[0]?.message).toBe('人员a001已于2023年6月1日免职，不应列入2024年评议计划');
    expect(after.conflicts[1]?.message).toContain('林嘉远尚未列入评议计划');
    expect(after.conflicts[1]?.predecessorId).toBe(old.id);
    expect(after.counts).toMatchObject({ total: 2, covered: 0, uncovered: 1, left: 1, errors: 1, warnings: 1 });
    expect(rowOf(after, successor.id)?.plannableYears).toEqual([2023, 2024, 2025]);
    expect(rowOf(after, old.id)?.plannableYears).toEqual([2021, 2022, 2023]);

    // Planning the successor clears the warning; the old holder keeps an evaluation heard before leaving.
    const fixed = coverage({ evaluatees: [ended, successor], evaluations: [evaluation(old.id, 2022, 'closed'), evaluation(successor.id, 2024)] });
    expect(fixed.conflicts).toEqual([]);
    expect(fixed.counts).toMatchObject({ covered: 2, uncovered: 0, left: 0 });
  });

  it('in the year of leaving, only an evaluation already heard stands', () => {
    const ended = evaluatee('a001', { endedDate: '2023-11-20', endReason: '退休' });
    const heard = coverage({ evaluatees: [ended], evaluations: [evaluation(ended.id, 2023, 'opinion')] });
    expect(heard.conflicts).toEqual([]);
    const pending = coverage({ evaluatees: [ended], evaluations: [evaluation(ended.id, 2023, 'planned')] });
    expect(pending.conflicts.map((c) => c.kind)).toEqual(['planned-after-end']);
    expect(pending.conflicts[0]?.message).toContain('退休');
  });

  it('flags someone planned twice, naming the years', () => {
    const a = evaluatee('a001');
    const result = coverage({ evaluatees: [a], evaluations: [evaluation(a.id, 2024), evaluation(a.id, 2022, 'closed')] });
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ kind: 'planned-twice', severity: 'error', evaluateeId: a.id, years: [2022, 2024] });
    expect(result.conflicts[0]?.message).toBe('人员a001在本届内列入评议计划2次（2022年、2024年），每人只需评议一次');
    expect(rowOf(result, a.id)?.status).toBe('covered');
    expect(rowOf(result, a.id)?.cells.filter((c) => c?.conflict)).toHaveLength(2);
    expect(result.counts.errors).toBe(1);
  });

  it('flags planning before the appointment and evaluations of unknown people; ignores other terms', () => {
    const a = evaluatee('a001', { appointmentDate: '2023-05-06' });
    const result = coverage({
      evaluatees: [a, evaluatee('old1', { endedDate: '2019-12-31', endReason: '免职' })],
      evaluations: [evaluation(a.id, 2022), evaluation('ee_gone', 2023), evaluation(a.id, 2019, 'closed')],
    });
    expect(result.conflicts.map((c) => c.kind)).toEqual(['unknown-evaluatee', 'planned-before-appointment']);
    expect(result.conflicts[1]?.message).toBe('人员a001于2023年5月6日任职，不应列入2022年评议计划');
    expect(result.rows.map((r) => r.evaluatee.id)).toEqual([a.id]);
    expect(rowOf(result, a.id)?.status).toBe('uncovered');
  });

  it('covers the whole demo county with no conflicts', () => {
    for (const currentYear of [2025, 2026]) {
      const demo = buildDemoCounty({ currentYear });
      const result = computeCoverage({
        evaluatees: demo.core.evaluatees,
        evaluations: Object.values(demo.years).flatMap((y) => y.evaluations),
        term: demo.core.settings.term,
      });
      expect(result.years).toEqual([currentYear - 4, currentYear - 3, currentYear - 2, currentYear - 1, currentYear]);
      expect(result.conflicts).toEqual([]);
      expect(result.counts).toMatchObject({ total: 81, covered: 81, uncovered: 0, left: 0, errors: 0, warnings: 0 });
      expect(result.counts.byCategory).toEqual({
        政府组成部门负责人: { total: 26, covered: 26, uncovered: 0, left: 0 },
        员额法官: { total: 32, covered: 32, uncovered: 0, left: 0 },
        员额检察官: { total: 23, covered: 23, uncovered: 0, left: 0 },
        其他: { total: 0, covered: 0, uncovered: 0, left: 0 },
      });
      expect(result.counts.plannedPerYear.reduce((a, b) => a + b, 0)).toBe(81);
      expect(result.counts.plannedPerYear.at(-1)).toBe(11);
      for (const row of result.rows) expect(row.cells.filter((c) => c !== null)).toHaveLength(1);
    }
  });
});
