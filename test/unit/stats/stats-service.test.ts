import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingKey, rehearsalKey, yearKey, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { openHarness, type Harness } from '../loop-services/harness';

/** The 统计 calls through dispatch on the seeded demo county (term 2022–2026, today 7 December 2026). */
describe('stats.* on the demo county', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('2026-12-07');
  }, 120_000);
  afterAll(() => h.close());

  it('stats.view: the published figures 截至2024年, without the records, which stats.records gives per figure', async () => {
    const view = await h.call('stats.view', {});
    expect(view.term).toEqual({ startYear: 2022, endYear: 2026 });
    expect(view.currentYear).toBe(2026);
    const p = view.upTo.find((x) => x.period.to === 2024)!;
    expect([p.figures.heardHeads.text, p.figures.heardJudicial.text, p.figures.itemsDelivered.text, p.figures.rectificationRate.text, p.figures.satisfactionRate.text]).toEqual([
      '15人',
      '5人',
      '32条',
      '100.0%',
      '97.0%',
    ]);
    expect(p.figures.itemsDelivered.refs).toEqual([]);
    expect(p.figures.itemsDelivered.refCount).toBe(32);
    const items = await h.call('stats.records', { from: 2022, to: 2024, key: 'rectificationRate' });
    expect(items.refs).toHaveLength(32);
    expect(items.refs.every((r) => r.kind === 'item' && r.counted)).toBe(true);
  });

  it('a rehearsal copy of a meeting with another result never counts', async () => {
    const keys = h.services.store.list('meeting');
    const october = (await Promise.all(keys.map((k) => h.services.store.read<MeetingData>(k)))).find((m) => m.meeting.year === 2022 && m.meeting.date.slice(5, 7) === '10')!;
    const copy = structuredClone(october) as MeetingData;
    for (const r of copy.votes.rounds) for (const g of r.result?.groups ?? []) for (const x of g.results) x.counts = { satisfied: 0, basic: 0, unsatisfied: x.valid, blank: 0, invalid: 0 };
    await h.services.store.update<MeetingData, void>(rehearsalKey(october.meeting.id), (d) => Object.assign(d, copy));
    expect(h.services.store.has(meetingKey(october.meeting.id))).toBe(true);
    const view = await h.call('stats.view', {});
    expect(view.upTo.find((x) => x.period.to === 2024)!.figures.satisfactionRate.text).toBe('97.0%');
  });

  it('a changed record moves the figure at the next read', async () => {
    await h.services.store.update<YearData, void>(yearKey(2023), (y) => {
      const entry = y.loop!.ledger.find((l) => l.status === 'done')!;
      entry.status = 'notDone';
    });
    const view = await h.call('stats.view', {});
    expect(view.upTo.find((x) => x.period.to === 2024)!.figures.rectificationRate.text).toBe('96.9%');
  });

  it('refuses a period the wrong way round, an unknown figure, and a report for a year outside the term', async () => {
    expect(await h.refused('stats.records', { from: 2024, to: 2022, key: 'coverage' })).toMatchObject({ code: 'invalid_args', message: '截止年度2022年不能早于起始年度2024年。' });
    expect((await h.refused('stats.records', { from: 2022, to: 2024, key: 'nothing' as never })).message).toContain('统计指标无效');
    expect(await h.refused('stats.annualReport', { year: 2030 })).toMatchObject({ code: 'invalid_args', message: '2030年不在本届（2022—2026年）内，无法生成年度工作评议情况报告。' });
  });
});
