import { describe, expect, it } from 'vitest';
import { buildDemoCounty } from '../../../electron/services/demo/demo-county';
import { questionnaireRefusals } from '../../../shared/domain/research-records';
import { evaluationThread } from '../../../shared/thread/links';
import { kindOf } from '../../../electron/services/demo/demo-texts';

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

  it("this year's evaluations have their research too: a group, activities and findings, none of them yet in the meeting's bank", () => {
    const data = demo.years[YEAR]!;
    const r = data.research!;
    expect(data.evaluations.length).toBeGreaterThan(0);
    for (const ev of data.evaluations) {
      expect(r.groups.filter((g) => g.evaluationIds.includes(ev.id)), ev.id).toHaveLength(1);
      expect(r.activities.some((a) => a.evaluationIds.includes(ev.id))).toBe(true);
      expect(r.findings.filter((f) => f.evaluationId === ev.id).length).toBeGreaterThanOrEqual(2);
      const group = r.groups.find((g) => g.evaluationIds.includes(ev.id))!;
      expect(['主任', '副主任']).toContain(demo.core.members.find((m) => m.id === group.members.find((x) => x.role === '组长')!.memberId)!.role);
      // Each head heard alone has a questionnaire with its tallies; the judges' batch has its case review.
      const kind = kindOf(category.get(ev.evaluateeId)!);
      const own = r.activities.filter((a) => a.evaluationIds.includes(ev.id));
      if (kind === 'head') {
        const survey = own.find((a) => a.kind === 'questionnaire');
        expect(survey, ev.id).toBeDefined();
        if (survey?.kind !== 'questionnaire') continue;
        expect(survey.questionnaire.questions.flatMap((q) => q.options).some((o) => o.tally > 0)).toBe(true);
        expect(questionnaireRefusals(survey.questionnaire)).toEqual([]);
      } else {
        expect(own.some((a) => a.kind === 'caseReview'), ev.id).toBe(true);
      }
      // The meeting is not held: no finding has been asked there or put to its bank yet.
      const thread = evaluationThread(data, ev.id, demo.meetings);
      expect(thread.findings.every((f) => f.questions.length === 0 && f.minutes.length === 0)).toBe(true);
    }
    const reviews = r.activities.filter((a) => a.kind === 'caseReview');
    expect(reviews.some((a) => a.evaluationIds.some((id) => category.get(data.evaluations.find((e) => e.id === id)!.evaluateeId) === '员额法官'))).toBe(true);
    expect(reviews.flatMap((a) => a.cases).some((c) => c.category === '涉法涉诉信访重点案件')).toBe(true);
    const current = demo.meetings.find((m) => m.meeting.status !== 'closed' && m.meeting.date.startsWith(`${YEAR}-10`))!;
    expect(current.questioning.bank).toEqual([]);
    // Years after this one have no research.
    for (const [year, later] of Object.entries(demo.years).filter(([y]) => Number(y) > YEAR)) expect(later.research?.groups ?? [], year).toEqual([]);
  });

  it("this year's research recorded early in the year leaves out what is still to come", () => {
    const today = `${YEAR}-08-20`;
    const early = buildDemoCounty({ currentYear: YEAR, today });
    const r = early.years[YEAR]!.research!;
    expect(r.groups.length).toBeGreaterThan(0);
    for (const g of r.groups) for (const day of [g.from, g.to]) if (day) expect(day <= today).toBe(true);
    for (const a of r.activities) if (a.date) expect(a.date <= today).toBe(true);
    for (const f of r.findings) expect(f.createdAt.slice(0, 10) <= today).toBe(true);
    // This year's meetings are not held: nothing of the research is in their banks.
    for (const m of early.meetings.filter((x) => x.meeting.year === YEAR)) expect(m.questioning.bank.filter((q) => q.source?.kind === 'research')).toEqual([]);
  });
});
