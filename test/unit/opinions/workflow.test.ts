import { describe, expect, it } from 'vitest';
import { currentVersion, isFrozen, placeholder, versionStatus } from '../../../shared/domain/opinions';
import { usedNumbers } from '../../../electron/services/opinions/numbering';
import { approve, deliver, deliveredVersion, issue, reopen, revise, saveDraft } from '../../../electron/services/opinions/workflow';
import { draftRecord, finishedContent, record } from './fixtures';

const now = '2024-11-02T02:00:00.000Z';
const council = { date: '2024-10-30', sitting: 12 };

describe('the opinion workflow 草稿 → 主任会议审定 → 印发 → 送达', () => {
  it('moves a finished draft through every step, each dated', () => {
    const r = draftRecord();
    expect(versionStatus(currentVersion(r))).toBe('draft');
    approve(r, 1, council, { meetingDate: '2024-10-28', now });
    expect(versionStatus(currentVersion(r))).toBe('approved');
    expect(currentVersion(r).council).toEqual(council);
    issue(r, 1, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' }, { used: [], now });
    expect(versionStatus(currentVersion(r))).toBe('issued');
    deliver(r, 1, { date: '2024-11-03', receivedBy: '王秘书' }, now);
    expect(versionStatus(currentVersion(r))).toBe('delivered');
    expect(currentVersion(r).delivery).toEqual({ date: '2024-11-03', receivedBy: '王秘书' });
    expect(deliveredVersion(r)?.no).toBe(1);
  });

  it('refuses steps out of order and dates before the step they follow', () => {
    const r = draftRecord();
    expect(() => issue(r, 1, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' }, { used: [], now })).toThrow(/草稿.*不能印发/);
    expect(() => deliver(r, 1, { date: '2024-11-03', receivedBy: '王秘书' }, now)).toThrow(/不能登记送达/);
    expect(() => approve(r, 1, { date: '2024-10-27', sitting: null }, { meetingDate: '2024-10-28', now })).toThrow(/不能早于评议会议日期/);
    approve(r, 1, council, { meetingDate: '2024-10-28', now });
    expect(() => approve(r, 1, council, { meetingDate: null, now })).toThrow(/已审定/);
    expect(() => issue(r, 1, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-10-29' }, { used: [], now })).toThrow(/不能早于主任会议审定日期/);
    expect(() => issue(r, 1, { docNumber: 'X人常〔2025〕5号', issueDate: '2024-11-01' }, { used: [], now })).toThrow(/年份/);
    expect(() => issue(r, 1, { docNumber: 'X人常(2024)5号', issueDate: '2024-11-01' }, { used: [], now })).toThrow(/六角括号/);
    const used = usedNumbers([record('op_other00000', ['X人常〔2024〕5号'])]);
    expect(() => issue(r, 1, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' }, { used, now })).toThrow(/已被使用/);
    issue(r, 1, { docNumber: 'X人常〔2024〕6号', issueDate: '2024-11-01' }, { used, now });
    expect(() => deliver(r, 1, { date: '2024-10-31', receivedBy: '王秘书' }, now)).toThrow(/不能早于印发日期/);
  });

  it('keeps a draft with placeholders or an empty section from the council', () => {
    const r = draftRecord();
    const content = finishedContent();
    content.sections.problems = [{ level: 0, text: placeholder('归纳存在的问题') }];
    saveDraft(r, 1, content, now);
    expect(() => approve(r, 1, council, { meetingDate: null, now })).toThrow(/待填写/);
    content.sections.problems = [{ level: 0, text: '  ' }];
    saveDraft(r, 1, content, now);
    expect(() => approve(r, 1, council, { meetingDate: null, now })).toThrow(/“存在的问题”还没有内容/);
  });

  it('an approved draft goes back to the draft stage for corrections; an issued one is frozen', () => {
    const r = draftRecord();
    approve(r, 1, council, { meetingDate: null, now });
    expect(() => saveDraft(r, 1, finishedContent('李华'), now)).toThrow(/已审定.*不能修改/);
    reopen(r, 1, now);
    expect(currentVersion(r).council).toBeNull();
    saveDraft(r, 1, finishedContent('李华'), now);
    approve(r, 1, council, { meetingDate: null, now });
    issue(r, 1, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' }, { used: [], now });
    expect(isFrozen(currentVersion(r))).toBe(true);
    expect(() => saveDraft(r, 1, finishedContent(), now)).toThrow(/修订/);
    expect(() => reopen(r, 1, now)).toThrow(/已印发/);
  });

  it('revising an issued opinion makes a new draft version with the reason; the old one stays as printed', () => {
    const r = draftRecord();
    approve(r, 1, council, { meetingDate: null, now });
    issue(r, 1, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' }, { used: [], now });
    deliver(r, 1, { date: '2024-11-03', receivedBy: '王秘书' }, now);
    const printed = structuredClone(r.versions[0]);

    revise(r, 1, '更正第二部分的文字', now);
    expect(r.versions).toHaveLength(2);
    const v2 = currentVersion(r);
    expect(v2).toMatchObject({ no: 2, reason: '更正第二部分的文字', council: null, issue: null, delivery: null });
    expect(v2.content).toEqual(printed?.content);

    // Editing v2 leaves v1 untouched, and a stale window editing v1 is refused.
    saveDraft(r, 2, finishedContent('李华'), now);
    expect(r.versions[0]).toEqual(printed);
    expect(() => saveDraft(r, 1, finishedContent(), now)).toThrow(/第2版/);

    // The rectification deadlines still run from the delivered version until v2 is delivered.
    expect(deliveredVersion(r)?.no).toBe(1);
    approve(r, 2, council, { meetingDate: null, now });
    // The revised opinion may go out again under its own number.
    issue(r, 2, { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-05' }, { used: usedNumbers([r]), now });
    deliver(r, 2, { date: '2024-11-06', receivedBy: '王秘书' }, now);
    expect(deliveredVersion(r)?.no).toBe(2);
  });
});
