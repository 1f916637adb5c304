import { describe, expect, it } from 'vitest';
import { buildDemoCounty } from '../../../electron/services/demo/demo-county';
import { questionnaireRefusals } from '../../../shared/domain/research-records';
import { evaluationThread } from '../../../shared/thread/links';

const YEAR = 2026;
const TODAY = '2026-12-07';
const demo = buildDemoCounty({ currentYear: YEAR, today: TODAY });
const category = new Map(demo.core.evaluatees.map((e) => [e.id, e.category]));

describe('demo county: research and the thread of its findings', () => {
  it('every evaluation of the earlier years has a group, activities and findings', () => {
    for (const [year, data] of Object.entries(demo.years).filter(([y]) => Number(y) < YEAR)) {
      const r = data.research!;
      for (const ev of data.evaluations) {
        expect(r.groups.filter((g) => g.evaluationIds.includes(ev.id)), `${year} ${ev.id}`).toHaveLength(1);
        expect(r.activities.some((a) => a.evaluationIds.includes(ev.id))).toBe(true);
        expect(r.findings.filter((f) => f.evaluationId === ev.id).length).toBeGreaterThanOrEqual(2);
        const group = r.groups.find((g) => g.evaluationIds.includes(ev.id))!;
        expect(['主任', '副主任']).toContain(demo.core.members.find((m) => m.id === group.members.find((x) => x.role === '组长')!.memberId)!.role);
      }
      // A questionnaire with tallies within the sheets returned, and a case review with a 涉法涉诉信访重点案件 for a judge.
      const surveys = r.activities.filter((a) => a.kind === 'questionnaire');
      expect(surveys.length).toBeGreaterThan(0);
      for (const s of surveys) {
        expect(s.questionnaire.returned).toBeGreaterThan(0);
        expect(s.questionnaire.questions.flatMap((q) => q.options).some((o) => o.tally > 0)).toBe(true);
        expect(questionnaireRefusals(s.questionnaire)).toEqual([]);
      }
      const reviews = r.activities.filter((a) => a.kind === 'caseReview');
      expect(reviews.some((a) => a.evaluationIds.some((id) => data.evaluations.find((e) => e.id === id && category.get(e.evaluateeId) === '员额法官')))).toBe(true);
      expect(reviews.flatMap((a) => a.cases).some((c) => c.category === '涉法涉诉信访重点案件')).toBe(true);
      // Nothing dated after the day the county was recorded to.
      for (const a of r.activities) if (a.date) expect(a.date <= TODAY).toBe(true);
    }
  });

  it('earlier years: findings run through questions asked at the meeting, opinion items, ledger entries and 回头看 verdicts', () => {
    for (const year of [YEAR - 4, YEAR - 3]) {
      const data = demo.years[year]!;
      for (const ev of data.evaluations) {
        const thread = evaluationThread(data, ev.id, demo.meetings);
        const withItem = thread.findings.filter((f) => f.items.length > 0);
        expect(withItem.length, `${year} ${ev.id}`).toBeGreaterThan(0);
        expect(withItem.every((f) => f.items.every((i) => i.ledger !== null))).toBe(true);
        // Where a 回头看 was held (not on the 不满意 path), the linked items carry its verdicts.
        if (data.loop?.followUps.some((f) => f.evaluationId === ev.id)) expect(withItem.every((f) => f.items.every((i) => i.ledger?.verdict))).toBe(true);
        // Back from the items to the findings.
        expect(thread.items.filter((i) => i.findingIds.length > 0).length).toBe(withItem.length);
        if (ev.mode === 'report') {
          const asked = thread.findings.filter((f) => f.minutes.length > 0);
          expect(asked).toHaveLength(1);
          expect(asked[0]!.questions[0]!.status).toBe('asked');
          expect(asked[0]!.minutes[0]!.origin).toBe('volunteer');
        }
      }
    }
  });

  it("this year's research is the office's to record: no records, and the meeting's bank as the office prepares it", () => {
    const data = demo.years[YEAR]!;
    expect(data.research?.groups ?? []).toEqual([]);
    expect(data.research?.findings ?? []).toEqual([]);
    const current = demo.meetings.find((m) => m.meeting.status !== 'closed' && m.meeting.date.startsWith(`${YEAR}-10`))!;
    expect(current.questioning.bank).toEqual([]);
  });
});
