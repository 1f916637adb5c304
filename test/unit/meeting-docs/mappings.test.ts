import type { QuestionRecord } from '../../../shared/domain/questioning';
import { describe, expect, it } from 'vitest';
import { announcementInput } from '../../../electron/services/meeting-docs/announcement-input';
import { buildMinutesDocument } from '../../../electron/services/documents';
import { durationText, minutesInput, receiptInput, timingOf, researchInput, researchParagraph, signInInput } from '../../../electron/services/meeting-docs/paper-inputs';
import { ballotInput, countReportInput, defaultSheets, publishedRounds } from '../../../electron/services/meeting-docs/round-docs';
import { researchContentSchema } from '../../../shared/domain/research';
import { researchActivitySchema, researchGroupSchema } from '../../../shared/domain/research-records';
import { DEPUTY_ROWS, MEMBER_ROWS, announcedRound } from './support';

/** The store → generator-input mappings, on rounds built through the vote service's handlers. */

describe('vote rounds as document inputs', () => {
  it('the count report of each group carries the stored round’s figures, in sheet order', async () => {
    const { core, data, round, item } = await announcedRound({ deputies: true });
    const members = countReportInput(core, data, round, 'members');
    expect(members).toMatchObject({ meetingName: data.meeting.name, roundLabel: `${item.title}第一轮`, date: data.meeting.date, entitled: 30, present: 30, issued: 30, returned: 30 });
    expect(members.groupLabel).toBeUndefined();
    expect(members.tellers).toEqual(['甲计票', '丙计票']);
    expect(members.scrutineers).toEqual(['乙监票']);
    expect(members.rows.map((r) => r.name)).toEqual(item.evaluatees.map((e) => e.name));
    expect(members.rows.map((r) => r.position)).toEqual(item.evaluatees.map((e) => `${e.unitName}${e.position}`));
    expect(members.rows.map(({ satisfied, basic, unsatisfied, blank, invalid }) => ({ satisfied, basic, unsatisfied, blank, invalid }))).toEqual(MEMBER_ROWS);
    // 有效票 under the default policy (blank invalid): the three grades only.
    expect(members.rows.map((r) => r.valid)).toEqual([30, 30, 30, 28, 30]);
    const deputies = countReportInput(core, data, round, 'deputies');
    expect(deputies).toMatchObject({ groupLabel: '列席代表', entitled: 6, present: 6, issued: 6, returned: 6 });
    expect(deputies.rows.map(({ satisfied, basic, unsatisfied, blank, invalid }) => ({ satisfied, basic, unsatisfied, blank, invalid }))).toEqual(DEPUTY_ROWS);
  });

  it('the 通报 quotes the round as stored: members first, the group counted apart beside them, grades and rates from the result', async () => {
    const { core, data, round, item } = await announcedRound({ deputies: true });
    const input = announcementInput({ core, data, rounds: [round], wholeMeeting: false, docNumber: 'X人常〔2026〕9号', date: '2026-10-30' });
    const stored = round.result!;
    expect(input.ruleText).toBe(stored.rule.text);
    expect(input.title).toBe(`关于${item.title}结果的通报`);
    expect(input.rounds).toHaveLength(1);
    const [members, deputies] = input.rounds[0]!.groups;
    expect(members).toMatchObject({ label: '常委会组成人员', binding: true, entitled: 30, present: 30, issued: 30, returned: 30 });
    expect(deputies).toMatchObject({ label: '列席代表', binding: false, entitled: 6, present: 6 });
    const binding = stored.groups.find((g) => g.binding)!;
    expect(members!.rows.map((r) => [r.outcome, r.rateText, r.valid])).toEqual(binding.results.map((r) => [r.outcome, r.rateText, r.valid]));
    expect(members!.rows.map((r) => r.outcome)).toEqual(['满意', '基本满意', '不满意', '满意', '基本满意']);
    expect(input.rounds[0]!.tellers).toEqual(['甲计票', '丙计票']);
    expect(input.signature).toEqual({ organ: core.settings.organisation.fullName, date: '2026-10-30', sealed: true });
    // The settings' copy-to list, then each unit of the evaluatees once.
    const units = [...new Set(round.evaluateeIds.map((id) => core.units.find((u) => u.id === core.evaluatees.find((e) => e.id === id)!.unitId)!.name))];
    expect(input.imprint.copyTo).toEqual([...core.settings.organisation.copyTo, ...units.filter((u) => !core.settings.organisation.copyTo.includes(u))]);
    expect(publishedRounds(data).map((r) => r.id)).toEqual([round.id]);
  });

  it('refuses a 通报 before announcement and a count report before the check, naming the state', async () => {
    const checked = await announcedRound({ announce: false });
    expect(() => announcementInput({ core: checked.core, data: checked.data, rounds: [checked.round], wholeMeeting: false, docNumber: 'X人常〔2026〕9号', date: '2026-10-30' })).toThrow(
      /已核对，结果公布后才能印发通报/,
    );
    expect(countReportInput(checked.core, checked.data, checked.round, 'members').rows).toHaveLength(5);
    expect(publishedRounds(checked.data)).toEqual([]);
  });

  it('ballots list the round’s evaluatees; the default is the roster plus two spare; a group counted apart is titled apart', async () => {
    const { core, data, round, item } = await announcedRound({ deputies: true });
    const active = core.members.filter((m) => m.active).length;
    expect(defaultSheets(core, data, round, 'members')).toBe(active + 2);
    expect(defaultSheets(core, data, round, 'deputies')).toBe(6 + 2);
    const members = ballotInput(core, data, round, 'members', 32);
    expect(members).toMatchObject({ meetingName: data.meeting.name, sheets: 32 });
    expect(members.groupLabel).toBeUndefined();
    expect(members.evaluatees.map((e) => e.name)).toEqual(item.evaluatees.map((e) => e.name));
    expect(ballotInput(core, data, round, 'deputies', 8).groupLabel).toBe('列席代表');
  });
});

