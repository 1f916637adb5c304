import { describe, expect, it } from 'vitest';
import { extractItems, reconcileLedger, resultUseLines, resultUseSchema, summariseLedger, type OpinionItem } from '../../../shared/loop';

const items = (...texts: string[]): OpinionItem[] =>
  extractItems({ sections: { basicEvaluation: [], problems: [], rectification: [], suggestions: texts.map((text) => ({ level: 2 as const, text })) } });
const entry = (itemNo: number, itemText: string, opinionId = 'op_abcd1234') => ({ opinionId, itemNo, itemText });

describe('reconcileLedger', () => {
  it('creates an entry per item of the issued opinion', () => {
    expect(reconcileLedger([], 'op_abcd1234', items('甲。', '乙。'))).toEqual({
      create: [
        { itemNo: 1, itemText: '甲。' },
        { itemNo: 2, itemText: '乙。' },
      ],
      retext: [],
      orphaned: [],
    });
  });

  it('after a re-issue: keeps entries by number, reports changed text and removed items', () => {
    const ledger = [entry(1, '甲。'), entry(2, '乙。'), entry(3, '丙。'), entry(1, '别的意见', 'op_other999')];
    expect(reconcileLedger(ledger, 'op_abcd1234', items('甲。', '乙（修改）。'))).toEqual({
      create: [],
      retext: [{ itemNo: 2, before: '乙。', after: '乙（修改）。' }],
      orphaned: [3],
    });
  });
});

describe('summariseLedger', () => {
  it('counts statuses and verdicts', () => {
    const s = summariseLedger([
      { status: 'done', verdict: 'fullyRectified' },
      { status: 'done', verdict: 'mostlyRectified' },
      { status: 'ongoing', verdict: null },
      { status: 'notStarted', verdict: null },
    ]);
    expect(s.items).toBe(4);
    expect(s.byStatus).toEqual({ notStarted: 1, inProgress: 0, done: 2, ongoing: 1, notDone: 0 });
    expect(s.byVerdict).toEqual({ fullyRectified: 1, mostlyRectified: 1, notRectified: 0, none: 2 });
  });
});

describe('resultUseLines', () => {
  it('prints the register in date order', () => {
    const list = [
      { id: 'ru_abcd0001', evaluationId: 'ev_abcd1234', kind: 'opinion', recipient: '县委组织部', date: '2024-11-12', how: 'confidential', docNumber: 'X人常〔2024〕12号' },
      { id: 'ru_abcd0002', meetingId: 'mt_abcd1234', kind: 'bulletin', recipient: '全县各单位', date: '2024-10-30', how: 'electronic', docNumber: 'X人常〔2024〕10号', note: '全县通报' },
    ].map((e) => resultUseSchema.parse(e));
    expect(resultUseLines(list)).toEqual([
      '2024年10月30日　测评结果通报（X人常〔2024〕10号）　送全县各单位　电子公文；全县通报',
      '2024年11月12日　评议意见（X人常〔2024〕12号）　送县委组织部　机要交换',
    ]);
  });
});
