import { describe, expect, it } from 'vitest';
import type { MeetingDetail, PlanView } from '../../../shared/api/desk-types';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { VoteConsoleState } from '../../../shared/api/vote-types';
import type { Meeting } from '../../../shared/domain/meetings';
import type { YearData } from '../../../shared/domain/partitions';
import type { FileDelivery } from '../../../shared/api/file-types';
import { readDocx, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { announcedRound, type AnnouncedRound } from '../meeting-docs/support';
import { counts, latestRound } from '../vote-service/support';

/**
 * A later vote (满意度测评 after 回头看, 整改情况测评 after a failing re-report) of an evaluation
 * whose first vote was announced at an earlier meeting: added on the desk (its loop record written
 * into the ORIGINAL evaluation's year), counted with the same engine, its result kept on that record
 * through announce, amend and void — never on voteResult.
 */

type Call = AnnouncedRound['call'];

async function desk<T>(r: AnnouncedRound, name: string, args: unknown): Promise<T> {
  return r.call<T>(name, args, 'desk');
}

async function refusal(r: AnnouncedRound, name: string, args: unknown): Promise<{ code: string; message: string }> {
  const reply = await r.s.dispatch('desk', name, args);
  if (reply.ok) throw new Error(`${name} was not refused`);
  return reply.error;
}

async function year(r: AnnouncedRound, y = 2026): Promise<YearData> {
  return r.s.store.read<YearData>(`year/${y}`);
}

/** The first meeting's vote announced; a second meeting in December of the same year and term. */
async function twoMeetings() {
  const r = await announcedRound();
  const { evaluations } = await year(r);
  const onBallot = evaluations.filter((ev) => r.round.evaluateeIds.includes(ev.evaluateeId));
  const passing = onBallot.find((ev) => ev.voteResult && !ev.voteResult.failing)!;
  const failing = onBallot.find((ev) => ev.voteResult?.failing)!;
  expect(passing && failing).toBeTruthy();
  const first = r.data.meeting;
  const second = await desk<Meeting>(r, 'meetings.create', {
    meeting: { name: first.name.replace(/第[^第]+次会议$/u, '第二十五次会议'), session: first.session, sitting: first.sitting + 2, year: 2026, date: '2026-12-20' },
  });
  return { r, passing, failing, second };
}

const laterVote = (evaluateeId: string, evaluationId: string, voteKind: 'followUp' | 'reReport' = 'followUp', title = '满意度测评') => ({
  kind: 'vote',
  title,
  voteKind,
  evaluateeIds: [evaluateeId],
  evaluationIds: [evaluationId],
});

/** Opens the meeting on the console, everyone present, at its first vote; the round counted by totals and checked. */
async function countLater(call: Call, meetingId: string, rows: ReturnType<typeof counts>[]) {
  await call('live.end', { confirm: '结束会议' }).catch(() => undefined);
  let live = await call<{ agenda: { kind: string }[] }>('live.open', { meetingId, rehearsal: false });
  await call('live.attendanceAll', { status: 'present' });
  live = await call('live.start');
  await call('live.goto', { itemIndex: live.agenda.findIndex((a) => a.kind === 'vote'), stage: 'vote' });
  const state = await call<VoteConsoleState>('vote.state');
  const item = state.items[0]!;
  let st = await call('vote.prepare', { agendaItemId: item.agendaItemId });
  const id = latestRound(st).id;
  await call('vote.setTellers', { roundId: id, tellers: ['甲计票'], scrutineers: ['乙监票'] });
  await call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 30 }] });
  await call('vote.close', { roundId: id, groups: [{ groupId: 'members', returned: 30 }] });
  await call('vote.mode', { roundId: id, groupId: 'members', mode: 'totals' });
  await call('vote.totals', { roundId: id, groupId: 'members', counts: rows });
  st = await call('vote.check', { roundId: id });
  return { roundId: id, item, state: st };
}

function docText(r: AnnouncedRound, delivery: FileDelivery): string {
  return textOf(readDocx(takeDelivered(r.s, 'desk', delivery).bytes).document);
}

