import { describe, expect, it } from 'vitest';
import { checkRound, gradeResult, keyLegend, marksToKeys, parseKeys, presetRule, sheetProblem, sheetsProblems, tallySheets, type Mark, type Sheet } from '../../../shared/vote';
import { context } from './fixtures';

describe('keys → marks', () => {
  it('reads "1 2 3 0 9", "12309", commas and full-width digits alike', () => {
    const expected: Mark[] = ['satisfied', 'basic', 'unsatisfied', 'blank', 'invalid'];
    for (const input of ['1 2 3 0 9', '12309', '1,2,3,0,9', '１２３０９', ' 1、2，3 0 9 ']) {
      expect(parseKeys(input, 5), input).toEqual({ ok: true, marks: expected });
    }
    expect(marksToKeys(expected)).toBe('12309');
  });

  it('refuses an unknown key, naming its position and the legend', () => {
    expect(parseKeys('1 5 3')).toEqual({ ok: false, message: `第2个按键“5”无效，只能按 ${keyLegend()}` });
    expect(keyLegend()).toBe('1 满意　2 基本满意　3 不满意　0 空白　9 无效');
  });

  it('refuses a sheet with too few or too many marks', () => {
    expect(parseKeys('12', 3)).toEqual({ ok: false, message: '录入了 2 个意见，本票有 3 名被测评对象，每人应有且只有1个意见' });
    expect(parseKeys('1234', 3).ok).toBe(false);
    expect(parseKeys('   ', 3)).toEqual({ ok: false, message: '尚未录入测评意见' });
  });
});

describe('a keyed sheet', () => {
  it('has exactly one known mark per evaluatee', () => {
    expect(sheetProblem({ no: 1, marks: ['satisfied', 'basic', 'blank'] }, 3)).toBeNull();
    expect(sheetProblem({ no: 4, marks: ['satisfied'] }, 3)).toBe('第4号票有 1 个意见，本票有 3 名被测评对象，每人应有且只有1个意见');
    expect(sheetProblem({ no: 5, marks: ['satisfied', 'maybe', 'basic'] }, 3)).toBe('第5号票第2名被测评对象的意见无效');
    expect(sheetProblem({ no: 0, marks: ['satisfied'] }, 1)).toBe('票号“0”无效');
    expect(sheetsProblems([{ no: 1, marks: ['basic'] }, { no: 1, marks: ['basic'] }], 1)).toEqual(['第1号票重复录入']);
  });
});

describe('tallying sheets', () => {
  it('several evaluatees on one sheet are counted per position', () => {
    const sheets: Sheet[] = [
      { no: 1, marks: ['satisfied', 'basic', 'unsatisfied'] },
      { no: 2, marks: ['satisfied', 'satisfied', 'blank'] },
      { no: 3, marks: ['basic', 'invalid', 'satisfied'] },
      { no: 4, marks: ['satisfied', 'satisfied', 'satisfied'] },
    ];
    expect(tallySheets(sheets, 3)).toEqual([
      { satisfied: 3, basic: 1, unsatisfied: 0, blank: 0, invalid: 0 },
      { satisfied: 2, basic: 1, unsatisfied: 0, blank: 0, invalid: 1 },
      { satisfied: 2, basic: 0, unsatisfied: 1, blank: 1, invalid: 0 },
    ]);
  });

  it('no sheets: zeros for everyone', () => {
    expect(tallySheets([], 2)).toEqual([
      { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 },
      { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 },
    ]);
  });

  it('refuses an incomplete sheet or a number keyed twice instead of tallying it', () => {
    expect(() => tallySheets([{ no: 1, marks: ['satisfied'] }], 2)).toThrow('第1号票有 1 个意见');
    expect(() => tallySheets([{ no: 2, marks: ['satisfied'] }, { no: 2, marks: ['basic'] }], 1)).toThrow('第2号票重复录入');
  });

  it('30 sheets for 3 evaluatees: tally, checks and grades line up', () => {
    // Sheet n (1-based): evaluatee A always 满意; B 基本满意 on every 5th sheet; C 不满意 on the first 16.
    const sheets: Sheet[] = Array.from({ length: 30 }, (_, i) => ({
      no: i + 1,
      marks: ['satisfied', (i + 1) % 5 === 0 ? 'basic' : 'satisfied', i < 16 ? 'unsatisfied' : 'satisfied'] as Mark[],
    }));
    const [a, b, c] = tallySheets(sheets, 3);
    expect(a).toEqual({ satisfied: 30, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 });
    expect(b).toEqual({ satisfied: 24, basic: 6, unsatisfied: 0, blank: 0, invalid: 0 });
    expect(c).toEqual({ satisfied: 14, basic: 0, unsatisfied: 16, blank: 0, invalid: 0 });
    const perEvaluatee = [a!, b!, c!].map((counts, i) => ({ name: ['甲', '乙', '丙'][i]!, counts }));
    expect(checkRound({ issued: 30, returned: 30, presentInGroup: 30, perEvaluatee })).toEqual([]);
    const rule = presetRule('half-three-level');
    // 应到 32: half is 16, so 丙's 满意 14 and 满意 + 基本满意 14 both fall short.
    expect(perEvaluatee.map((e) => gradeResult(e.counts, context(32, 30), rule, 'invalid', 'satisfied-basic').outcome)).toEqual(['满意', '满意', '不满意']);
  });
});
