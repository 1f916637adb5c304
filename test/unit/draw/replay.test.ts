import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../../../shared/domain/ids';
import {
  askedInScope,
  cancelDraw,
  drawMember,
  fairnessReport,
  formatDrawTime,
  indexRoster,
  nextEntryId,
  replayLog,
  startNewCycle,
  type DrawEntry,
  type DrawLog,
} from '../../../shared/draw';
import { memberId, minuteClock, roster, scriptedSource, seededSource } from './support';

const ROSTER = roster(30);
const BY_ID = indexRoster(ROSTER);
const ids = (...n: number[]) => n.map(memberId);
const PRESENT = ids(1, 2, 3, 4, 5, 6, 8, 9, 10);

/**
 * A morning of questioning: two evaluatees, the chair excluded, a redraw, an undo, questions from
 * the bank, a new cycle, and a draw whose first values were rejected.
 */
function meetingLog(seed: number): DrawLog {
  const now = minuteClock();
  const source = seededSource(seed);
  let log: DrawLog = [];
  const draw = (scopeId: string, opts: { excluded?: string[]; questionIds?: string[]; source?: RandomSource } = {}) => {
    const r = drawMember({
      log,
      id: nextEntryId(log),
      at: now(),
      scope: 'evaluatee',
      scopeId,
      roster: ROSTER,
      present: PRESENT,
      excluded: opts.excluded ?? ids(1),
      source: opts.source ?? source,
      ...(opts.questionIds ? { questionIds: opts.questionIds } : {}),
    });
    if (!r.ok) throw new Error(r.message);
    log = r.log;
    return r.entry;
  };
  const a = draw('ee_edu01', { questionIds: ['qa1', 'qa2', 'qa3'] });
  log = cancelDraw({ log, id: nextEntryId(log), at: now(), drawId: a.id, kind: 'redraw', reason: '该委员临时离场' });
  draw('ee_edu01', { excluded: [memberId(1), a.memberId], questionIds: ['qa1', 'qa2', 'qa3'] });
  draw('ee_edu01');
  const undone = draw('ee_edu01');
  log = cancelDraw({ log, id: nextEntryId(log), at: now(), drawId: undone.id, kind: 'undo', reason: '误按抽取键' });
  // Values near 2^32 - 1 from a skewed source. 6 candidates: 2^32 mod 6 = 4, so values from
  // 4294967292 up are rejected; 5 candidates: only 4294967295 is.
  draw('ee_edu01', { source: scriptedSource([0xffffffff, 0xfffffffd, 41]) });
  draw('ee_edu01', { source: scriptedSource([0xffffffff, 0xfffffffe]) });
  for (let i = 0; i < 4; i++) draw('ee_edu01');
  log = startNewCycle({ log, id: nextEntryId(log), at: now(), scope: 'evaluatee', scopeId: 'ee_edu01', reason: '所有委员均已提问，开始第二轮' });
  draw('ee_edu01');
  draw('ee_court1', { excluded: [] });
  return log;
}

/** A copy to tamper with, as if edited in the stored file. */
function copy(log: DrawLog): DrawEntry[] {
  return JSON.parse(JSON.stringify(log)) as DrawEntry[];
}

function drawAt(log: DrawEntry[], ordinal: number): DrawEntry {
  return log.filter((e) => e.type === 'draw')[ordinal - 1]!;
}

