import { describe, expect, it } from 'vitest';
import { checkRound, compareDoubleCount, voidsRound, type Counts } from '../../../shared/vote';
import { counts } from './fixtures';

const zhang = { name: '张三', counts: counts({ satisfied: 20, basic: 5, unsatisfied: 2, blank: 1, invalid: 1 }) };
const li = { name: '李四', counts: counts({ satisfied: 25, basic: 3, unsatisfied: 1 }) };

describe('hard checks', () => {
  it('a consistent round passes', () => {
    expect(checkRound({ issued: 29, returned: 29, presentInGroup: 29, perEvaluatee: [zhang, li] })).toEqual([]);
    // Fewer returned than issued is allowed (a member kept a sheet); totals follow returned.
    expect(checkRound({ issued: 30, returned: 29, presentInGroup: 30, perEvaluatee: [zhang, li] })).toEqual([]);
  });

  it('(1) returned > issued: void, with both numbers', () => {
    const failures = checkRound({ issued: 28, returned: 29, presentInGroup: 29, perEvaluatee: [zhang, li] });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'returned-exceeds-issued', voids: true });
    expect(failures[0]!.message).toBe('收回 29 张，多于发出 28 张，本轮投票无效，应重新投票');
    expect(voidsRound(failures)).toBe(true);
  });

  it('(2) each evaluatee’s five counts must add up to returned, named with every term', () => {
    const wrong = { name: '张三', counts: counts({ satisfied: 20, basic: 5, unsatisfied: 2, blank: 1, invalid: 0 }) };
    const failures = checkRound({ issued: 29, returned: 29, presentInGroup: 29, perEvaluatee: [wrong, li] });
    expect(failures).toEqual([
      {
        code: 'total-mismatch',
        message: '张三：满意 20 + 基本满意 5 + 不满意 2 + 空白 1 + 无效 0 = 28，与收回 29 张不符',
        evaluateeIndex: 0,
      },
    ]);
    expect(voidsRound(failures)).toBe(false);
  });

  it('(2) too many counted is refused too, for every evaluatee that is off', () => {
    const over = { name: '王五', counts: counts({ satisfied: 30 }) };
    const failures = checkRound({ issued: 29, returned: 29, presentInGroup: 29, perEvaluatee: [zhang, over, { ...li, name: '赵六', counts: counts({ satisfied: 1 }) }] });
    expect(failures.map((f) => f.evaluateeIndex)).toEqual([1, 2]);
    expect(failures[0]!.message).toContain('= 30，与收回 29 张不符');
    expect(failures[1]!.message).toMatch(/^赵六：.*= 1，与收回 29 张不符$/);
  });

  it('(3) issued ≤ voters present in the group', () => {
    const failures = checkRound({ issued: 30, returned: 29, presentInGroup: 29, perEvaluatee: [zhang, li] });
    expect(failures).toEqual([{ code: 'issued-exceeds-present', message: '发出 30 张，多于实到 29 人' }]);
  });

  it('several failures are all reported at once', () => {
    const failures = checkRound({ issued: 30, returned: 31, presentInGroup: 29, perEvaluatee: [zhang, li] });
    expect(failures.map((f) => f.code)).toEqual(['returned-exceeds-issued', 'total-mismatch', 'total-mismatch', 'issued-exceeds-present']);
    expect(failures[1]!.message).toContain('与收回 31 张不符');
  });

  it('numbers that are not counts are refused first, naming the field', () => {
    const failures = checkRound({ issued: -1, returned: 2.5, presentInGroup: 29, perEvaluatee: [{ name: '张三', counts: { ...zhang.counts, basic: Number.NaN } }] });
    expect(failures.every((f) => f.code === 'not-a-count')).toBe(true);
    expect(failures.map((f) => f.message)).toEqual([
      '发出票数“-1”不是有效的数目（应为0或正整数）',
      '收回票数“2.5”不是有效的数目（应为0或正整数）',
      '张三：基本满意票数“NaN”不是有效的数目（应为0或正整数）',
    ]);
  });

  it('a round without evaluatees cannot pass', () => {
    expect(checkRound({ issued: 29, returned: 29, presentInGroup: 29, perEvaluatee: [] }).map((f) => f.code)).toEqual(['no-evaluatees']);
  });
});

describe('(4) double count: cell by cell', () => {
  const first: Counts[] = [zhang.counts, li.counts];

  it('agreeing counts pass', () => {
    expect(checkRound({ issued: 29, returned: 29, presentInGroup: 29, perEvaluatee: [zhang, li], doubleCount: { first, second: [{ ...zhang.counts }, { ...li.counts }] } })).toEqual([]);
  });

  it('each differing cell is named: evaluatee, grade and both numbers', () => {
    const second: Counts[] = [zhang.counts, { ...li.counts, satisfied: 24, unsatisfied: 2 }];
    const failures = checkRound({ issued: 29, returned: 29, presentInGroup: 29, perEvaluatee: [zhang, li], doubleCount: { first, second } });
    expect(failures).toEqual([
      {
        code: 'double-count-mismatch',
        message: '李四的满意票：第一次计票 25 票，第二次计票 24 票，不一致',
        evaluateeIndex: 1,
        mark: 'satisfied',
        first: 25,
        second: 24,
      },
      {
        code: 'double-count-mismatch',
        message: '李四的不满意票：第一次计票 1 票，第二次计票 2 票，不一致',
        evaluateeIndex: 1,
        mark: 'unsatisfied',
        first: 1,
        second: 2,
      },
    ]);
  });

  it('blank and invalid cells are compared too', () => {
    const failures = compareDoubleCount(['张三'], [zhang.counts], [{ ...zhang.counts, blank: 2, invalid: 0 }]);
    expect(failures.map((f) => f.message)).toEqual([
      '张三的空白票：第一次计票 1 票，第二次计票 2 票，不一致',
      '张三的无效票：第一次计票 1 票，第二次计票 0 票，不一致',
    ]);
  });

  it('a count that misses an evaluatee is refused', () => {
    const failures = compareDoubleCount(['张三', '李四'], first, [zhang.counts]);
    expect(failures[0]).toMatchObject({ code: 'double-count-shape' });
    expect(failures[0]!.message).toContain('应为 2 人，第一次 2 人，第二次 1 人');
  });
});