describe('meeting papers as document inputs', () => {
  it('the sign-in sheet lists the active members in roster order', async () => {
    const { core, data } = await announcedRound({ announce: false });
    const input = signInInput(core, data);
    const roster = core.members.filter((m) => m.active).sort((a, b) => a.rosterOrder - b.rosterOrder);
    expect(input.members.map((m) => m.name)).toEqual(roster.map((m) => m.name));
    expect(input.members.map((m) => m.post)).toEqual(roster.map((m) => m.role));
    expect(input).toMatchObject({ meetingName: data.meeting.name, date: data.meeting.date });
  });

  it('the minutes hold each question asked, who asked it and the notes; cancelled draws are left out', async () => {
    const stored = await announcedRound({ announce: false });
    const { core } = stored;
    const data = structuredClone(stored.data);
    const [first, second] = data.meeting.agenda.filter((a) => a.kind === 'report');
    const base = { drawId: 'd1', answerTimer: idle, followUpTimer: idle, activeTimer: null, settleAt: 0, topic: '', questionText: '', notes: '' };
    data.questioning.records = [
      { ...base, id: 'qr_aaaaaaaaaa', evaluateeId: first!.kind === 'report' ? first!.evaluateeId : '', memberId: core.members[0]!.id, memberName: '周明', memberRole: '委员', questionText: '师资如何均衡？', notes: '答：三年内轮岗。', status: 'done', drawnAt: '2026-10-28T02:00:00.000Z' },
      { ...base, id: 'qr_bbbbbbbbbb', evaluateeId: first!.kind === 'report' ? first!.evaluateeId : '', memberId: core.members[1]!.id, memberName: '吴刚', memberRole: '副主任', status: 'cancelled', drawnAt: '2026-10-28T02:05:00.000Z' },
      { ...base, id: 'qr_cccccccccc', evaluateeId: second!.kind === 'report' ? second!.evaluateeId : '', memberId: core.members[2]!.id, memberName: '郑华', memberRole: '委员', topic: '校园安全', notes: '', status: 'done', drawnAt: '2026-10-28T02:10:00.000Z' },
    ];
    const input = minutesInput(core, data);
    const firstPerson = input.evaluatees[0]!;
    expect(firstPerson.questions).toEqual([{ askedBy: '周明委员', question: '师资如何均衡？', answer: '答：三年内轮岗。' }]);
    expect(input.evaluatees[1]!.questions).toEqual([{ askedBy: '郑华委员', question: '校园安全', answer: '（未记录）' }]);
    expect(input.evaluatees.map((e) => e.name)).not.toContain('（已删除）');
    // 主持人 and 记录人 from the meeting (the demo's: its 主任 and an office clerk); none when unset.
    const chair = core.members.find((m) => m.id === data.meeting.presidingMemberId)!;
    expect(input).toMatchObject({ chair: `${chair.name}主任`, recorder: data.meeting.recorder });
    const unset = minutesInput(core, { ...data, meeting: { ...data.meeting, presidingMemberId: null, recorder: ' ' } });
    expect(unset.chair).toBeUndefined();
    expect(unset.recorder).toBeUndefined();
    // Where one member volunteered, every question says how its questioner came to ask.
    data.questioning.records[2] = { ...data.questioning.records[2]!, origin: 'volunteer' };
    const mixed = minutesInput(core, data);
    expect(mixed.evaluatees[0]!.questions[0]!.origin).toBe('随机抽取');
    expect(mixed.evaluatees[1]!.questions[0]!.origin).toBe('自由提问');
    const texts = buildMinutesDocument(mixed).body.map((b) => ('text' in b ? b.text : ''));
    expect(texts).toContain('（一）郑华委员提问（自由提问）');
    expect(texts).toContain('（一）周明委员提问（随机抽取）');
  });

  it('the minutes print how long the answer and the follow-up took, from the console’s timers', () => {
    const stopped = (ms: number) => ({ durationMs: 180_000, elapsedBeforeMs: ms, runningSince: null, started: true });
    const rec = (over: Partial<QuestionRecord>) => ({ answerTimer: idle, followUpTimer: idle, finishedAt: '2026-10-28T02:10:00.000Z', ...over }) as QuestionRecord;
    expect(durationText(190_400)).toBe('3分10秒');
    expect(durationText(120_000)).toBe('2分');
    expect(durationText(45_000)).toBe('45秒');
    expect(timingOf(rec({ answerTimer: stopped(190_000), followUpTimer: stopped(60_000) }))).toEqual({ timing: '答复3分10秒，追问1分' });
    // Still running when the question was finished: counted up to that moment.
    const finished = Date.parse('2026-10-28T02:10:00.000Z');
    expect(timingOf(rec({ answerTimer: { durationMs: 180_000, elapsedBeforeMs: 30_000, runningSince: finished - 15_000, started: true } }))).toEqual({ timing: '答复45秒' });
    expect(timingOf(rec({}))).toEqual({});
  });

  it('a research paragraph typed as （一） or 1. is printed as that heading level', () => {
    expect(researchParagraph('（一）依法履职意识较强。')).toEqual({ level: 2, text: '（一）依法履职意识较强。' });
    expect(researchParagraph('1.服务意识有待增强。')).toEqual({ level: 3, text: '1.服务意识有待增强。' });
    expect(researchParagraph('1.5亿元专项资金到位。')).toEqual({ level: 0, text: '1.5亿元专项资金到位。' });
    expect(researchParagraph('（2）具体表现。')).toEqual({ level: 4, text: '（2）具体表现。' });
    expect(researchParagraph(' 该同志任职以来…… ')).toEqual({ level: 0, text: '该同志任职以来……' });
  });

  it('the research report takes its group and methods from the records and its sections as typed', async () => {
    const { core } = await announcedRound({ announce: false });
    const official = core.evaluatees.find((e) => e.category === '政府组成部门负责人')!;
    const content = researchContentSchema.parse({
      otherMethods: '召开座谈会2次；听取服务对象意见',
      sections: { basicSituation: ['基本情况。', ''], achievements: ['（一）成效一。'], problems: ['问题。'], suggestions: ['建议。'] },
    });
    const stamps = { createdAt: 'x', updatedAt: 'x' };
    const group = researchGroupSchema.parse({ id: 'rg_aaaaaaaaaa', evaluationIds: ['ev_aaaaaaaaaa'], members: [{ role: '组长', name: '周明', post: '县人大常委会副主任' }], from: '2026-09-01', to: '2026-09-20', ...stamps });
    const activities = [
      researchActivitySchema.parse({ id: 'ra_aaaaaaaaaa', kind: 'interview', evaluationIds: ['ev_aaaaaaaaaa'], count: 12, ...stamps }),
      researchActivitySchema.parse({ id: 'ra_bbbbbbbbbb', kind: 'questionnaire', evaluationIds: ['ev_aaaaaaaaaa'], questionnaire: { issued: 50, returned: 48 }, ...stamps }),
    ];
    const forOfficial = researchInput(core, official, content, { group, activities }, '2026-10-01');
    expect(forOfficial.methodPhrases).toEqual(['个别谈话12人次', '发放调查问卷50份、回收48份', '召开座谈会2次', '听取服务对象意见']);
    expect(forOfficial.basicSituation).toEqual([{ level: 0, text: '基本情况。' }]);
    expect(forOfficial.achievements).toEqual([{ level: 2, text: '（一）成效一。' }]);
    expect(forOfficial).toMatchObject({ title: `关于对${official.name}同志履职情况的调研报告`, period: { from: '2026-09-01', to: '2026-09-20' }, date: '2026-09-20' });
    expect(forOfficial.members).toEqual([{ role: '组长', name: '周明', post: '县人大常委会副主任' }]);
  });

  it('the delivery receipt names the document, its number and the recipient with unit and post', async () => {
    const { core } = await announcedRound({ announce: false });
    const person = core.evaluatees[0]!;
    const unit = core.units.find((u) => u.id === person.unitId)!.name;
    const version = {
      no: 1,
      createdAt: '',
      updatedAt: '',
      reason: '',
      content: { addressee: '', lead: [], sections: { basicEvaluation: [], problems: [], suggestions: [], rectification: [] } },
      council: { date: '2026-10-30', sitting: null },
      issue: { docNumber: 'X人常〔2026〕5号', issueDate: '2026-11-02' },
      delivery: null,
    };
    expect(receiptInput(core, person, version)).toEqual({
      organ: core.settings.organisation.fullName,
      documentTitle: `关于对${person.name}同志履职情况的评议意见`,
      docNumber: 'X人常〔2026〕5号',
      recipient: `${person.name}（${unit}${person.position}）`,
      issueDate: '2026-11-02',
    });
    const delivered = { ...version, delivery: { date: '2026-11-08', receivedBy: '办公室李干事' } };
    expect(receiptInput(core, person, delivered).note).toBe('已于2026年11月8日由办公室李干事签收');
  });
});

const idle = { durationMs: 0, elapsedBeforeMs: 0, runningSince: null, started: false };