describe('replayLog', () => {
  const log = meetingLog(2026);

  it('a log made by the engine replays clean, with who asked per scope', () => {
    const r = replayLog(log, BY_ID);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.draws).toHaveLength(12);
    expect(r.draws.filter((d) => d.cancelledBy).map((d) => d.cancelledBy?.kind)).toEqual(['redraw', 'undo']);
    const edu = r.asked.find((s) => s.scopeId === 'ee_edu01')!;
    expect(edu.cycle).toBe(2);
    expect(edu.asked).toEqual(askedInScope(log, 'evaluatee', 'ee_edu01'));
    expect(edu.byCycle[1]).toHaveLength(8);
    expect(edu.byCycle[1]).toEqual(askedInScope(log, 'evaluatee', 'ee_edu01', 1));
    expect(r.asked.find((s) => s.scopeId === 'ee_court1')?.asked).toHaveLength(1);
    // The skewed draw kept its rejected values.
    expect(log.some((e) => e.type === 'draw' && e.values.length === 3 && e.values[0] === 0xffffffff)).toBe(true);
  });

  it('replays to the same results after a trip through JSON, and the same seed rebuilds the same log', () => {
    expect(replayLog(JSON.parse(JSON.stringify(log)) as unknown[]).ok).toBe(true);
    expect(meetingLog(2026)).toEqual(log);
    expect(meetingLog(2027)).not.toEqual(log);
  });

  it('a changed random value is caught and the draw named', () => {
    const t = copy(log);
    const d = drawAt(t, 3);
    d.values[d.values.length - 1] = (d.values.at(-1)! + 1) % 2 ** 32;
    const r = replayLog(t);
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.startsWith(`第3次抽取（${d.id}）：按记录的随机数，序号应为`))).toBe(true);
  });

  it('values must be consumed exactly: an accepted value dropped, or a value added after it, is caught', () => {
    const dropped = copy(log);
    const d = dropped.find((e) => e.type === 'draw' && e.values.length === 3) as DrawEntry;
    d.values.pop();
    expect(replayLog(dropped).problems).toEqual([`第5次抽取（${d.id}）：随机数核对不符：记录的2个随机数全部应被舍弃，没有被采用的随机数`]);
    const added = copy(log);
    const a = drawAt(added, 2);
    a.values.push(7);
    expect(replayLog(added).problems).toEqual([`第2次抽取（${a.id}）：随机数核对不符：第1个随机数已被采用，其后还记录了1个随机数`]);
  });

  it('a changed result is caught', () => {
    const t = copy(log);
    const d = drawAt(t, 4);
    const other = d.candidates[(d.index + 1) % d.candidates.length]!;
    d.memberId = other.memberId;
    const r = replayLog(t);
    expect(r.problems[0]).toMatch(new RegExp(`^第4次抽取（${d.id}）：按记录的随机数应抽中.+，记录的结果却是${other.name}`));
  });

  it('a candidate added or removed is caught', () => {
    const added = copy(log);
    const d = drawAt(added, 5);
    d.candidates.push({ memberId: memberId(7), name: '赵磊' });
    expect(replayLog(added).problems).toContain(`第5次抽取（${d.id}）：候选人名单多列了赵磊（${memberId(7)}）（不在出席名单中）`);

    const chair = copy(log);
    drawAt(chair, 5).candidates.unshift({ memberId: memberId(1), name: '王建国' });
    expect(replayLog(chair).problems.join('\n')).toContain('候选人名单多列了王建国（mb_m001）（在排除名单中）');

    const removed = copy(log);
    const r = drawAt(removed, 6);
    const gone = r.candidates.find((c) => c.memberId !== r.memberId)!;
    r.candidates = r.candidates.filter((c) => c !== gone);
    r.index = r.candidates.findIndex((c) => c.memberId === r.memberId);
    expect(replayLog(removed).problems).toContain(`第6次抽取（${r.id}）：候选人名单漏列了${gone.name}（${gone.memberId}）（出席、未排除且本轮尚未提问）`);

    const reordered = copy(log);
    const o = drawAt(reordered, 7);
    o.candidates.reverse();
    expect(replayLog(reordered).problems).toContain(`第7次抽取（${o.id}）：候选人顺序与出席名单（名单顺序）不一致`);
  });

  it('someone drawn twice in a cycle is caught, even if the candidate list was forged to match', () => {
    const t = copy(log);
    const first = drawAt(t, 3);
    const later = drawAt(t, 5);
    later.memberId = first.memberId;
    later.candidates[later.index] = { memberId: first.memberId, name: first.candidates[first.index]!.name };
    const problems = replayLog(t).problems.join('\n');
    expect(problems).toContain(`本轮已在第3次抽取（${first.id}）中被抽中，不应重复抽中`);
    expect(problems).toContain('候选人名单多列了');
  });

  it('deleting a cancellation is caught: the redrawn member now counts as asked', () => {
    const t = copy(log).filter((e) => !(e.type === ('cancel' as string) && e.id === 'dl_0002'));
    expect(replayLog(t).ok).toBe(false);
  });

  it('cancellations must refer to earlier draws; cycles must follow on', () => {
    const later = copy(log) as unknown as Record<string, unknown>[];
    later[1]!.drawId = 'dl_0003';
    expect(replayLog(later).problems).toContain('第2条记录（撤销，dl_0002）：撤销的抽取dl_0003在本条记录之后，只能撤销此前的抽取');
    const cycle = copy(log) as unknown as Record<string, unknown>[];
    const nc = cycle.find((e) => e.type === 'new-cycle')!;
    nc.cycle = 3;
    const problems = replayLog(cycle).problems.join('\n');
    expect(problems).toContain('新一轮应为第二轮，记录为第三轮');
    expect(problems).toMatch(/轮次应为第三轮，记录为第二轮/);
  });

  it('a malformed entry and a tampered question draw are reported, not thrown', () => {
    const t = copy(log) as unknown as Record<string, unknown>[];
    t.push({ type: 'draw', id: 'dl_9999', values: ['x'] });
    const q = t[0] as unknown as DrawEntry;
    q.question!.questionId = q.question!.bankIds.find((b) => b !== q.question!.questionId)!;
    const r = replayLog(t);
    expect(r.problems.some((p) => p.startsWith('第13次抽取（dl_9999）：格式无效'))).toBe(true);
    expect(r.problems.some((p) => p.startsWith('第1次抽取（dl_0001）：按记录的随机数应抽出问题'))).toBe(true);
  });

  it('with the roster: a non-member in the present list is a problem; a later renaming only a warning', () => {
    const t = copy(log);
    const d = drawAt(t, 12);
    d.present.push('mb_stranger');
    const renamed = new Map(BY_ID);
    renamed.set(memberId(2), { ...BY_ID.get(memberId(2))!, name: '李秀兰（改名）' });
    const r = replayLog(t, renamed);
    expect(r.problems).toContain(`第12次抽取（${d.id}）：出席名单中的mb_stranger不在组成人员名单中`);
    expect(r.warnings.some((w) => w.includes(`候选人${memberId(2)}记录的姓名“李秀兰”与当前名单“李秀兰（改名）”不一致`))).toBe(true);
  });
});

