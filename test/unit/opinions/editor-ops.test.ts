import { describe, expect, it } from 'vitest';
import * as ops from '../../../renderer/src/desk/opinions/editor-ops';
import { finishedContent } from './fixtures';

describe('the structured editor’s edits', () => {
  it('Enter splits at the caret: after a （一） heading comes body text, a list item continues the list', () => {
    const c = finishedContent();
    const r = ops.split(c, { list: 'problems', index: 0, at: 9 });
    expect(r.content.sections.problems.slice(0, 2)).toEqual([
      { level: 2, text: '服务意识有待增强。' },
      { level: 0, text: '基层服务保障能力有待进一步提升。' },
    ]);
    expect(r.caret).toEqual({ list: 'problems', index: 1, at: 0 });
    const item = ops.split(c, { list: 'suggestions', index: 0, at: 99 });
    expect(item.content.sections.suggestions.map((p) => p.level)).toEqual([3, 3]);
  });

  it('Backspace at the start joins a paragraph to the one above', () => {
    const c = finishedContent();
    const r = ops.mergeUp(c, 'problems', 1)!;
    expect(r.content.sections.problems).toHaveLength(2);
    expect(r.content.sections.problems[0]!.text).toBe('服务意识有待增强。基层服务保障能力有待进一步提升。对群众来信来访的答复还不够及时。');
    expect(r.caret.at).toBe('服务意识有待增强。基层服务保障能力有待进一步提升。'.length);
    expect(ops.mergeUp(c, 'problems', 0)).toBeNull();
  });

  it('sets levels only where they belong: the lead is body text, sections never take 一、', () => {
    const c = finishedContent();
    expect(ops.setLevel(c, 'lead', 0, 2)).toBe(c);
    expect(ops.setLevel(c, 'problems', 0, 1)).toBe(c);
    expect(ops.setLevel(c, 'problems', 0, 4).sections.problems[0]!.level).toBe(4);
    // Tab: 正文 → （一） → 1. → （1）; Shift+Tab back.
    let x = ops.shiftLevel(c, 'basicEvaluation', 0, 1);
    expect(x.sections.basicEvaluation[0]!.level).toBe(2);
    x = ops.shiftLevel(ops.shiftLevel(ops.shiftLevel(x, 'basicEvaluation', 0, 1), 'basicEvaluation', 0, 1), 'basicEvaluation', 0, 1);
    expect(x.sections.basicEvaluation[0]!.level).toBe(4);
    expect(ops.shiftLevel(x, 'basicEvaluation', 0, -1).sections.basicEvaluation[0]!.level).toBe(3);
  });

  it('pasted lines become paragraphs, their typed numbers becoming levels', () => {
    expect(ops.parsePasted('（一）作风建设\n1. 加强学习\n\n（2）完善制度\n二、整改\n一般文字', 'suggestions')).toEqual([
      { level: 2, text: '作风建设' },
      { level: 3, text: '加强学习' },
      { level: 4, text: '完善制度' },
      { level: 2, text: '整改' },
      { level: 0, text: '一般文字' },
    ]);
    expect(ops.parsePasted('1. 文字', 'lead')).toEqual([{ level: 0, text: '1. 文字' }]);
    const c = finishedContent();
    const r = ops.pasteLines(c, { list: 'suggestions', index: 0, at: 0 }, '（一）甲\n乙')!;
    expect(r.content.sections.suggestions.slice(0, 2)).toEqual([
      { level: 2, text: '甲' },
      { level: 0, text: '乙进一步加强干部队伍作风建设。' },
    ]);
  });

  it('moves, inserts and removes paragraphs', () => {
    const c = finishedContent();
    const moved = ops.move(c, 'problems', 0, 1);
    expect(moved.index).toBe(1);
    expect(moved.content.sections.problems.map((p) => p.level)).toEqual([3, 2, 2]);
    expect(ops.move(c, 'problems', 0, -1).content).toBe(c);
    const inserted = ops.insert(c, 'lead', 1, [{ level: 3, text: '甲' }]);
    expect(inserted.lead[1]).toEqual({ level: 0, text: '甲' });
    expect(ops.remove(c, 'problems', 1).sections.problems).toHaveLength(2);
  });
});
