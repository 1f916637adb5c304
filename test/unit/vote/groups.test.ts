import { describe, expect, it } from 'vitest';
import {
  gradeGroups,
  gradingSettings,
  groupResultSchema,
  groupsProblem,
  ruleSnapshot,
  ruleSnapshotSchema,
  voteRulesSchema,
  type GroupTally,
} from '../../../shared/vote';
import { context, counts } from './fixtures';

const settings = gradingSettings(voteRulesSchema.parse({}));

// Members: 应到 28, 实到 25; 张三 is 满意 among members. Deputies (30 attending) are harsher.
const members: GroupTally = {
  group: { kind: 'members' },
  context: context(28, 25),
  counts: [counts({ satisfied: 14, basic: 8, unsatisfied: 3 }), counts({ satisfied: 20, basic: 5 })],
};
const deputies: GroupTally = {
  group: { kind: 'deputies' },
  context: context(30, 30),
  counts: [counts({ satisfied: 5, basic: 5, unsatisfied: 20 }), counts({ satisfied: 30 })],
};

describe('voter groups counted apart', () => {
  it('each group is graded on its own counts and its own 应到/实到, never mixed', () => {
    const r = gradeGroups([deputies, members], 2, settings);
    expect(r.binding.label).toBe('常委会组成人员');
    expect(r.binding.results.map((x) => x.outcome)).toEqual(['满意', '满意']);
    expect(r.binding.results[0]!.counts).toEqual(members.counts[0]);
    expect(r.binding.results[0]!.arithmetic[0]).toBe('满意 14 票 ≥ 应到 28 人 × 1/2 = 14 → 满意');
    expect(r.apart).toHaveLength(1);
    expect(r.apart[0]!.label).toBe('人大代表');
    expect(r.apart[0]!.binding).toBe(false);
    expect(r.apart[0]!.results.map((x) => x.outcome)).toEqual(['不满意', '满意']);
    expect(r.apart[0]!.results[0]!.arithmetic[0]).toBe('满意 5 票 < 应到 30 人 × 1/2 = 15 → 不满足');
    // Had the groups been added up (19 满意 of 58), the binding grade would have changed.
    expect(r.binding.results[0]!.summary).toBe('满意 14 票，基本满意 8 票，不满意 3 票，满意率 88.0%，等次：满意');
  });

  it('a named group keeps its own label', () => {
    const r = gradeGroups([members, { ...deputies, group: { kind: 'other', label: '服务对象代表' } }], 2, settings);
    expect(r.apart[0]!.label).toBe('服务对象代表');
  });

  it('exactly one binding group, no group twice, every group covers every evaluatee', () => {
    expect(groupsProblem([deputies], 2)).toBe('应有且只有一组常委会组成人员的计票结果，现有 0 组');
    expect(groupsProblem([members, members], 2)).toBe('应有且只有一组常委会组成人员的计票结果，现有 2 组');
    expect(groupsProblem([members, deputies, deputies], 2)).toBe('投票人员类别“人大代表”重复');
    expect(groupsProblem([members, { ...deputies, counts: [counts({})] }], 2)).toBe('人大代表的计票结果有 1 人，本票有 2 名被测评对象');
    expect(() => gradeGroups([deputies], 2, settings)).toThrow('常委会组成人员');
  });

  it('results and the rule snapshot round-trip through their stored schemas', () => {
    const r = gradeGroups([members, deputies], 2, settings);
    expect(groupResultSchema.parse(r.binding)).toEqual(r.binding);
    const snap = ruleSnapshot(settings);
    expect(ruleSnapshotSchema.parse(snap)).toEqual(snap);
    expect(snap.text).toMatch(/^依次判定，/);
    expect(snap.policyText).toBe('空白视为无效票；满意率＝（满意票＋基本满意票）÷有效票。');
  });
});
