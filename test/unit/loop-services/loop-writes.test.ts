import { afterEach, describe, expect, it } from 'vitest';
import { announceVote, issueOpinion, laterVote, openHarness, storedYear, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function deliveredCase(opts: { failing?: boolean } = {}) {
  h = await openHarness();
  const rows = (await h.call('opinions.list', { year: 2026 })).rows;
  const row = rows[0]!;
  const which = { year: 2026, evaluationId: row.evaluationId };
  await announceVote(h, 2026, row.evaluationId, { failing: opts.failing ?? false });
  await issueOpinion(h, which, ['加强队伍建设', '完善制度', '提升服务']);
  const meetingId = (await h.call('meetings.list', {}))[0]!.id;
  return { h, row, which, meetingId };
}

const edit = { measures: '制定培训计划', responsible: '张副局长', dueDate: '2027-03-31', status: 'inProgress' as const, verdict: null, progress: [{ date: '2026-12-01', text: '已召开专题会议' }] };

describe('ledger', () => {
  it('saves an entry of an issued item and refuses an item the opinion does not have', async () => {
    const { h, which } = await deliveredCase();
    const saved = await h.call('loop.ledger.save', { ...which, itemNo: 2, entry: edit });
    expect(saved.ledger[1]).toMatchObject({ itemNo: 2, measures: '制定培训计划', status: 'inProgress', progress: [{ date: '2026-12-01', text: '已召开专题会议' }] });
    expect(saved.ledger[1]!.itemText.startsWith('完善制度')).toBe(true);
    expect(saved.itemsDone).toBe(0);
    await h.call('loop.ledger.save', { ...which, itemNo: 1, entry: { ...edit, status: 'done' } });
    expect((await h.call('loop.case', which)).itemsDone).toBe(1);

    const before = JSON.stringify(await storedYear(h, 2026));
    expect(await h.refused('loop.ledger.save', { ...which, itemNo: 4, entry: edit })).toMatchObject({ code: 'invalid_args', message: '评议意见中没有第4项（共3项）' });
    expect(await h.refused('loop.ledger.save', { ...which, itemNo: 1, entry: { ...edit, status: 'finished' as never } })).toMatchObject({ code: 'invalid_args' });
    expect(JSON.stringify(await storedYear(h, 2026))).toBe(before);
  });

  it('has no ledger before the opinion is issued', async () => {
    h = await openHarness();
    const row = (await h.call('opinions.list', { year: 2026 })).rows[1]!;
    expect(await h.refused('loop.ledger.save', { year: 2026, evaluationId: row.evaluationId, itemNo: 1, entry: edit })).toMatchObject({ code: 'conflict' });
  });
});

describe('plan and report received', () => {
  it('records them after delivery and refuses a report dated or received before it', async () => {
    const { h, which, meetingId } = await deliveredCase();
    const early = await h.refused('loop.report.save', { ...which, report: { receivedOn: '2026-11-07', reportDate: null, docNumber: '', meetingId: null } });
    expect(early).toMatchObject({ code: 'invalid_args' });
    expect(early.message).toContain('早于评议意见送达日期（2026年11月8日）');
    const dated = await h.refused('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: '2026-11-01', docNumber: '', meetingId: null } });
    expect(dated.message).toContain('报告成文日期（2026年11月1日）早于评议意见送达日期');
    expect((await h.refused('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: '2026-11-21', docNumber: '', meetingId: null } })).message).toContain('晚于收到日期');
    expect((await h.refused('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: 'mt_zzzzzzzzzz' } })).message).toContain('不存在');
    expect((await h.refused('loop.report.save', { ...which, report: { evaluationId: 'ev_zzzzzzzzzz', receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: null } })).message).toContain('不一致');
    expect((await h.call('loop.case', which)).report).toBeNull();

    const c = await h.call('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: '2026-11-18', docNumber: 'X政发〔2026〕3号', meetingId } });
    expect(c.report).toMatchObject({ receivedOn: '2026-11-20', docNumber: 'X政发〔2026〕3号', meetingId, file: null });
    expect(c.state.stage).toBe('follow-up');
    expect(c.deadlines).toEqual([]);
    expect((await h.call('loop.report.remove', which)).state.stage).toBe('rectification');
    expect(await h.refused('loop.report.remove', which)).toMatchObject({ code: 'not_found' });

    expect((await h.refused('loop.plan.save', { ...which, plan: { receivedOn: '2026-11-01', docNumber: '' } })).message).toContain('整改方案应在送达之后');
    expect((await h.call('loop.plan.save', { ...which, plan: { receivedOn: '2026-11-15', docNumber: 'X政〔2026〕9号' } })).plan).toMatchObject({ receivedOn: '2026-11-15' });
    expect((await h.call('loop.plan.remove', which)).plan).toBeNull();
  });

  it('refuses a report before the opinion was delivered', async () => {
    h = await openHarness();
    const row = (await h.call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await announceVote(h, 2026, row.evaluationId);
    await issueOpinion(h, which, ['一'], { deliveredOn: null });
    expect(await h.refused('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: null } })).toMatchObject({
      code: 'conflict',
      message: '评议意见尚未送达，不能登记整改情况报告',
    });
  });
});

describe('回头看', () => {
  it('writes the verdicts to the ledger and refuses an item of another opinion', async () => {
    const { h, which } = await deliveredCase();
    const c = await h.call('loop.case', which);
    const opinionId = c.opinion!.id;
    const followUp = {
      groupName: '回头看调研组',
      group: [],
      startDate: '2027-04-01',
      endDate: '2027-04-03',
      activities: [{ date: '2027-04-01', activity: '实地察看', place: '' }],
      checks: [
        { opinionId, itemNo: 1, checked: '已整改', verdict: 'fullyRectified' as const },
        { opinionId, itemNo: 3, checked: '部分整改', verdict: 'mostlyRectified' as const },
      ],
      summary: '',
    };
    const saved = await h.call('loop.followUp.save', { ...which, followUp });
    expect(saved.ledger.map((e) => e.verdict)).toEqual(['fullyRectified', null, 'mostlyRectified']);
    expect(saved.followUp).toMatchObject({ groupName: '回头看调研组', evaluationId: which.evaluationId });
    expect(saved.summary.byVerdict).toMatchObject({ fullyRectified: 1, mostlyRectified: 1, none: 1 });

    const other = await h.refused('loop.followUp.save', { ...which, followUp: { ...followUp, checks: [{ opinionId: 'op_zzzzzzzzzz', itemNo: 1, checked: '', verdict: 'notRectified' }] } });
    expect(other).toMatchObject({ code: 'invalid_args', message: '第1项不是本评议的评议意见中的条目，不能在此评价' });
    expect((await h.refused('loop.followUp.save', { ...which, followUp: { ...followUp, checks: [{ opinionId, itemNo: 9, checked: '', verdict: 'notRectified' }] } })).message).toBe('评议意见中没有第9项（共3项）');
    expect((await h.refused('loop.followUp.save', { ...which, followUp: { ...followUp, startDate: '2026-11-01' } })).message).toContain('回头看应在送达之后');
    expect((await h.refused('loop.followUp.save', { ...which, followUp: { ...followUp, endDate: '2027-03-01' } })).message).toContain('结束日期不能早于开始日期');
    // Nothing half-written: the ledger keeps the verdicts of the saved record.
    expect((await h.call('loop.case', which)).ledger.map((e) => e.verdict)).toEqual(['fullyRectified', null, 'mostlyRectified']);

    // A check withdrawn from the record withdraws its verdict from the ledger.
    const again = await h.call('loop.followUp.save', { ...which, followUp: { ...followUp, checks: [followUp.checks[0]!] } });
    expect(again.ledger.map((e) => e.verdict)).toEqual(['fullyRectified', null, null]);
  });
});

describe('escalation', () => {
  async function escalatedCase() {
    const c = await deliveredCase({ failing: true });
    await laterVote(c.h, 2026, c.which.evaluationId, 'reReport', { failing: true, announcedAt: '2027-02-20T08:00:00.000Z', meetingId: c.meetingId });
    const members = (await c.h.call('members.list', {})).filter((m) => m.active);
    return { ...c, members };
  }
  const ref = (m: { id: string; name: string }) => ({ memberId: m.id, name: m.name });

  it('records a 质询案 with 3 proposers, its answer and the verdict; refuses fewer or non-members', async () => {
    const { h, which, members, meetingId } = await escalatedCase();
    expect((await h.call('loop.case', which)).state.stage).toBe('escalated');
    const step = {
      kind: 'interpellation' as const,
      proposedOn: '2027-03-01',
      proposers: members.slice(0, 3).map(ref),
      object: '县教育局',
      questions: '整改为何不到位',
      reasons: '整改情况测评仍不满意',
      decision: { date: '2027-03-05', mode: 'meeting' as const, meetingId },
      answers: [],
    };
    const two = await h.refused('loop.escalation.save', { ...which, step: { ...step, proposers: members.slice(0, 2).map(ref) } });
    expect(two).toMatchObject({ code: 'invalid_args' });
    expect(two.message).toContain('质询案应由常委会组成人员3人以上联名书面提出，现有提案人2人');
    const stranger = await h.refused('loop.escalation.save', { ...which, step: { ...step, proposers: [...members.slice(0, 2).map(ref), { name: '路人甲' }] } });
    expect(stranger.message).toContain('路人甲不是本级人大常委会组成人员');
    expect((await h.call('loop.case', which)).escalation).toEqual([]);

    // A member who left stays on record but does not count: 2 active + 1 former is below 3.
    const former = members[3]!;
    await h.call('members.update', { member: { ...former, active: false } });
    const left = await h.refused('loop.escalation.save', { ...which, step: { ...step, proposers: [...members.slice(0, 2), former].map(ref) } });
    expect(left.message).toContain(`${former.name}已不在任，不能作为质询案提案人`);
    expect(left.message).toContain('现有提案人2人');

    const saved = await h.call('loop.escalation.save', { ...which, step });
    expect(saved.escalation).toHaveLength(1);
    const id = saved.escalation[0]!.id;
    expect(id).toMatch(/^es_/);
    expect(saved.state.stage).toBe('escalated');
    const answered = await h.call('loop.escalation.save', {
      ...which,
      step: { ...step, id, answers: [{ mode: 'meeting', date: '2027-03-20', meetingId, answeredBy: '县教育局局长', text: '答复', notSatisfied: [members[0]!.id], verdictDate: '2027-03-21' }] },
    });
    expect(answered.escalation).toHaveLength(1);
    expect(answered.escalation[0]).toMatchObject({ id, kind: 'interpellation', answers: [expect.objectContaining({ answeredBy: '县教育局局长' })] });
    // A second answer needs more than half of the proposers not satisfied with the first.
    const second = await h.refused('loop.escalation.save', {
      ...which,
      step: {
        ...step,
        id,
        answers: [
          { mode: 'meeting', date: '2027-03-20', meetingId, answeredBy: '局长', text: '', notSatisfied: [members[0]!.id], verdictDate: null },
          { mode: 'written', date: '2027-04-20', meetingId: null, answeredBy: '局长', text: '', notSatisfied: [], verdictDate: null },
        ],
      },
    });
    expect(second.message).toContain('提案人过半数对答复不满意的，才能要求再作答复');
    expect(await h.refused('loop.escalation.save', { ...which, step: { ...step, id: 'es_zzzzzzzzzz' } })).toMatchObject({ code: 'not_found' });
    expect((await h.refused('loop.escalation.save', { ...which, step: { kind: 'decision', id, date: '2027-05-01', meetingId, text: '决定' } })).message).toContain('不能把');

    // The Standing Committee's decision closes the case; removing it opens it again.
    const decided = await h.call('loop.escalation.save', { ...which, step: { kind: 'decision', date: '2027-05-01', meetingId, text: '责成县教育局限期整改' } });
    expect(decided.state).toMatchObject({ stage: 'closed', closedBy: 'decision' });
    const decisionId = decided.escalation.find((s) => s.kind === 'decision')!.id;
    expect((await h.call('loop.escalation.remove', { ...which, stepId: decisionId })).state.stage).toBe('escalated');
    expect(await h.refused('loop.escalation.remove', { ...which, stepId: decisionId })).toMatchObject({ code: 'not_found' });
  });

  it('checks the one-fifth threshold of an investigation against active members', async () => {
    const { h, which, members } = await escalatedCase();
    const need = Math.ceil(members.length / 5);
    const step = { kind: 'investigation' as const, proposedBy: 'members' as const, proposedOn: '2027-03-01', proposers: members.slice(0, need - 1).map(ref), proposal: '组织调查', committee: [], report: null, resolution: null };
    const few = await h.refused('loop.escalation.save', { ...which, step });
    expect(few.message).toContain(`现有在任组成人员${members.length}人，至少${need}人`);
    expect((await h.call('loop.escalation.save', { ...which, step: { ...step, proposers: members.slice(0, need).map(ref) } })).escalation).toHaveLength(1);
    expect((await h.call('loop.escalation.save', { ...which, step: { ...step, proposedBy: 'council', proposers: [] } })).escalation).toHaveLength(2);
    expect((await h.call('loop.case', which)).thresholds).toEqual({ activeMembers: members.length, interpellationMin: 3, investigationMin: need });
  });

  it('asks for confirmation before recording a step on a case that is not escalated', async () => {
    const { h, which, meetingId } = await deliveredCase();
    const step = { kind: 'inquiry' as const, meetingId, date: '2027-01-10', askedBy: [{ name: '王委员' }], question: '整改进度如何', answeredBy: '', answer: '' };
    expect(await h.refused('loop.escalation.save', { ...which, step })).toMatchObject({ code: 'needs_confirmation' });
    expect((await h.call('loop.case', which)).escalation).toEqual([]);
    const saved = await h.call('loop.escalation.save', { ...which, step, confirm: true });
    expect(saved.escalation).toEqual([expect.objectContaining({ kind: 'inquiry', question: '整改进度如何', documents: [] })]);
    expect(saved.state.stage).toBe('rectification');
    expect((await h.refused('loop.escalation.save', { ...which, step: { ...step, date: '2026-11-01' }, confirm: true })).message).toContain('早于评议意见送达日期');
  });
});

describe('office close, reopen and results use', () => {
  it('closes with a reason, reopens, and refuses a second close of a closed case', async () => {
    const { h, which } = await deliveredCase();
    const closed = await h.call('loop.close', { ...which, closure: { evaluationId: which.evaluationId, date: '2026-11-20', reason: '被评议对象已调离原岗位' } });
    expect(closed.state).toMatchObject({ stage: 'closed', closedBy: 'office' });
    expect(closed.deadlines).toEqual([]);
    // The demo's earlier years have an overdue case of their own: only this case's deadlines are asserted.
    expect((await h.call('loop.overview', {})).due.filter((d) => d.evaluationId === which.evaluationId)).toEqual([]);
    expect((await h.refused('loop.close', { ...which, closure: { evaluationId: which.evaluationId, date: '2026-12-20', reason: '理由' } })).message).toContain('不能晚于今天');
    expect((await h.refused('loop.close', { ...which, closure: { evaluationId: which.evaluationId, date: '2026-11-20', reason: ' ' } })).code).toBe('invalid_args');
    const reopened = await h.call('loop.reopen', { ...which, reason: '误操作' });
    expect(reopened.state.stage).toBe('rectification');
    expect(reopened.closure).toBeNull();
    expect(await h.refused('loop.reopen', { ...which, reason: '' })).toMatchObject({ code: 'conflict' });
  });

  it('keeps the register of what was sent where', async () => {
    const { h, which, meetingId } = await deliveredCase();
    const saved = await h.call('loop.resultUse.save', { ...which, entry: { kind: 'opinion', recipient: '县委组织部', date: '2026-11-10', how: 'confidential', docNumber: '', note: '', meetingId: null } });
    expect(saved.resultUses).toEqual([expect.objectContaining({ recipient: '县委组织部', evaluationId: which.evaluationId })]);
    const id = saved.resultUses[0]!.id;
    const edited = await h.call('loop.resultUse.save', { ...which, entry: { id, kind: 'bulletin', recipient: '全县', date: '2026-11-01', how: 'electronic', docNumber: 'X人常〔2026〕3号', note: '', meetingId } });
    expect(edited.resultUses).toEqual([expect.objectContaining({ id, kind: 'bulletin', meetingId })]);
    expect((await h.refused('loop.resultUse.save', { ...which, entry: { kind: 'opinion', recipient: '县委', date: '2026-12-30', how: 'post', docNumber: '', note: '', meetingId: null } })).message).toContain('不能晚于今天');
    expect((await h.call('loop.resultUse.remove', { ...which, id })).resultUses).toEqual([]);
    expect(await h.refused('loop.resultUse.remove', { ...which, id })).toMatchObject({ code: 'not_found' });
  });
});

describe('more refusals', () => {
  it('names what is missing or already done', async () => {
    const { h, which, meetingId } = await deliveredCase();
    expect(await h.refused('loop.plan.remove', which)).toMatchObject({ code: 'not_found', message: '该评议没有整改方案登记。' });
    expect((await h.refused('loop.plan.save', { ...which, plan: { receivedOn: '2026-12-01', docNumber: '' } })).message).toContain('不能晚于今天');
    expect((await h.refused('loop.resultUse.save', { ...which, entry: { kind: 'opinion', recipient: '县委', date: '2026-11-10', how: 'post', docNumber: '', note: '', meetingId: 'mt_zzzzzzzzzz' } })).message).toBe('会议不存在，可能已被删除');
    expect(await h.refused('loop.resultUse.save', { ...which, entry: { id: 'ru_zzzzzzzzzz', kind: 'opinion', recipient: '县委', date: '2026-11-10', how: 'post', docNumber: '', note: '', meetingId: null } })).toMatchObject({ code: 'not_found' });
    expect(await h.refused('loop.escalation.remove', { ...which, stepId: 'es_zzzzzzzzzz' })).toMatchObject({ code: 'not_found' });

    // Closed by its records (report received, 满意度测评 passed): the office has nothing to close.
    await h.call('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: null } });
    await laterVote(h, 2026, which.evaluationId, 'followUp', { failing: false, announcedAt: '2026-11-26T08:00:00.000Z', meetingId });
    expect((await h.call('loop.case', which)).state).toMatchObject({ stage: 'closed', closedBy: 'followUpVote' });
    expect(await h.refused('loop.close', { ...which, closure: { evaluationId: which.evaluationId, date: '2026-11-27', reason: '办结' } })).toMatchObject({
      code: 'conflict',
      message: '该评议已办结（回头看后测评通过），无需再由办公室办结。',
    });
    // Unknown evaluation or year: nothing is written.
    expect(await h.refused('loop.report.save', { year: 2026, evaluationId: 'ev_zzzzzzzzzz', report: { receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: null } })).toMatchObject({ code: 'not_found' });
    expect(await h.refused('loop.close', { year: 2031, evaluationId: which.evaluationId, closure: { evaluationId: which.evaluationId, date: '2026-11-27', reason: '办结' } })).toMatchObject({ code: 'not_found' });
  });

  it('refuses malformed arguments before any handler runs', async () => {
    const { h, which } = await deliveredCase();
    expect(await h.refused('loop.ledger.save', { ...which, itemNo: 0, entry: edit })).toMatchObject({ code: 'invalid_args' });
    expect(await h.refused('loop.escalation.save', { ...which, step: { kind: 'impeachment' } as never })).toMatchObject({ code: 'invalid_args' });
    expect(await h.refused('loop.resultUse.save', { ...which, entry: { kind: 'opinion', recipient: '', date: '2026-11-10', how: 'post', docNumber: '', note: '', meetingId: null } })).toMatchObject({ code: 'invalid_args' });
    expect(await h.refused('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 1 }, uploadId: '../etc/passwd' })).toMatchObject({ code: 'invalid_args', message: expect.stringContaining('上传编号无效') });
  });
});
