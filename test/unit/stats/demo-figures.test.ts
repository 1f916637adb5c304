import { describe, expect, it } from 'vitest';
import { buildDemoCounty, type DemoCounty } from '../../../electron/services/demo/demo-county';
import { meetingKey } from '../../../shared/domain/partitions';
import { computeStats, type StatsInput } from '../../../shared/stats';

/** The demo county's term 2022–2026 (current year 2026), seeded on the day of the e2e runs. */
const TODAY = '2026-12-07';

function inputOf(demo: DemoCounty): StatsInput {
  return {
    settings: demo.core.settings,
    evaluatees: demo.core.evaluatees,
    years: Object.values(demo.years),
    meetings: demo.meetings.map((m) => ({ key: meetingKey(m.meeting.id), data: m })),
    today: TODAY,
  };
}

const upTo2024 = (demo: DemoCounty) => computeStats(inputOf(demo)).upTo.find((p) => p.period.to === 2024)!;

describe.each([2025, 2030])('the figures belong to the first three years of the demo term, whatever the year (current year %i)', (current) => {
  it('15 heads and 5 judges/prosecutors heard, 32 items, 100.0%, 97.0% 截至 the third year', () => {
    const d = buildDemoCounty({ currentYear: current, today: `${current}-12-07` });
    const p = computeStats({ ...inputOf(d), today: `${current}-12-07` }).upTo.find((x) => x.period.to === current - 2)!;
    expect([p.figures.heardHeads.text, p.figures.heardJudicial.text, p.figures.itemsDelivered.text, p.figures.rectificationRate.text, p.figures.satisfactionRate.text]).toEqual([
      '15人',
      '5人',
      '32条',
      '100.0%',
      '97.0%',
    ]);
  });
});

describe('the demo reproduces the published figures 截至2024年', () => {
  const demo = buildDemoCounty({ currentYear: 2026, today: TODAY });

  it('15 department heads and 5 judges/prosecutors heard, 32 items delivered, 整改率 100.0%, 满意率 97.0%', () => {
    const p = upTo2024(demo);
    expect(p.label).toBe('2022—2024年');
    expect(p.figures.heardHeads.text).toBe('15人');
    expect(p.figures.heardJudicial.text).toBe('5人');
    expect(p.figures.written.text).toBe('0人');
    expect(p.figures.itemsDelivered.text).toBe('32条');
    expect(p.figures.rectificationRate.text).toBe('100.0%');
    expect(p.figures.satisfactionRate.text).toBe('97.0%');
    // Every year held within the office's target of 5–6 department heads heard in person.
    const years = computeStats(inputOf(demo)).byYear;
    expect(years.map((y) => y.figures.heardHeads.value)).toEqual([5, 5, 5, 6, 0]);
    expect(years.slice(0, 4).flatMap((y) => y.targets.flatMap((t) => (t.problem ? [t.problem] : [])))).toEqual([]);
  });

  it('a changed record moves the figure: one item no longer done, one round voided', () => {
    const changed = structuredClone(demo);
    const y2023 = changed.years[2023]!;
    const entry = y2023.loop!.ledger.find((l) => l.status === 'done')!;
    entry.status = 'inProgress';
    expect(upTo2024(changed).figures.rectificationRate.text).toBe('96.9%');
    // The 2022 meeting's round voided: its results drop out of 满意率 and the grades.
    const october2022 = changed.meetings.find((m) => m.meeting.year === 2022 && m.meeting.date.slice(5, 7) === '10')!;
    for (const r of october2022.votes.rounds) r.state = 'void';
    const p = upTo2024(changed);
    expect(p.figures.satisfactionRate.text).not.toBe('97.0%');
    expect(p.grades.reduce((n, g) => n + g.count, 0)).toBe(13);
  });
});
