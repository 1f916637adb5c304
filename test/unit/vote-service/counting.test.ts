import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { VoteAuditView } from '../../../shared/api/vote-types';
import { takeDelivered, utf8 } from '../exports/delivered';
import { atVote, closeAll, counts, marks, readyToCount, roundOf, start } from './support';

describe('counting sheet by sheet', () => {
  it('keys, undoes and corrects sheets durably, each with its audit entry', async () => {
    const first = await start();
    const { item } = await atVote(first.call);
    const r = await readyToCount(first.call, item, 30, 4);
    const key = (k: string, no?: number) => first.call('vote.sheet', { roundId: r.id, groupId: 'members', marks: marks(k), ...(no ? { no } : {}) });
    await key('11111', 1);
    await key('22222', 2);
    // A doubled Enter (or a retried request) cannot key the same sheet twice.
    await expect(key('22222', 2)).rejects.toThrow('第2号票已经录入（下一张应为第3号）');
    await expect(key('1111')).rejects.toThrow(/录入了 4 个意见|4 个意见/);
    await key('33390', 3);
    let st = await first.call('vote.undoSheet', { roundId: r.id, groupId: 'members', no: 3 });
    expect(roundOf(st, r.id).groups[0]!.sheets.map((s) => s.keys)).toEqual(['11111', '22222']);
    await key('12312', 3);
    await expect(first.call('vote.correctSheet', { roundId: r.id, groupId: 'members', no: 2, marks: marks('22222'), reason: '复核' })).rejects.toThrow(/无需更正/);
    await expect(first.call('vote.correctSheet', { roundId: r.id, groupId: 'members', no: 9, marks: marks('22222'), reason: '复核' })).rejects.toThrow(/没有第9号票/);
    st = await first.call('vote.correctSheet', { roundId: r.id, groupId: 'members', no: 2, marks: marks('21111'), reason: '唱票人复核第2号票' });
    const g = roundOf(st, r.id).groups[0]!;
    expect(g.sheets.map((s) => [s.no, s.keys, s.corrected])).toEqual([
      [1, '11111', false],
      [2, '21111', true],
      [3, '12312', false],
    ]);
    expect(g.tally?.[0]).toEqual(counts({ satisfied: 2, basic: 1 }));

    // On disk (in the meeting's journal at once; the meeting file follows once changes pause), and again after a restart of the services.
    const journal = await readFile(join(first.s.dataDir, 'meeting', `${st.meetingId}.journal`), 'utf8');
    const line = JSON.parse(journal.trim().split('\n').at(-1)!);
    expect(line.data.votes.rounds[0].groups[0].sheets).toHaveLength(3);
    await closeAll();
    const second = await start(first.dir);
    st = await second.call('vote.state');
    expect(roundOf(st, r.id).groups[0]!.sheets.map((s) => s.keys)).toEqual(['11111', '21111', '12312']);
    const audit = await second.call<VoteAuditView[]>('vote.audit', { roundId: r.id });
    const counting = audit.filter((a) => ['sheet', 'undo', 'correct'].includes(a.action));
    expect(counting.map((a) => [a.action, a.no])).toEqual([
      ['sheet', 1],
      ['sheet', 2],
      ['sheet', 3],
      ['undo', 3],
      ['sheet', 3],
      ['correct', 2],
    ]);
    expect(counting[3]!.detail).toBe('撤销第3号票（原为 不满意、不满意、不满意、无效、空白（键 33390））');
    expect(counting[5]).toMatchObject({ detail: '第2号票：基本满意、基本满意、基本满意、基本满意、基本满意（键 22222） → 基本满意、满意、满意、满意、满意（键 21111）', reason: '唱票人复核第2号票' });
    const delivered = takeDelivered(second.s, 'console', await second.call<FileDelivery>('vote.auditCsv', { roundId: r.id }));
    const csv = { filename: delivered.fileName, text: utf8(delivered.bytes) };
    expect(delivered.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\uFEFF"序号","时间","轮次","投票人员","操作","票号","内容","理由"\r\n')).toBe(true);
    expect(csv.text).toContain('"更正测评票","2"');
    expect(csv.text).toContain('"唱票人复核第2号票"');
    expect(csv.filename).toMatch(/第一轮测评记录\.csv$/);
  });

  it('totals mode: the same hard checks name the numbers that disagree', async () => {
    const { call } = await start();
    const { item } = await atVote(call);
    const r = await readyToCount(call, item, 30, 28);
    await call('vote.mode', { roundId: r.id, groupId: 'members', mode: 'totals' });
    const five = (c: ReturnType<typeof counts>) => Array.from({ length: 5 }, () => c);
    await call('vote.totals', { roundId: r.id, groupId: 'members', counts: [counts({ satisfied: 20, basic: 5, unsatisfied: 2 }), ...five(counts({ satisfied: 28 })).slice(1)] });
    const st = await call('vote.state');
    expect(roundOf(st, r.id).failures[0]).toContain('满意 20 + 基本满意 5 + 不满意 2 + 空白 0 + 无效 0 = 27，与收回 28 张不符');
    await expect(call('vote.check', { roundId: r.id })).rejects.toThrow(/核对未通过/);
    await expect(call('vote.mode', { roundId: r.id, groupId: 'members', mode: 'sheets' })).rejects.toThrow(/不能改为/);
    await call('vote.totals', { roundId: r.id, groupId: 'members', counts: five(counts({ satisfied: 20, basic: 5, unsatisfied: 2, invalid: 1 })) });
    const checked = roundOf(await call('vote.check', { roundId: r.id }), r.id);
    expect(checked.result?.groups[0]?.results[0]).toMatchObject({ outcome: '满意', rateText: '92.6%', valid: 27 });
  });
});

describe('double count', () => {
  it('keeps the first count blind until the second is in, names mismatching cells, needs the scrutineer', async () => {
    const { call, s } = await start();
    const { item } = await atVote(call);
    const r = await readyToCount(call, item, 30, 30);
    await call('vote.mode', { roundId: r.id, groupId: 'members', mode: 'double' });
    const a = counts({ satisfied: 23, basic: 4, unsatisfied: 3 });
    const b = counts({ satisfied: 22, basic: 5, unsatisfied: 3 });
    const firstCounts = [a, a, a, a, a];
    const pushed: string[] = [];
    s.hub.subscribe('console', (name, payload) => pushed.push(`${name}:${JSON.stringify(payload)}`));
    let st = await call('vote.doubleEntry', { roundId: r.id, groupId: 'members', entry: 'first', counts: firstCounts });
    const audit = await call<VoteAuditView[]>('vote.audit', { roundId: r.id });
    const csv = { text: utf8(takeDelivered(s, 'console', await call<FileDelivery>('vote.auditCsv', { roundId: r.id })).bytes) };
    // Nothing the console can receive now carries the first count's numbers.
    for (const text of [JSON.stringify(st), JSON.stringify(audit), csv.text, ...pushed]) {
      expect(text).not.toMatch(/"satisfied":23/);
      expect(text).not.toContain('满意 23');
    }
    const g = roundOf(st, r.id).groups[0]!;
    expect(g.double).toMatchObject({ firstEntered: true, secondEntered: false, first: null });
    expect(g.tally).toBeNull();
    expect(roundOf(st, r.id).preview).toBeNull();

    st = await call('vote.doubleEntry', { roundId: r.id, groupId: 'members', entry: 'second', counts: [a, a, b, a, a] });
    const shown = roundOf(st, r.id);
    const names = shown.evaluatees.map((e) => e.name);
    expect(shown.groups[0]!.double.mismatches.map((m) => m.message)).toEqual([
      `${names[2]}的满意票：第一次计票 23 票，第二次计票 22 票，不一致`,
      `${names[2]}的基本满意票：第一次计票 4 票，第二次计票 5 票，不一致`,
    ]);
    await expect(call('vote.check', { roundId: r.id })).rejects.toThrow(`${names[2]}的满意票：第一次计票 23 票，第二次计票 22 票，不一致`);
    await expect(call('vote.confirmDouble', { roundId: r.id, groupId: 'members', scrutineer: '乙监票' })).rejects.toThrow(/不一致，不能确认/);

    await call('vote.doubleEntry', { roundId: r.id, groupId: 'members', entry: 'second', counts: firstCounts });
    await expect(call('vote.check', { roundId: r.id })).rejects.toThrow(/两次计票尚未经监票人确认/);
    await expect(call('vote.confirmDouble', { roundId: r.id, groupId: 'members', scrutineer: '丙' })).rejects.toThrow(/不是本轮登记的监票人/);
    await call('vote.confirmDouble', { roundId: r.id, groupId: 'members', scrutineer: '乙监票' });
    st = await call('vote.check', { roundId: r.id });
    expect(roundOf(st, r.id).state).toBe('checked');
    const log = await call<VoteAuditView[]>('vote.audit', { roundId: r.id });
    expect(log.map((x) => x.action)).toEqual(expect.arrayContaining(['double-first', 'double-second', 'confirm']));
    expect(log.find((x) => x.action === 'double-first')!.detail).toContain('满意 23');
  });
});
