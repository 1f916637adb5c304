import { describe, expect, it } from 'vitest';
import { newId, idPattern, isIdOf } from '../../../shared/domain/ids';
import { checkCore, checkMeeting, checkYear } from '../../../shared/domain/integrity';
import {
  CORE_KEY,
  coreSchema,
  emptyCore,
  emptyMeeting,
  emptyYear,
  meetingKey,
  meetingSchema,
  parsePartitionKey,
  yearKey,
  yearSchema,
  type MeetingData,
} from '../../../shared/domain/partitions';
import { COURT, EDU, coreWith, counterRandom, evaluatee, evaluation } from './fixtures';

describe('ids', () => {
  it('are a kind prefix and 10 base32 characters, reproducible from the random source', () => {
    const a = newId('ev', counterRandom());
    expect(a).toMatch(/^ev_[0-9a-hjkmnp-tv-z]{10}$/);
    expect(newId('ev', counterRandom())).toBe(a);
    expect(isIdOf('ev', a)).toBe(true);
    expect(isIdOf('ee', a)).toBe(false);
    expect(idPattern('cr').test('cr_std1')).toBe(true);
  });

  it('do not repeat over many draws from a real source', () => {
    const crypto = { bytes: (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)) };
    const ids = new Set(Array.from({ length: 5000 }, () => newId('ee', crypto)));
    expect(ids.size).toBe(5000);
  });
});

describe('partition keys', () => {
  it('build and parse', () => {
    expect(CORE_KEY).toBe('core');
    expect(yearKey(2025)).toBe('year/2025');
    expect(meetingKey('mt_0000000001')).toBe('meeting/mt_0000000001');
    expect(parsePartitionKey('core')).toEqual({ kind: 'core' });
    expect(parsePartitionKey('year/2025')).toEqual({ kind: 'year', year: 2025 });
    expect(parsePartitionKey('meeting/mt_0000000001')).toEqual({ kind: 'meeting', id: 'mt_0000000001' });
    expect(parsePartitionKey('meeting/../core')).toBeNull();
    expect(parsePartitionKey('year/25')).toBeNull();
    expect(() => meetingKey('../x')).toThrow(RangeError);
    expect(() => yearKey(25)).toThrow(RangeError);
  });
});

describe('empty partitions', () => {
  it('are valid and carry the defaults', () => {
    const core = emptyCore(2026);
    expect(coreSchema.parse(core)).toEqual(core);
    expect(core.settings.term).toEqual({ session: 1, startYear: 2026, endYear: 2030 });
    expect(core.criteria).toHaveLength(6);
    expect(core.members).toEqual([]);
    expect(yearSchema.parse(emptyYear(2026))).toEqual({ year: 2026, evaluations: [] });
    const m = emptyMeeting({ id: 'mt_0000000001', name: '县第十九届人大常委会第一次会议', session: 19, sitting: 1, date: '2026-01-20', year: 2026 } as MeetingData['meeting']);
    expect(meetingSchema.parse(m)).toEqual(m);
    expect(m.meeting.agenda).toEqual([]);
  });

  it('load an old core file without criteria or settings sub-objects', () => {
    const parsed = coreSchema.parse({ settings: { term: { session: 19, startYear: 2021, endYear: 2025 } } });
    expect(parsed.criteria.map((c) => c.id)).toEqual(['cr_std1', 'cr_std2', 'cr_std3', 'cr_std4', 'cr_std5', 'cr_std6']);
    expect(parsed.settings.deadlines.rectificationPlanDays).toBeNull();
  });
});

