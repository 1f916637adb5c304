import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../../../shared/domain/ids';
import {
  appendEntry,
  askedInScope,
  assertAppendOnly,
  cancelDraw,
  currentCycle,
  currentDraw,
  drawMember,
  drawnQuestionIds,
  nextEntryId,
  startNewCycle,
  type DrawEntry,
  type DrawLog,
  type DrawMemberResult,
  type DrawScope,
} from '../../../shared/draw';
import { CHI2_CRITICAL_P001, chiSquare, memberId, minuteClock, roster, seededSource } from './support';

const ROSTER = roster(30);
const ids = (...n: number[]) => n.map(memberId);

interface DrawOptions {
  present: readonly string[];
  excluded?: readonly string[];
  scope?: DrawScope;
  scopeId?: string;
  questionIds?: string[];
}

interface Session {
  readonly log: DrawLog;
  draw(opts: DrawOptions): DrawMemberResult;
  drawOk(opts: DrawOptions): DrawEntry;
  cancel(drawId: string, kind: 'redraw' | 'undo', reason: string): void;
  newCycle(reason: string, scopeId?: string, scope?: DrawScope): void;
}

/** A console session over one log: the calls a service makes. */
function session(seed = 1, source: RandomSource = seededSource(seed)): Session {
  const now = minuteClock();
  let log: DrawLog = [];
  const s: Session = {
    get log() {
      return log;
    },
    draw(opts) {
      const r = drawMember({
        log,
        id: nextEntryId(log),
        at: now(),
        scope: opts.scope ?? 'evaluatee',
        scopeId: opts.scopeId ?? 'ee_edu01',
        roster: ROSTER,
        present: opts.present,
        excluded: opts.excluded ?? [],
        source,
        ...(opts.questionIds ? { questionIds: opts.questionIds } : {}),
      });
      if (r.ok) log = r.log;
      return r;
    },
    drawOk(opts) {
      const r = s.draw(opts);
      if (!r.ok) throw new Error(r.message);
      return r.entry;
    },
    cancel(drawId, kind, reason) {
      log = cancelDraw({ log, id: nextEntryId(log), at: now(), drawId, kind, reason });
    },
    newCycle(reason, scopeId = 'ee_edu01', scope = 'evaluatee') {
      log = startNewCycle({ log, id: nextEntryId(log), at: now(), scope, scopeId, reason });
    },
  };
  return s;
}

const PRESENT = ids(...Array.from({ length: 12 }, (_, i) => i + 1));

describe('draws within a scope', () => {
  it('nobody is drawn twice in a cycle; when all have asked, the console is told and offered a new cycle', () => {
    const s = session(3);
    const drawn = Array.from({ length: 11 }, () => s.drawOk({ present: PRESENT, excluded: ids(1) }).memberId);
    expect(new Set(drawn).size).toBe(11);
    expect(drawn).not.toContain(memberId(1));
    expect(askedInScope(s.log, 'evaluatee', 'ee_edu01')).toEqual(drawn);
    const last = s.draw({ present: PRESENT, excluded: ids(1) });
    expect(last).toEqual({ ok: false, reason: 'all-asked', message: '本轮所有出席的组成人员都已提问', offerNewCycle: true });

    s.newCycle('第一轮询问结束，主持人宣布开始第二轮');
    expect(currentCycle(s.log, 'evaluatee', 'ee_edu01')).toBe(2);
    expect(askedInScope(s.log, 'evaluatee', 'ee_edu01')).toEqual([]);
    const again = s.drawOk({ present: PRESENT, excluded: ids(1) });
    expect(again.cycle).toBe(2);
    expect(again.candidates).toHaveLength(11);
    // Cycle 1 keeps its record.
    expect(askedInScope(s.log, 'evaluatee', 'ee_edu01', 1)).toEqual(drawn);
  });

  it('scopes are independent: asking about one evaluatee does not use up a turn for the next', () => {
    const s = session(4);
    const a = s.drawOk({ present: ids(1, 2), scopeId: 'ee_edu01' });
    const b = s.drawOk({ present: ids(1, 2), scopeId: 'ee_court1' });
    expect(b.candidates.map((c) => c.memberId)).toEqual(ids(1, 2));
    expect(askedInScope(s.log, 'evaluatee', 'ee_edu01')).toEqual([a.memberId]);
    const m = s.drawOk({ present: ids(1, 2), scope: 'meeting', scopeId: 'mt_2026a' });
    expect(m.candidates).toHaveLength(2);
  });

  it('absences and exclusions are honoured in every draw', () => {
    const present = ids(2, 3, 5, 8, 13, 21);
    for (let seed = 1; seed <= 200; seed++) {
      const e = session(seed).drawOk({ present, excluded: ids(2, 13) });
      expect(e.candidates.map((c) => c.memberId)).toEqual(ids(3, 5, 8, 21));
      expect(e.present).toEqual(present);
      expect(e.excluded).toEqual(ids(2, 13));
      expect([memberId(2), memberId(13)]).not.toContain(e.memberId);
    }
  });

  it('is uniform end to end: 7,000 fresh draws among 7 candidates pass chi-square at p = 0.001', () => {
    const source = seededSource(99);
    const counts = Array.from({ length: 7 }, () => 0);
    const present = ids(1, 2, 3, 4, 5, 6, 7);
    for (let i = 0; i < 7000; i++) counts[session(0, source).drawOk({ present }).index]!++;
    expect(chiSquare(counts)).toBeLessThan(CHI2_CRITICAL_P001[6]!);
  });
});

