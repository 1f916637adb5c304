import { afterEach, describe, expect, it } from 'vitest';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import { yearKey } from '../../../shared/domain/partitions';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { QuestioningState } from '../../../shared/api/questioning-types';
import type { OpinionContent } from '../../../shared/domain/opinions';
import { announceVote, contentWithItems, openHarness, storedYear, type Harness } from '../loop-services/harness';
import { clearDemoResearch } from '../research/clear-demo-research';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function consoleCall<T>(name: string, args: unknown = {}): Promise<T> {
  const reply = await h!.services.dispatch('console', name, args);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.result as T;
}

/** This year's evaluations heard in person at the demo meeting, with their names. */
async function heardEvaluations(year: number) {
  const data = await storedYear(h!, year);
  const rows = (await h!.call('opinions.list', { year })).rows;
  return data.evaluations.filter((e) => e.meetingId && e.mode === 'report').map((e) => ({ evaluation: e, name: rows.find((r) => r.evaluationId === e.id)!.name }));
}

describe('the thread of a finding: question → minutes → opinion item → ledger → verdict', () => {
  it('follows one finding through the records by id, across edits, both ways; deleting it is refused once an issued opinion uses it', async () => {
    h = await openHarness('2026-10-20');
    const year = 2026;
    const core = await h.services.store.read<CoreData>('core');
    const criterionId = core.criteria[0]!.id;
    const [first, second] = await heardEvaluations(year);
    const which = { year, evaluationId: first!.evaluation.id };
    // The findings followed here are the only ones of the year: the demo's research is removed first.
    await clearDemoResearch(h.call, year, which.evaluationId);

    const { id: findingId } = await h.call('research.finding.save', {
      year,
      finding: { evaluationId: which.evaluationId, text: '行政执法案卷评查合格率偏低。', criterionId, weight: 2, suggestion: '健全行政执法案卷评查和整改机制。' },
    });
    const { id: otherFinding } = await h.call('research.finding.save', { year, finding: { evaluationId: second!.evaluation.id, text: '信访件办理超期。', criterionId, weight: 1, suggestion: '' } });

    // Into the bank of the meeting that hears the evaluation, source 调研发现, once.
    const made = await h.call('thread.toQuestion', { year, findingId });
    expect(made.meetingId).toBe(first!.evaluation.meetingId);
    expect((await h.refused('thread.toQuestion', { year, findingId })).message).toMatch(/已转为询问问题/);
    // Edits of the finding and of the question keep the link (an id, not text).
    await h.call('research.finding.save', { year, finding: { id: findingId, evaluationId: which.evaluationId, text: '行政执法案卷评查合格率仅为82%，低于全市平均。', criterionId, weight: 3, suggestion: '健全行政执法案卷评查和整改机制。' } });
    await h.call('questions.update', { meetingId: made.meetingId, questionId: made.questionId, topic: '依法行政', text: '案卷评查合格率为何偏低？' });

    // Asked at the meeting (volunteered, with the bank question): the minutes name the finding.
    await consoleCall('live.open', { meetingId: made.meetingId, rehearsal: false });
    await consoleCall('live.attendanceAll', { status: 'present' });
    const live = await consoleCall<LiveConsoleState>('live.start');
    const itemIndex = live.agenda.find((a) => a.stages.includes('questioning') && a.evaluatees[0]?.id === first!.evaluation.evaluateeId)!.index;
    await consoleCall('live.goto', { itemIndex, stage: 'questioning' });
    let st = await consoleCall<QuestioningState>('questioning.state');
    expect(st.findings.map((f) => f.id)).toEqual([findingId]);
    await expect(consoleCall('questioning.finding', { recordId: 'qr_aaaaaaaaaa', findingId: otherFinding })).rejects.toThrow();
    st = await consoleCall<QuestioningState>('questioning.volunteer', { memberId: st.present.find((m) => m.role === '委员')!.id, questionId: made.questionId });
    expect(st.current!.findingId).toBe(findingId);
    // Naming another evaluation's finding on the minutes is refused, naming the field.
    await expect(consoleCall('questioning.finding', { recordId: st.current!.id, findingId: otherFinding })).rejects.toThrow(/针对的调研问题不属于本被评议对象的评议/);
    await consoleCall('questioning.notes', { recordId: st.current!.id, notes: '答复：将开展专项评查。' });
    await consoleCall('questioning.next');

    // Into the opinion draft: 存在的问题 and, from its suggestion, 意见和建议.
    await announceVote(h, year, which.evaluationId);
    h.setToday('2026-11-01');
    await h.call('opinions.create', which);
    const put = await h.call('thread.toOpinion', { year, findingId });
    expect((await h.refused('thread.toOpinion', { year, findingId })).message).toMatch(/已写入评议意见草稿/);
    let detail = await h.call('opinions.get', which);
    let content = detail.record!.versions.at(-1)!.content as OpinionContent;
    expect(content.sections.problems.at(-1)).toMatchObject({ text: '行政执法案卷评查合格率仅为82%，低于全市平均。', findingId });
    const linked = content.sections.suggestions.at(-1)!;
    expect(linked).toMatchObject({ text: '健全行政执法案卷评查和整改机制。', findingId });

    // The office edits the draft: its own items first, the linked item's text reworded — the link stays.
    const base = contentWithItems(first!.name, ['加强队伍建设', '完善制度']);
    content = {
      ...base,
      sections: { ...base.sections, problems: [...base.sections.problems, content.sections.problems.at(-1)!], suggestions: [...base.sections.suggestions, { ...linked, text: '进一步健全行政执法案卷评查和整改机制。' }] },
    };
    // A paragraph naming another evaluation's finding is refused, naming the section and the field.
    const foreign = { ...content, sections: { ...content.sections, problems: [...content.sections.problems, { level: 2 as const, text: '信访件办理超期。', findingId: otherFinding }] } };
    expect((await h.refused('opinions.saveDraft', { ...which, versionNo: put.versionNo, content: foreign })).message).toMatch(/“存在的问题”第\d+段的关联调研问题属于另一名被评议对象的评议/);
    await h.call('opinions.saveDraft', { ...which, versionNo: put.versionNo, content });
    await h.call('opinions.approve', { ...which, versionNo: put.versionNo, council: { date: '2026-11-05', sitting: 12 } });
    detail = await h.call('opinions.get', which);
    await h.call('opinions.issue', { ...which, versionNo: put.versionNo, issue: { docNumber: `${detail.doc.docPrefix}〔2026〕41号`, issueDate: '2026-11-06' } });
    await h.call('opinions.deliver', { ...which, versionNo: put.versionNo, delivery: { date: '2026-11-08', receivedBy: '办公室王干事' } });

    // The ledger entry of item 3 (the linked one) gets its 回头看 verdict.
    h.setToday('2027-05-20');
    await h.call('loop.ledger.save', { ...which, itemNo: 3, entry: { measures: '开展专项评查', responsible: '法制股', dueDate: null, status: 'done', verdict: 'fullyRectified', progress: [] } });

    const trace = await h.call('thread.trace', which);
    const thread = trace.findings.find((f) => f.findingId === findingId)!;
    expect(thread.questions).toEqual([expect.objectContaining({ questionId: made.questionId, text: '案卷评查合格率为何偏低？', status: 'asked' })]);
    expect(thread.minutes).toEqual([expect.objectContaining({ origin: 'volunteer', notes: '答复：将开展专项评查。' })]);
    expect(thread.items).toEqual([
      expect.objectContaining({ no: 3, label: '（三）', text: '进一步健全行政执法案卷评查和整改机制。', ledger: expect.objectContaining({ verdict: 'fullyRectified', verdictLabel: '整改到位' }) }),
    ]);
    // And back: the item (and so its ledger entry) names the finding.
    expect(trace.items.map((i) => [i.no, i.findingIds])).toEqual([
      [1, []],
      [2, []],
      [3, [findingId]],
    ]);

    // Deleting the finding is refused while the issued opinion uses it; nothing is written.
    const refusal = await h.refused('research.finding.remove', { year, findingId });
    expect(refusal.message).toMatch(/已写入已印发的评议意见（.*〔2026〕41号，意见和建议第3项），不能删除/);
    expect((await storedYear(h, year)).research!.findings.some((f) => f.id === findingId)).toBe(true);
  });

  it('a finding used only by a draft may be deleted: the draft keeps the text and loses the link', async () => {
    h = await openHarness('2026-11-01');
    const year = 2026;
    const core = await h.services.store.read<CoreData>('core');
    const [first] = await heardEvaluations(year);
    const which = { year, evaluationId: first!.evaluation.id };
    const { id: findingId } = await h.call('research.finding.save', { year, finding: { evaluationId: which.evaluationId, text: '窗口服务效率不高。', criterionId: core.criteria[1]!.id, weight: 1, suggestion: '' } });
    await announceVote(h, year, which.evaluationId);
    await h.call('opinions.create', which);
    await h.call('thread.toOpinion', { year, findingId });
    await h.call('research.finding.remove', { year, findingId });
    const stored = await h.services.store.read<YearData>(yearKey(year));
    const problems = stored.opinions!.records.find((r) => r.evaluationId === which.evaluationId)!.versions.at(-1)!.content.sections.problems;
    expect(problems.at(-1)).toEqual({ level: 2, text: '窗口服务效率不高。' });
    expect((await h.refused('thread.toQuestion', { year, findingId })).message).toMatch(/找不到该调研问题/);
  });
});