describe('fairnessReport', () => {
  const log = meetingLog(2026);

  it('prints the method, every draw with its values and arithmetic, voided draws, and a clean verdict', () => {
    const lines = fairnessReport(log, { rosterById: BY_ID, scopeNames: { ee_edu01: '县教育局局长', ee_court1: '县法院员额法官' } });
    const text = lines.join('\n');
    expect(lines[0]).toBe('随机抽取公平性核查记录');
    expect(text).toContain('按大端序');
    expect(text).toContain('⌊2³²÷n⌋×n');
    expect(text).toContain('共15条记录：抽取12次，作废2次，开始新一轮1次。');
    expect(text).toMatch(/第1次抽取（dl_0001）　\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:00:00　询问范围：按被评议对象（县教育局局长），第一轮　【已作废：第2条记录重新抽取，原因：该委员临时离场】/);
    expect(text).toContain('出席9人，排除1人，本轮已提问0人，候选8人：1.李秀兰 2.张伟');
    expect(text).toContain('4294967295（舍弃，不小于4294967292）、4294967293（舍弃，不小于4294967292）、41（采用）');
    expect(text).toContain(`演算：41 ÷ 6 余 5，即第6位候选人`);
    expect(text).toContain('撤销抽取：作废第4次抽取（dl_0005），原因：误按抽取键');
    expect(text).toContain('开始新一轮：询问范围：按被评议对象（县教育局局长），第二轮，原因：所有委员均已提问，开始第二轮');
    expect(text).toMatch(/抽取问题：题库候选3个（qa1、qa2、qa3）/);
    expect(lines.at(-1)).toBe('复核结论：按记录的随机数逐次重新演算，12次抽取的结果均与记录一致，候选人名单均符合抽取规则，未发现问题。');
  });

  it('prints times in local time, the way the office writes dates', () => {
    expect(formatDrawTime(new Date(2026, 9, 28, 9, 5, 12).toISOString())).toBe('2026年10月28日 9:05:12');
  });

  it('lists the problems of a tampered log', () => {
    const t = copy(log);
    drawAt(t, 2).values = [drawAt(t, 2).values[0]! ^ 1];
    const lines = fairnessReport(t);
    expect(lines.some((l) => l.startsWith('复核结论：发现'))).toBe(true);
    expect(lines.some((l) => l.includes('1. 第2次抽取（dl_0003）'))).toBe(true);
  });
});