describe('cancellations', () => {
  it('a redraw appends a cancellation, keeps the voided draw, and the member passed over stays eligible', () => {
    const s = session(5);
    const first = s.drawOk({ present: ids(1, 2, 3) });
    const before = s.log;
    s.cancel(first.id, 'redraw', '该委员临时离场');
    // Appended, never edited: the earlier entries are the very same objects.
    expect(s.log).toHaveLength(2);
    expect(s.log[0]).toBe(before[0]);
    expect(before).toHaveLength(1);
    expect(s.log[1]).toMatchObject({ type: 'cancel', drawId: first.id, kind: 'redraw', reason: '该委员临时离场' });
    expect(askedInScope(s.log, 'evaluatee', 'ee_edu01')).toEqual([]);
    expect(currentDraw(s.log, 'evaluatee', 'ee_edu01')).toBeNull();

    // The member who stepped out is back: still a candidate for the next draws.
    const second = s.drawOk({ present: ids(1, 2, 3), excluded: [first.memberId] });
    expect(second.memberId).not.toBe(first.memberId);
    const third = s.drawOk({ present: ids(1, 2, 3) });
    expect(third.candidates.map((c) => c.memberId)).toContain(first.memberId);
    expect(currentDraw(s.log, 'evaluatee', 'ee_edu01')?.entry.id).toBe(third.id);
  });

  it('an undo needs a reason, an earlier draw, and happens once', () => {
    const s = session(6);
    const d = s.drawOk({ present: ids(1, 2, 3) });
    expect(() => s.cancel(d.id, 'undo', '  ')).toThrow('撤销原因不能为空');
    expect(() => s.cancel('dl_0099', 'undo', '误操作')).toThrow('撤销的抽取dl_0099不存在');
    s.cancel(d.id, 'undo', '误操作');
    expect(() => s.cancel(d.id, 'undo', '再次撤销')).toThrow(/已由dl_0002撤销，不能重复撤销/);
    s.newCycle('重新开始');
    expect(() => s.cancel('dl_0003', 'undo', '撤销新一轮')).toThrow('撤销的记录dl_0003不是抽取记录');
    expect(s.log.map((e) => e.type)).toEqual(['draw', 'cancel', 'new-cycle']);
  });
});

describe('the log is append-only', () => {
  it('appendEntry refuses a reused id, and never touches the log it is given', () => {
    const s = session(7);
    const d = s.drawOk({ present: ids(1, 2, 3) });
    const log = s.log;
    expect(() => appendEntry(log, { ...d, memberId: d.candidates[(d.index + 1) % 3]!.memberId })).toThrow(/记录编号dl_0001已存在（抽取记录只能追加，不能修改）/);
    expect(() => appendEntry(log, { type: 'cancel', id: 'dl_0002', at: 'yesterday', drawId: d.id, kind: 'undo', reason: '误操作' })).toThrow(/时间格式应为 ISO 8601/);
    expect(log).toHaveLength(1);
  });

  it('appendEntry refuses a draw that a replay would reject (the same checks)', () => {
    const s = session(8);
    const d = s.drawOk({ present: ids(1, 2, 3) });
    const forged: DrawEntry = { ...d, id: 'dl_0002', values: [d.values.at(-1)!], index: d.index, memberId: d.memberId };
    expect(() => appendEntry(s.log, forged)).toThrow(/第2次抽取（dl_0002）：候选人名单多列了.*本轮已在第1次抽取（dl_0001）中被抽中/);
  });

  it('assertAppendOnly lets a write through only if it adds at the end', () => {
    const s = session(9);
    s.drawOk({ present: ids(1, 2, 3) });
    const before = s.log;
    s.drawOk({ present: ids(1, 2, 3) });
    expect(() => assertAppendOnly(before, s.log)).not.toThrow();
    // Same content, keys in another order (re-read from disk): still unchanged.
    const reordered = JSON.parse(JSON.stringify(s.log.map((e) => Object.fromEntries(Object.entries(e).reverse())))) as unknown[];
    expect(() => assertAppendOnly(before, reordered)).not.toThrow();
    expect(() => assertAppendOnly(s.log, before)).toThrow('抽取记录只能追加：原有2条记录，新记录只有1条');
    const edited = [{ ...s.log[0]!, at: '2026-10-28T00:00:00.000Z' }, s.log[1]!];
    expect(() => assertAppendOnly(s.log, edited)).toThrow('抽取记录只能追加：第1条记录（dl_0001）被修改');
  });
});

describe('drawing a question from the bank', () => {
  it('draws by the same mapping, never offers a question already drawn, and a cancelled draw gives it back', () => {
    const s = session(10);
    const bank = ['q1', 'q2', 'q3'];
    const a = s.drawOk({ present: PRESENT, questionIds: bank });
    expect(a.question?.bankIds).toEqual(bank);
    expect(a.question?.questionId).toBe(bank[a.question!.index]);
    const b = s.drawOk({ present: PRESENT, questionIds: bank });
    expect(b.question?.bankIds).toEqual(bank.filter((q) => q !== a.question?.questionId));
    expect(drawnQuestionIds(s.log)).toEqual(new Set([a.question?.questionId, b.question?.questionId]));
    s.cancel(b.id, 'redraw', '问题与上一问重复');
    expect(drawnQuestionIds(s.log)).toEqual(new Set([a.question?.questionId]));
    s.drawOk({ present: PRESENT, questionIds: bank });
    const c = s.drawOk({ present: PRESENT, questionIds: bank });
    expect(c.question).toBeDefined();
    const d = s.draw({ present: PRESENT, questionIds: bank });
    expect(d.ok && d.entry.question).toBeUndefined();
    expect(d.ok && d.questionNote).toBe('题库中没有待提问的问题，未抽取问题');
  });
});