describe('integrity across records', () => {
  it('finds a missing unit, a unit of the wrong kind and a missing predecessor', () => {
    const core = coreWith([
      evaluatee('a001', { unitId: 'un_gone' }),
      evaluatee('a002', { category: '员额法官' }),
      evaluatee('a003', { category: '员额法官', unitId: COURT.id }),
      evaluatee('a004', { successorOf: 'ee_gone' }),
    ]);
    const messages = checkCore(core).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual([
      'evaluatees.0.unitId: 被评议对象“人员a001”的所在单位不存在',
      'evaluatees.1.unitId: 员额法官“人员a002”的所在单位应为人民法院，现为县教育局',
      'evaluatees.3.successorOf: 被评议对象“人员a004”的前任记录不存在',
    ]);
  });

  it('wants unique roster orders and ids, not exactly one 主任', () => {
    const core = coreWith([]);
    core.members = [
      { id: 'mb_0001', name: '甲', role: '副主任', rosterOrder: 1, active: true, note: '' },
      { id: 'mb_0002', name: '乙', role: '委员', rosterOrder: 1, active: true, note: '' },
      { id: 'mb_0002', name: '丙', role: '委员', rosterOrder: 3, active: true, note: '' },
    ];
    core.units.push({ ...EDU, id: 'un_edu1' });
    const messages = checkCore(core).map((i) => i.message);
    expect(messages).toContain('名单顺序1重复：甲、乙');
    expect(messages).toContain('组成人员编号重复：mb_0002');
    expect(messages).toContain('单位名称重复：县教育局');
    expect(messages.some((m) => m.includes('主任'))).toBe(false);
  });

  it('checks a year: evaluatee exists, once per year, right year, known meeting', () => {
    const core = coreWith([evaluatee('a001')]);
    const year = emptyYear(2024);
    year.evaluations = [evaluation('ee_a001', 2024), evaluation('ee_a001', 2024), evaluation('ee_gone', 2024), { ...evaluation('ee_a001', 2023), meetingId: 'mt_gone' }];
    const messages = checkYear(year, core, new Set(['mt_0001'])).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining(['评议年度2023与所在年度2024不一致', '2024年计划中的被评议对象不存在', '人员a001的评议会议不存在', '人员a001在2024年计划中出现3次']),
    );
  });

  it('checks an agenda against people and plan', () => {
    const core = coreWith([evaluatee('a001'), evaluatee('a002'), evaluatee('a003')]);
    const plan = emptyYear(2025);
    plan.evaluations = [evaluation('ee_a001', 2025), { ...evaluation('ee_a003', 2025), meetingId: 'mt_other' }];
    const data = emptyMeeting({
      id: 'mt_0001',
      name: '县第十九届人大常委会第二十三次会议',
      session: 19,
      sitting: 23,
      date: '2025-10-28',
      place: '',
      year: 2025,
      status: 'planned',
      agenda: [
        { kind: 'report', id: 'ag_0001', evaluateeId: 'ee_a001', mode: 'report' },
        { kind: 'report', id: 'ag_0002', evaluateeId: 'ee_a001', mode: 'report' },
        { kind: 'report', id: 'ag_0003', evaluateeId: 'ee_gone', mode: 'report' },
        { kind: 'report', id: 'ag_0004', evaluateeId: 'ee_a002', mode: 'written' },
        { kind: 'report', id: 'ag_0005', evaluateeId: 'ee_a003', mode: 'written' },
        { kind: 'vote', id: 'ag_0006', title: '满意度测评', evaluateeIds: ['ee_a001', 'ee_a001'] },
        { kind: 'vote', id: 'ag_0006', title: '补充测评', evaluateeIds: ['ee_a002', 'ee_gone'] },
      ],
    });
    const messages = checkMeeting(data, core, plan).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '议程编号重复：ag_0006',
        '人员a001在议程中重复出现',
        '议程第3项的被评议对象不存在',
        '人员a002未列入2025年评议计划',
        '人员a003的2025年评议已安排在其他会议',
        '人员a001在本次会议中重复列入测评',
        '“补充测评”的被测评对象不存在',
      ]),
    );
    const voteOnly = emptyMeeting({ ...data.meeting, agenda: [{ kind: 'vote', id: 'ag_0007', title: '满意度测评', evaluateeIds: ['ee_a001'] }] });
    expect(checkMeeting(voteOnly, core).map((i) => i.message)).toEqual(['人员a001列入了“满意度测评”，但议程中没有其汇报']);
  });
});
