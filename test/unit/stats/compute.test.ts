import { describe, expect, it } from 'vitest';
import { computeStats, indexRecords, periodStats } from '../../../shared/stats';
import { agenda, counts, input, meeting, opinion, person, round, settings2022, year } from './fixtures';

describe('statistics from hand-made records', () => {
  it('counts reports heard in person by category, written reports apart, only at meetings held', () => {
    const [h1, h2, j1, p1, w1, later] = [
      person('政府组成部门负责人', '甲'),
      person('政府组成部门负责人', '乙'),
      person('员额法官', '丙'),
      person('员额检察官', '丁'),
      person('员额法官', '戊'),
      person('政府组成部门负责人', '己'),
    ];
    const m = meeting(2023, '2023-10-26');
    agenda(m, [
      { e: h1, mode: 'report' },
      { e: h2, mode: 'report' },
      { e: j1, mode: 'report' },
      { e: p1, mode: 'report' },
      { e: w1, mode: 'written' },
    ]);
    const planned = meeting(2024, '2024-10-26', 'planned');
    agenda(planned, [{ e: later, mode: 'report' }]);
    const y23 = year(2023, [
      { e: h1, m, mode: 'report' },
      { e: h2, m, mode: 'report' },
      { e: j1, m, mode: 'report' },
      { e: p1, m, mode: 'report' },
      { e: w1, m, mode: 'written' },
    ]);
    const y24 = year(2024, [{ e: later, m: planned, mode: 'report' }]);
    const stats = computeStats(input({ evaluatees: [h1, h2, j1, p1, w1, later], years: [y23, y24], meetings: [m, planned] }));
    const y = stats.byYear.find((p) => p.period.from === 2023)!;
    expect(y.figures.heardHeads.value).toBe(2);
    expect(y.figures.heardJudicial.value).toBe(2);
    expect(y.figures.heardJudges.value).toBe(1);
    expect(y.figures.heardProsecutors.value).toBe(1);
    expect(y.figures.written.value).toBe(1);
    expect(y.figures.heardHeads.refs.map((r) => r.name)).toEqual(['甲（局长）', '乙（局长）']);
    // 2024's meeting is only planned: nobody heard yet, and 0 is below the 5–6 target.
    const y2 = stats.byYear.find((p) => p.period.from === 2024)!;
    expect(y2.figures.heardTotal.value).toBe(0);
    expect(y2.targets[0]?.problem).toBe('2024年听取政府组成部门负责人到会汇报0人，低于每年5—6人的目标');
    expect(stats.whole.figures.coverage.text).toBe('83.3%');
  });

  it('满意率: the last announced or amended non-void round, members only; void rounds, rehearsals and later votes never count', () => {
    const [a, b] = [person('政府组成部门负责人', '甲'), person('政府组成部门负责人', '乙')];
    const m = meeting(2022, '2022-10-27');
    const item = agenda(m, [
      { e: a, mode: 'report' },
      { e: b, mode: 'report' },
    ]);
    // Round 1 announced, round 2 void (never counts), the announced round 1 stands.
    round(m, item, [a.id, b.id], [counts(20, 8, 0), counts(18, 8, 2)], { number: 1, state: 'announced', apart: [counts(0, 0, 30), counts(0, 0, 30)] });
    round(m, item, [a.id, b.id], [counts(0, 0, 28), counts(0, 0, 28)], { number: 2, state: 'void' });
    // A later vote (满意度测评) of the same people is another vote.
    const later = agenda(m, [{ e: a, mode: 'report' }], 'followUp');
    round(m, later, [a.id], [counts(0, 0, 28)], { number: 1, state: 'announced' });
    // The rehearsal copy of the meeting has a round of its own: never a record.
    const rehearsal = structuredClone(m);
    rehearsal.votes.rounds = [];
    round(rehearsal, item, [a.id, b.id], [counts(0, 0, 28), counts(0, 0, 28)], { number: 3, state: 'announced' });
    const y = year(2022, [
      { e: a, m, mode: 'report' },
      { e: b, m, mode: 'report' },
    ]);
    const data = input({ evaluatees: [a, b], years: [y], meetings: [m], rehearsals: [rehearsal] });
    const p = computeStats(data).byYear[0]!;
    // (20 + 8 + 18 + 8) ÷ (28 + 28)
    expect(p.figures.satisfactionRate.numerator).toBe(54);
    expect(p.figures.satisfactionRate.denominator).toBe(56);
    expect(p.figures.satisfactionRate.text).toBe('96.4%');
    expect(p.figures.satisfactionRate.definition).toContain('（满意票＋基本满意票）÷有效票');
    expect(p.grades.find((g) => g.outcome === '满意')?.count).toBe(2);

    // The other formula in settings: 满意 ÷ valid, recomputed at once.
    const s = settings2022();
    s.votes = { ...s.votes, rateFormula: 'satisfied' };
    const q = computeStats({ ...data, settings: s }).byYear[0]!;
    expect(q.figures.satisfactionRate.text).toBe('67.9%');
    expect(q.figures.satisfactionRate.definition).toContain('满意票÷有效票');
  });

  it('an amended result counts with its amended counts; a later round replaces an earlier one', () => {
    const a = person('政府组成部门负责人', '甲');
    const m = meeting(2022, '2022-10-27');
    const item = agenda(m, [{ e: a, mode: 'report' }]);
    round(m, item, [a.id], [counts(10, 10, 8)], { number: 1, state: 'void' });
    round(m, item, [a.id], [counts(20, 4, 4)], { number: 2, state: 'amended' });
    const y = year(2022, [{ e: a, m, mode: 'report' }]);
    const p = computeStats(input({ evaluatees: [a], years: [y], meetings: [m] })).byYear[0]!;
    expect(p.figures.satisfactionRate.numerator).toBe(24);
    expect(p.figures.satisfactionRate.refs[0]?.detail).toContain('第2轮（已更正）');
  });

  it('a period without an announced round shows — with the reason, never 0% or NaN', () => {
    const a = person('政府组成部门负责人', '甲');
    const m = meeting(2022, '2022-10-27');
    const item = agenda(m, [{ e: a, mode: 'report' }]);
    round(m, item, [a.id], [counts(10, 10, 8)], { number: 1, state: 'void' });
    const y = year(2022, [{ e: a, m, mode: 'report' }]);
    const stats = computeStats(input({ evaluatees: [a], years: [y], meetings: [m] }));
    for (const p of [stats.byYear[0]!, stats.byYear[3]!]) {
      expect(p.figures.satisfactionRate.value).toBeNull();
      expect(p.figures.satisfactionRate.text).toBe('—');
      expect(p.figures.satisfactionRate.reason).toBe('所选期间没有已公布的民主测评结果');
      expect(p.figures.rectificationRate.text).toBe('—');
      expect(p.figures.rectificationRate.reason).toBe('所选期间没有已送达的评议意见');
    }
    expect(stats.series.satisfactionRate[0]).toBeNull();
  });

  it('整改率 and items delivered: only delivered opinions; items whose report date has passed; evaluations spanning two years count in their own year', () => {
    const [a, b, c] = [person('政府组成部门负责人', '甲'), person('政府组成部门负责人', '乙'), person('政府组成部门负责人', '丙')];
    const m = meeting(2023, '2023-10-26');
    agenda(m, [
      { e: a, mode: 'report' },
      { e: b, mode: 'report' },
      { e: c, mode: 'report' },
    ]);
    const y = year(2023, [
      { e: a, m, mode: 'report' },
      { e: b, m, mode: 'report' },
      { e: c, m, mode: 'report' },
    ]);
    const [ea, eb, ec] = y.evaluations.map((e) => e.id) as [string, string, string];
    // Delivered in November 2023, report due May 2024: its rectification and 回头看 run into 2024.
    opinion(
      y,
      ea,
      [
        { text: '加强一', status: 'done' },
        { text: '加强二', status: 'ongoing', verdict: 'mostlyRectified' },
        { text: '加强三', status: 'ongoing', verdict: 'notRectified' },
        { text: '加强四', status: 'inProgress' },
      ],
      { issued: '2023-11-10', delivered: '2023-11-15' },
    );
    // Issued, not delivered: counted as issued, its items not delivered.
    opinion(y, eb, [{ text: '未送达', status: 'notStarted' }], { issued: '2023-11-10', delivered: null });
    // Delivered in December 2023: report due June 2024, after `today`.
    opinion(y, ec, [{ text: '未到期', status: 'inProgress' }], { issued: '2023-12-01', delivered: '2023-12-05' });
    const data = input({ evaluatees: [a, b, c], years: [y], meetings: [m], today: '2024-05-20' });
    const records = indexRecords(data);
    const p = periodStats(data, records, { from: 2023, to: 2023 });
    expect(p.figures.opinionsIssued.value).toBe(3);
    expect(p.figures.itemsDelivered.value).toBe(5);
    expect(p.figures.rectificationRate.numerator).toBe(2);
    expect(p.figures.rectificationRate.denominator).toBe(4);
    expect(p.figures.rectificationRate.text).toBe('50.0%');
    expect(p.figures.rectificationRate.refs.filter((r) => r.counted).map((r) => r.detail)).toEqual([
      expect.stringContaining('加强一'),
      expect.stringContaining('加强二'),
    ]);
    // The year 2024 holds none of it, though the rectification happened then.
    const p24 = periodStats(data, records, { from: 2024, to: 2024 });
    expect(p24.figures.itemsDelivered.value).toBe(0);
    expect(p24.figures.rectificationRate.text).toBe('—');
    // 截至2024: the same items once.
    expect(periodStats(data, records, { from: 2022, to: 2024 }).figures.itemsDelivered.value).toBe(5);
    // Once June has passed, the December opinion's item joins the base.
    const later = periodStats({ ...data, today: '2024-07-01' }, indexRecords(data), { from: 2023, to: 2023 });
    expect(later.figures.rectificationRate.denominator).toBe(5);
    // On-time reports: two past their deadline without a report.
    expect(later.figures.onTimeReports.text).toBe('0.0%');
  });
});

describe('the plan against the target', () => {
  it('names each year whose planned heads in person fall outside the target', async () => {
    const { planTargetProblems } = await import('../../../shared/stats');
    expect(planTargetProblems([2022, 2023, 2024], [4, 5, 7], { min: 5, max: 6 })).toEqual([
      '2022年计划政府组成部门负责人到会汇报4人，少于每年5—6人的目标',
      '2024年计划政府组成部门负责人到会汇报7人，多于每年5—6人的目标',
    ]);
  });
});
