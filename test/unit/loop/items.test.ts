import { describe, expect, it } from 'vitest';
import { opinionRecordSchema, type OpinionParagraph, type OpinionRecord, type OpinionVersion } from '../../../shared/domain/opinions';
import { opinionVersion, para } from './fixtures';
import { describeItemChange, diffItems, extractItems, issuedItems, itemFullText } from '../../../shared/loop';

const p = para;
const content = (suggestions: OpinionParagraph[]) => opinionVersion(1, suggestions, null).content;
const version = (no: number, suggestions: OpinionParagraph[], issued: boolean, reason = '') => opinionVersion(no, suggestions, issued ? '2024-11-08' : null, reason);

const record = (versions: OpinionVersion[]): OpinionRecord =>
  opinionRecordSchema.parse({ id: 'op_abcd1234', evaluationId: 'ev_abcd1234', evaluateeId: 'ee_abcd1234', createdAt: '2024-10-30T08:00:00Z', versions });

const V1 = [
  p(0, '针对上述问题，提出如下意见：'),
  p(2, '加强学习。深入学习监督法。'),
  p(3, '每季度组织一次专题学习'),
  p(3, '建立学习台账'),
  p(2, '规范执法。'),
  p(2, '  '),
  p(2, '强化队伍建设。'),
  p(0, '落实责任到人。'),
];

describe('extractItems', () => {
  it('takes each top-level numbered paragraph of 意见和建议 with its number and body', () => {
    const items = extractItems(content(V1));
    expect(items.map((i) => [i.no, i.label, i.text])).toEqual([
      [1, '（一）', '加强学习。深入学习监督法。'],
      [2, '（二）', '规范执法。'],
      [3, '（三）', '强化队伍建设。'],
    ]);
    expect(items[0]?.body).toEqual(['1.每季度组织一次专题学习', '2.建立学习台账']);
    expect(items[2]?.body).toEqual(['落实责任到人。']);
    expect(itemFullText(items[0]!)).toBe('加强学习。深入学习监督法。\n1.每季度组织一次专题学习\n2.建立学习台账');
  });

  it('uses the shallowest numbered level when the section has no （一） headings', () => {
    const items = extractItems(content([p(3, '第一条'), p(4, '细目'), p(3, '第二条')]));
    expect(items.map((i) => [i.no, i.label, i.text, i.body])).toEqual([
      [1, '1.', '第一条', ['（1）细目']],
      [2, '2.', '第二条', []],
    ]);
  });

  it('finds no items in a section of body text only, or an empty one', () => {
    expect(extractItems(content([p(0, '加强学习。')]))).toEqual([]);
    expect(extractItems(content([]))).toEqual([]);
  });
});

describe('issuedItems: the text is frozen at issue', () => {
  it('ignores a draft after the issued version', () => {
    const r = record([version(1, V1, true), version(2, [p(2, '全部改写。')], false, '修改')]);
    const out = issuedItems(r);
    expect(out.versionNo).toBe(1);
    expect(out.items).toHaveLength(3);
    expect(out.items[0]?.text).toBe('加强学习。深入学习监督法。');
    expect(out.revisions).toEqual([]);
  });

  it('has no items while nothing is issued', () => {
    expect(issuedItems(record([version(1, V1, false)]))).toEqual({ versionNo: null, items: [], revisions: [] });
  });

  it('carries items over by number on a re-issue and logs every change', () => {
    const v2 = [p(2, '加强学习。深入学习监督法。'), p(3, '每季度组织一次专题学习'), p(3, '建立学习台账'), p(2, '严格规范执法。'), p(2, '强化队伍建设。'), p(0, '落实责任到人。'), p(2, '加强信息公开。')];
    const v3 = [p(2, '加强学习。深入学习监督法。'), p(3, '每季度组织一次专题学习'), p(3, '建立学习台账'), p(2, '严格规范执法。')];
    const out = issuedItems(record([version(1, V1, true), version(2, v2, true, '更正文字'), version(3, v3, true, '删去两项')]));
    expect(out.versionNo).toBe(3);
    expect(out.items.map((i) => i.text)).toEqual(['加强学习。深入学习监督法。', '严格规范执法。']);
    expect(out.revisions).toEqual([
      {
        fromVersion: 1,
        toVersion: 2,
        reason: '更正文字',
        changes: [
          { no: 2, kind: 'changed', before: '规范执法。', after: '严格规范执法。' },
          { no: 4, kind: 'added', before: null, after: '加强信息公开。' },
        ],
      },
      {
        fromVersion: 2,
        toVersion: 3,
        reason: '删去两项',
        changes: [
          { no: 3, kind: 'removed', before: '强化队伍建设。\n落实责任到人。', after: null },
          { no: 4, kind: 'removed', before: '加强信息公开。', after: null },
        ],
      },
    ]);
  });

  it('logs a change in an item body, not only in its heading', () => {
    const before = extractItems(content([p(2, '加强学习。'), p(3, '甲')]));
    const after = extractItems(content([p(2, '加强学习。'), p(3, '乙')]));
    expect(diffItems(before, after)).toEqual([{ no: 1, kind: 'changed', before: '加强学习。\n1.甲', after: '加强学习。\n1.乙' }]);
    expect(diffItems(before, before)).toEqual([]);
    expect(describeItemChange({ no: 3, kind: 'changed', before: 'a', after: 'b' })).toBe('第3项文字修改');
  });
});
