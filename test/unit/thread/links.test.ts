import { describe, expect, it } from 'vitest';
import * as ops from '../../../renderer/src/desk/opinions/editor-ops';
import type { OpinionContent } from '../../../shared/domain/opinions';
import { extractItems } from '../../../shared/loop/items';
import { contentFindingIds, foreignFindingProblems, itemFindingIds } from '../../../shared/thread/links';

const A = 'fd_aaaaaaaaaa';
const B = 'fd_bbbbbbbbbb';

function content(): OpinionContent {
  return {
    addressee: '张明同志',
    lead: [],
    sections: {
      basicEvaluation: [],
      problems: [{ level: 2, text: '审批时限过长。', findingId: A }],
      suggestions: [
        { level: 0, text: '为此，提出如下意见。' },
        { level: 2, text: '加强队伍建设。' },
        { level: 2, text: '压缩审批时限。', findingId: A },
        { level: 3, text: '推行一次办好。', findingId: B },
        { level: 2, text: '完善制度。' },
      ],
      rectification: [],
    },
  };
}

describe('links of findings on opinion paragraphs', () => {
  it('an item names the findings of its numbered paragraph and its body, numbered as the ledger numbers items', () => {
    const c = content();
    expect(extractItems(c).map((i) => i.no)).toEqual([1, 2, 3]);
    expect([...itemFindingIds(c)]).toEqual([[2, [A, B]]]);
    expect([...contentFindingIds(c)].sort()).toEqual([A, B]);
  });

  it("survive the editor's edits: text, level, moves, a split (its first half), a merge into it", () => {
    let c = content();
    c = ops.setText(c, 'suggestions', 2, '进一步压缩审批时限。');
    c = ops.setLevel(c, 'problems', 0, 3);
    expect(c.sections.suggestions[2]).toMatchObject({ text: '进一步压缩审批时限。', findingId: A });
    expect(c.sections.problems[0]!.findingId).toBe(A);
    const moved = ops.move(c, 'suggestions', 2, -1);
    expect(moved.content.sections.suggestions[1]!.findingId).toBe(A);
    expect([...itemFindingIds(moved.content)]).toEqual([
      [1, [A]],
      [2, [B]],
    ]);
    const split = ops.split(c, { list: 'suggestions', index: 2, at: 3 });
    expect(split.content.sections.suggestions[2]!.findingId).toBe(A);
    expect(split.content.sections.suggestions[3]!.findingId).toBeUndefined();
    const merged = ops.mergeUp(c, 'suggestions', 3)!;
    expect(merged.content.sections.suggestions[2]).toMatchObject({ text: '进一步压缩审批时限。推行一次办好。', findingId: A });
  });

  it("a paragraph naming another evaluation's finding, or one no longer on record, is named with its section and field", () => {
    const problems = foreignFindingProblems(content(), 'ev_1111111111', [
      { id: A, evaluationId: 'ev_1111111111' },
      { id: B, evaluationId: 'ev_2222222222' },
    ]);
    expect(problems).toEqual([{ path: 'content.sections.suggestions.3.findingId', message: '“意见和建议”第4段的关联调研问题属于另一名被评议对象的评议，不能关联' }]);
    expect(foreignFindingProblems(content(), 'ev_1111111111', [])).toHaveLength(3);
  });
});