describe('later votes on the agenda', () => {
  it('a 满意度测评 before the report asks for a confirmation and a reason, then writes its record into the original year', async () => {
    const { r, passing, second } = await twoMeetings();
    const agenda = [laterVote(passing.evaluateeId, passing.id)];
    const asked = await refusal(r, 'meetings.setAgenda', { id: second.id, agenda });
    expect(asked.code).toBe('needs_confirmation');
    expect(asked.message).toContain('尚未收到整改情况报告');
    const noReason = await refusal(r, 'meetings.setAgenda', { id: second.id, agenda, confirm: true, earlyReason: '  ' });
    expect(noReason.message).toContain('提前测评应说明理由');
    expect((await year(r)).loop?.laterVotes ?? []).toEqual([]);

    const coverage = (await desk<PlanView>(r, 'plan.get', {})).counts;
    const saved = await desk<Meeting>(r, 'meetings.setAgenda', { id: second.id, agenda, confirm: true, earlyReason: '年底前须完成测评' });
    // Never coverage: the plan's figures are as they were.
    expect((await desk<PlanView>(r, 'plan.get', {})).counts).toEqual(coverage);
    // The evaluation stays in the plan (its first meeting and its later vote both hold it).
    expect((await refusal(r, 'plan.remove', { evaluationId: passing.id, year: 2026 })).code).toBe('conflict');
    const item = saved.agenda[0]!;
    const after = await year(r);
    expect(after.loop!.laterVotes).toEqual([
      { evaluationId: passing.id, kind: 'followUp', meetingId: second.id, agendaItemId: item.id, result: null, earlyReason: '年底前须完成测评' },
    ]);
    // The first evaluation stays with its meeting: no plan link, no coverage, no stage moves.
    const ev = after.evaluations.find((e) => e.id === passing.id)!;
    expect(ev.meetingId).toBe(passing.meetingId);
    expect(ev.stage).toBe(passing.stage);

    // Removed from the agenda before any round: the record goes too.
    await desk(r, 'meetings.setAgenda', { id: second.id, agenda: [] });
    expect((await year(r)).loop!.laterVotes).toEqual([]);
  });

  it('refuses what the records do not allow, in words', async () => {
    const { r, passing, failing, second } = await twoMeetings();
    const reReportOfPassing = await refusal(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(passing.evaluateeId, passing.id, 'reReport', '整改情况测评')] });
    expect(reReportOfPassing.message).toContain('不是不满意等次，无需再次报告');
    const followUpOfFailing = await refusal(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(failing.evaluateeId, failing.id)], confirm: true, earlyReason: '理由' });
    expect(followUpOfFailing.message).toContain('应安排再次报告和整改情况测评');
    const hearingWithoutReport = await refusal(r, 'meetings.setAgenda', {
      id: second.id,
      agenda: [{ kind: 'hearing', evaluateeId: passing.evaluateeId, evaluationId: passing.id, purpose: 'report', mode: 'report' }],
    });
    expect(hearingWithoutReport.message).toContain('尚未收到');
    const wrongPerson = await refusal(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(failing.evaluateeId, passing.id)] });
    expect(wrongPerson.message).toContain('所选评议不是');
    // At the meeting that held the first vote: refused.
    const same = await refusal(r, 'meetings.setAgenda', {
      id: r.meetingId,
      agenda: [...r.data.meeting.agenda, laterVote(passing.evaluateeId, passing.id)],
      confirm: true,
      earlyReason: '理由',
    });
    expect(same.message).toContain('在本次会议进行');

    // The failing one: the re-report heard and its 整改情况测评, neither needing a report item or a plan entry.
    const saved = await desk<Meeting>(r, 'meetings.setAgenda', {
      id: second.id,
      agenda: [
        { kind: 'hearing', evaluateeId: failing.evaluateeId, evaluationId: failing.id, purpose: 'reReport', mode: 'report' },
        laterVote(failing.evaluateeId, failing.id, 'reReport', '整改情况测评'),
      ],
    });
    expect(saved.agenda.map((a) => a.kind)).toEqual(['hearing', 'vote']);
    expect((await year(r)).loop!.laterVotes.map((v) => v.kind)).toEqual(['reReport']);
    // The desk suggests the re-report's meeting from the announcement + 3 months.
    const detail = await desk<MeetingDetail>(r, 'meetings.get', { id: second.id });
    const c = detail.later.find((x) => x.evaluationId === failing.id)!;
    expect(c.path).toBe('reReport');
    expect(c.suggestion).toContain('3个月后再次向常委会会议报告');
  });

  it('counts with the same engine; the result follows announce, amend and void on the loop record, never on voteResult', async () => {
    const { r, passing, second } = await twoMeetings();
    const saved = await desk<Meeting>(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(passing.evaluateeId, passing.id)], confirm: true, earlyReason: '回头看已完成' });
    const agendaItemId = saved.agenda[0]!.id;
    const before = (await year(r)).evaluations.find((e) => e.id === passing.id)!;

    const { roundId } = await countLater(r.call, second.id, [counts({ satisfied: 25, basic: 4, unsatisfied: 1 })]);
    const record = async () => (await year(r)).loop!.laterVotes.find((v) => v.agendaItemId === agendaItemId)!;
    expect((await record()).result).toBeNull();

    await r.call('vote.announce', { roundId });
    const announced = (await record()).result!;
    expect(announced).toMatchObject({ meetingId: second.id, agendaItemId, roundId, state: 'announced', counts: { satisfied: 25, basic: 4, unsatisfied: 1 }, failing: false });
    const hall = await r.call<HallView>('hall.view', {}, 'hall');
    expect(JSON.stringify(hall)).toContain('满意度测评');
    // The first vote's result and the stage are untouched.
    const ev = (await year(r)).evaluations.find((e) => e.id === passing.id)!;
    expect(ev.voteResult).toEqual(before.voteResult);
    expect(ev.stage).toBe(before.stage);

    await r.call('vote.amend', { roundId, groupId: 'members', counts: [counts({ satisfied: 24, basic: 5, unsatisfied: 1 })], reason: '计票人复核更正' });
    expect((await record()).result).toMatchObject({ state: 'amended', amendments: 1, counts: { satisfied: 24, basic: 5 } });

    await r.call('vote.void', { roundId, reason: '收回票数有误，重新测评' });
    expect((await record()).result).toBeNull();
    expect((await year(r)).evaluations.find((e) => e.id === passing.id)!.voteResult).toEqual(before.voteResult);
  });

  it('a meeting whose vote was announced stays on record: deleting it is refused, the loop record kept', async () => {
    const { r, passing, second } = await twoMeetings();
    const saved = await desk<Meeting>(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(passing.evaluateeId, passing.id)], confirm: true, earlyReason: '回头看已完成' });
    const { roundId } = await countLater(r.call, second.id, [counts({ satisfied: 25, basic: 4, unsatisfied: 1 })]);
    await r.call('vote.announce', { roundId });
    await r.call('live.end', { confirm: '结束会议' });
    const refused = await refusal(r, 'meetings.delete', { id: second.id });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('已公布测评结果');
    expect((await year(r)).loop!.laterVotes.find((v) => v.agendaItemId === saved.agenda[0]!.id)!.result).not.toBeNull();
    // The first meeting too: the 民主测评 announced there is the evaluations' result.
    expect((await refusal(r, 'meetings.delete', { id: r.data.meeting.id })).message).toContain('已公布测评结果');
  });

  it('its ballot, count report and 通报 carry its title, with no word doubled', async () => {
    const { r, passing, second } = await twoMeetings();
    await desk(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(passing.evaluateeId, passing.id)], confirm: true, earlyReason: '回头看已完成' });
    const { roundId } = await countLater(r.call, second.id, [counts({ satisfied: 25, basic: 4, unsatisfied: 1 })]);
    await r.call('vote.announce', { roundId });
    const papers = {
      ballot: docText(r, await desk(r, 'documents.ballots', { meetingId: second.id, roundId, groupId: 'members', sheets: 2 })),
      count: docText(r, await desk(r, 'documents.countReport', { meetingId: second.id, roundId, groupId: 'members' })),
      round: docText(r, await desk(r, 'documents.announcement', { meetingId: second.id, roundId, docNumber: 'X人常〔2026〕21号', date: '2026-12-21' })),
      whole: docText(r, await desk(r, 'documents.announcement', { meetingId: second.id, docNumber: 'X人常〔2026〕22号', date: '2026-12-21' })),
    };
    expect(papers.ballot).toContain(`${second.name}满意度测评票`);
    expect(papers.ballot).not.toContain('民主测评');
    expect(papers.round).toContain('关于满意度测评结果的通报');
    expect(papers.round).toContain('进行了满意度测评。');
    expect(papers.whole).toContain('满意度测评结果的通报');
    for (const [name, text] of Object.entries(papers)) {
      expect(text, `${name} doubles a word`).not.toMatch(/测评测评|（第[一二三四五六七八九十]+轮）测评|满意度测评.{0,6}满意度测评/u);
      expect(text, `${name} names the meeting's vote`).not.toContain('民主测评');
    }
  });

  it('a hearing of the re-report is held like a report: timed, questioned, in the minutes; every step named once', async () => {
    const { r, failing, second } = await twoMeetings();
    await desk(r, 'meetings.setAgenda', {
      id: second.id,
      agenda: [
        { kind: 'hearing', evaluateeId: failing.evaluateeId, evaluationId: failing.id, purpose: 'reReport', mode: 'report' },
        laterVote(failing.evaluateeId, failing.id, 'reReport', '整改情况测评'),
      ],
    });
    await r.call('live.end', { confirm: '结束会议' });
    let live = await r.call<LiveConsoleState>('live.open', { meetingId: second.id, rehearsal: false });
    await r.call('live.attendanceAll', { status: 'present' });
    live = await r.call<LiveConsoleState>('live.start');
    expect(live.agenda.map((a) => [a.kind, a.stages, a.stageLabels])).toEqual([
      ['hearing', ['report', 'questioning'], { report: '听取整改情况再次报告', questioning: '随机询问' }],
      ['vote', ['vote'], { vote: '整改情况测评' }],
    ]);
    const name = live.agenda[0]!.evaluatees[0]!.name;
    expect(live.next?.label).toBe(`${name} · 听取整改情况再次报告`);
    live = await r.call<LiveConsoleState>('live.move', { to: 'next' });
    await r.call('live.timer', { action: 'start' });
    const hall = await r.call<HallView>('hall.view', {}, 'hall');
    expect(hall.content).toMatchObject({ kind: 'evaluatee', stageLabel: '听取整改情况再次报告', people: [{ name }] });
    expect((hall.content as { timer: unknown }).timer).not.toBeNull();
    live = await r.call<LiveConsoleState>('live.move', { to: 'next' });
    // The vote's step names its title once, not “整改情况测评 · 整改情况测评”.
    expect(live.next?.label).toBe('整改情况测评');
    await r.call('questioning.draw', { skipAnimation: true });
    const minutes = docText(r, await desk(r, 'documents.minutes', { meetingId: second.id }));
    expect(minutes).toContain(name);
    // The first evaluation stays where it was: its stage and meeting unchanged by the later meeting's start.
    const ev = (await year(r)).evaluations.find((e) => e.id === failing.id)!;
    expect(ev.meetingId).toBe(failing.meetingId);
    expect(ev.stage).toBe(failing.stage);
  });

  it('the settings’ titles name the later votes on their papers', async () => {
    const { r, passing, second } = await twoMeetings();
    const settings = await desk<{ voteTitles: Record<string, string> }>(r, 'settings.get', {});
    await desk(r, 'settings.update', { settings: { ...settings, voteTitles: { ...settings.voteTitles, followUp: '整改满意度测评' } } });
    await desk(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(passing.evaluateeId, passing.id, 'followUp', '整改满意度测评')], confirm: true, earlyReason: '回头看已完成' });
    const { roundId, state } = await countLater(r.call, second.id, [counts({ satisfied: 25, basic: 4, unsatisfied: 1 })]);
    expect(state.items[0]).toMatchObject({ title: '整改满意度测评', kindTitle: '整改满意度测评' });
    await r.call('vote.announce', { roundId });
    const ballot = docText(r, await desk(r, 'documents.ballots', { meetingId: second.id, roundId, groupId: 'members', sheets: 2 }));
    expect(ballot).toContain(`${second.name}整改满意度测评票`);
    const bulletin = docText(r, await desk(r, 'documents.announcement', { meetingId: second.id, docNumber: 'X人常〔2026〕23号', date: '2026-12-21' }));
    expect(bulletin).toContain('进行了整改满意度测评。');
  });

  it('a report received: its hearing records the meeting, and the 满意度测评 needs no confirmation', async () => {
    const { r, passing, second } = await twoMeetings();
    // The report as the loop's own call records it (written here straight into the store).
    await r.s.store.update<YearData, void>('year/2026', (y) => {
      y.loop = { ledger: [], plans: [], reports: [], followUps: [], laterVotes: [], escalation: [], closures: [], resultUses: [] };
      y.loop.reports.push({ evaluationId: passing.id, reportDate: null, receivedOn: '2026-12-01', docNumber: 'X政发〔2026〕3号', file: null, meetingId: null });
    });
    const saved = await desk<Meeting>(r, 'meetings.setAgenda', {
      id: second.id,
      agenda: [{ kind: 'hearing', evaluateeId: passing.evaluateeId, evaluationId: passing.id, purpose: 'report', mode: 'written' }, laterVote(passing.evaluateeId, passing.id)],
    });
    const loop = (await year(r)).loop!;
    expect(loop.reports[0]!.meetingId).toBe(second.id);
    expect(loop.laterVotes).toEqual([{ evaluationId: passing.id, kind: 'followUp', meetingId: second.id, agendaItemId: saved.agenda[1]!.id, result: null, earlyReason: '' }]);
    const detail = await desk<MeetingDetail>(r, 'meetings.get', { id: second.id });
    expect(detail.later.find((c) => c.evaluationId === passing.id)).toMatchObject({ path: 'followUp', reportReceivedOn: '2026-12-01', reportHeardAt: second.id });
    await desk(r, 'meetings.setAgenda', { id: second.id, agenda: [] });
    expect((await year(r)).loop!.reports[0]!.meetingId).toBeNull();
    // A hearing meeting recorded by other means (the report's own record) is not undone by an agenda edit.
    await r.s.store.update<YearData, void>('year/2026', (y) => {
      y.loop!.reports[0]!.meetingId = second.id;
    });
    await desk(r, 'meetings.setAgenda', { id: second.id, agenda: [laterVote(passing.evaluateeId, passing.id)] });
    expect((await year(r)).loop!.reports[0]!.meetingId).toBe(second.id);
  });

  it('the meeting’s own vote: no step, heading or hall text names the vote twice', async () => {
    const r = await announcedRound();
    const live = await r.call<LiveConsoleState>('live.state');
    const votes = live.agenda.filter((a) => a.kind === 'vote');
    expect(votes.map((v) => v.stageLabels)).toEqual(votes.map(() => ({ vote: '民主测评' })));
    // At the first vote, the next step is the second vote: named by its title alone.
    expect(live.next?.label).toBe(votes[1]!.title);
    const vote = await r.call<VoteConsoleState>('vote.state');
    for (const item of vote.items) expect(item.kindTitle).toBe('民主测评');
    const hall = JSON.stringify(await r.call<HallView>('hall.view', {}, 'hall'));
    expect(hall).not.toMatch(/测评测评|民主测评 · 民主测评|（第[一二三四五六七八九十]+轮）测评/u);
  });
});

