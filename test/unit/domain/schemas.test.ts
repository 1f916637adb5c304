import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { parseOrThrow } from '../../../shared/api/validation';
import { criterionSchema, defaultCriteria, DEFAULT_CRITERIA_NAMES } from '../../../shared/domain/criteria';
import { evaluateeDraftSchema, evaluateeSchema } from '../../../shared/domain/evaluatees';
import { evaluationSchema, STAGES, STAGE_LABELS } from '../../../shared/domain/evaluations';
import { meetingRecordSchema } from '../../../shared/domain/meetings';
import { coreSchema, meetingSchema, yearSchema } from '../../../shared/domain/partitions';
import { memberDraftSchema, memberSchema, unitSchema } from '../../../shared/domain/people';
import { citedTitle, settingsSchema } from '../../../shared/domain/settings';
import { buildDemoCounty } from '../../../electron/services/demo/demo-county';
import { evaluatee } from './fixtures';

/** All messages of a failed parse, joined; fails the test when the value is accepted. */
function messages(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? '' : result.error.issues.map((i) => i.message).join(' | ');
}

const member = { id: 'mb_0000000001', name: '周立远', role: '委员', rosterOrder: 6 };
const meeting = {
  id: 'mt_0000000001',
  name: '县第十九届人大常委会第二十三次会议',
  session: 19,
  sitting: 23,
  date: '2025-10-28',
  year: 2025,
  agenda: [
    { kind: 'report', id: 'ag_0000000001', evaluateeId: 'ee_0000000001', mode: 'report' },
    { kind: 'vote', id: 'ag_0000000002', title: '满意度测评', evaluateeIds: ['ee_0000000001'] },
  ],
};

describe('the demo county validates', () => {
  it.each([2024, 2025, 2026, 2031])('for current year %i, also after a trip through JSON', (currentYear) => {
    const demo = buildDemoCounty({ currentYear });
    const roundTrip = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));
    expect(coreSchema.parse(roundTrip(demo.core))).toEqual(demo.core);
    for (const year of Object.values(demo.years)) expect(yearSchema.parse(roundTrip(year))).toEqual(year);
    for (const m of demo.meetings) expect(meetingSchema.parse(roundTrip(m))).toEqual(m);
  });
});

describe('members', () => {
  it('accepts a minimal member and fills defaults', () => {
    expect(memberSchema.parse(member)).toEqual({ ...member, active: true, note: '' });
  });

  it('names 姓名 when the name is missing, blank or not text', () => {
    const { name: _omit, ...noName } = member;
    expect(messages(memberSchema, noName)).toContain('姓名');
    expect(messages(memberSchema, { ...member, name: '   ' })).toContain('姓名不能为空');
    expect(messages(memberSchema, { ...member, name: 42 })).toContain('姓名');
  });

  it('allows only 主任, 副主任, 委员 and names 职务', () => {
    for (const role of ['主任', '副主任', '委员']) expect(memberSchema.safeParse({ ...member, role }).success).toBe(true);
    const msg = messages(memberSchema, { ...member, role: '秘书长' });
    expect(msg).toContain('职务');
    expect(msg).toContain('主任、副主任、委员');
  });

  it('names the roster order and the term dates', () => {
    expect(messages(memberSchema, { ...member, rosterOrder: 1.5 })).toContain('名单顺序');
    expect(messages(memberSchema, { ...member, rosterOrder: undefined })).toContain('名单顺序不能为空');
    expect(messages(memberSchema, { ...member, termStart: '2022/1/12' })).toContain('任期开始日期格式应为 2024-10-28');
    expect(messages(memberSchema, { ...member, termStart: '2022-01-12', termEnd: '2021-01-01' })).toContain('任期结束日期不能早于');
  });
});

describe('units and evaluatees', () => {
  it('names the unit fields', () => {
    expect(messages(unitSchema, { id: 'un_0000000001', name: '', kind: 'government' })).toContain('单位名称');
    expect(messages(unitSchema, { id: 'un_0000000001', name: '县教育局', kind: 'ministry' })).toContain('单位类别');
  });

  it('accepts a complete evaluatee', () => {
    expect(evaluateeSchema.safeParse(evaluatee('a001')).success).toBe(true);
  });

  it('validates 任职日期 as a real date in the written format', () => {
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), appointmentDate: '2024/10/28' })).toContain('任职日期格式应为 2024-10-28');
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), appointmentDate: '2023-02-29' })).toContain('任职日期');
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), appointmentDate: undefined })).toContain('任职日期不能为空');
  });

  it('names category, unit and position', () => {
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), category: '局长' })).toContain('类别');
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), unitId: undefined })).toContain('所在单位');
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), position: ' ' })).toContain('职务不能为空');
  });

  it('keeps end dates consistent', () => {
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), endedDate: '2017-01-01' })).toContain('离任日期不能早于任职日期');
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), endReason: '免职' })).toContain('离任日期');
    expect(messages(evaluateeSchema, { ...evaluatee('a001'), endedDate: '2024-01-01', endReason: '升职' })).toContain('离任原因');
  });

  it('has draft schemas without the id that keep the cross-field rules', () => {
    const { id: _id, ...draft } = evaluatee('a001');
    expect(evaluateeDraftSchema.safeParse(draft).success).toBe(true);
    expect(messages(evaluateeDraftSchema, { ...draft, endedDate: '2017-01-01' })).toContain('离任日期不能早于任职日期');
    const { id: _mid, ...memberDraft } = member;
    expect(memberDraftSchema.parse(memberDraft)).not.toHaveProperty('id');
    expect(messages(memberDraftSchema, { ...memberDraft, termStart: '2022-01-12', termEnd: '2021-01-01' })).toContain('任期结束日期');
  });

  it('reports through parseOrThrow with the path and the field name', () => {
    let caught: unknown;
    try {
      parseOrThrow(evaluateeSchema, { ...evaluatee('a001'), name: '' }, '被评议对象');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect(caught).toMatchObject({ code: 'invalid_args', issues: [{ path: 'name', message: '姓名不能为空' }] });
    expect((caught as ApiError).message).toContain('姓名不能为空');
  });
});

describe('criteria, evaluations, meetings', () => {
  it('has six default criteria beginning with the two of the model county', () => {
    const criteria = defaultCriteria();
    expect(criteria).toHaveLength(6);
    expect(criteria.map((c) => c.name)).toEqual([...DEFAULT_CRITERIA_NAMES]);
    expect(criteria[0]?.name).toBe('贯彻执行国家法律法规情况');
    expect(criteria[1]?.name).toBe('贯彻执行县委重大决策部署情况');
    for (const c of criteria) expect(criterionSchema.parse(c)).toEqual(c);
    expect(messages(criterionSchema, { ...criteria[0], name: '' })).toContain('评价标准名称');
  });

  it('labels every stage in Chinese', () => {
    for (const s of STAGES) expect(STAGE_LABELS[s]).toMatch(/^[\u4e00-\u9fa5]+$/);
  });

  it('names the evaluation fields', () => {
    const ev = { id: 'ev_0000000001', evaluateeId: 'ee_0000000001', year: 2025 };
    expect(evaluationSchema.parse(ev)).toMatchObject({ stage: 'planned', mode: 'report', note: '' });
    expect(messages(evaluationSchema, { ...ev, year: 25 })).toContain('评议年度');
    expect(messages(evaluationSchema, { ...ev, stage: 'done' })).toContain('评议阶段');
    expect(messages(evaluationSchema, { ...ev, mode: 'video' })).toContain('汇报方式');
    expect(messages(evaluationSchema, { ...ev, evaluateeId: 'mb_0000000001' })).toContain('被评议对象');
  });

  it('accepts a meeting with report and vote items and names broken ones', () => {
    expect(meetingRecordSchema.parse(meeting)).toMatchObject({ status: 'planned', place: '' });
    expect(messages(meetingRecordSchema, { ...meeting, date: '2025-10-32' })).toContain('会议日期');
    expect(messages(meetingRecordSchema, { ...meeting, year: 2024 })).toContain('会议年度应与会议日期的年份一致');
    expect(messages(meetingRecordSchema, { ...meeting, sitting: 0 })).toContain('会议次数');
    expect(messages(meetingRecordSchema, { ...meeting, agenda: [{ kind: 'speech', id: 'ag_0000000003' }] })).toContain('议程');
    const emptyVote = { kind: 'vote', id: 'ag_0000000003', title: '测评', evaluateeIds: [] };
    expect(messages(meetingRecordSchema, { ...meeting, agenda: [emptyVote] })).toContain('被测评对象');
  });
});

describe('settings', () => {
  const term = { session: 19, startYear: 2021, endYear: 2025 };

  it('fills every sub-object of an old or minimal file with defaults', () => {
    const s = settingsSchema.parse({ term });
    expect(s.organisation.copyTo).toEqual(['县委', '县人民政府', '县委组织部']);
    expect(s.deadlines).toEqual({ rectificationPlanDays: null, rectificationReportMonths: 6, reReportMonths: 3 });
    expect(s.quorum.rule).toBe('more-than-half');
    expect(s.reportMinutes).toBe(15);
    const partial = settingsSchema.parse({ term, organisation: { fullName: '青岚县人民代表大会常务委员会' }, deadlines: { rectificationPlanDays: 20 } });
    expect(partial.organisation.shortName).toBe('县人大常委会');
    expect(partial.deadlines).toEqual({ rectificationPlanDays: 20, rectificationReportMonths: 6, reReportMonths: 3 });
  });

  it('gives the votes their titles, the opinion a neutral basis and no plan deadline by default', () => {
    const s = settingsSchema.parse({ term });
    expect(s.voteTitles).toEqual({ meeting: '民主测评', followUp: '满意度测评', reReport: '整改情况测评' });
    expect(s.legalBasis).toEqual({ law: '《中华人民共和国各级人民代表大会常务委员会监督法》', measure: '' });
    expect(s.deadlines.rectificationPlanDays).toBeNull();
    const own = settingsSchema.parse({ term, voteTitles: { meeting: '工作评议测评' }, legalBasis: { measure: '  某县工作评议办法 ' } });
    expect(own.voteTitles).toEqual({ meeting: '工作评议测评', followUp: '满意度测评', reReport: '整改情况测评' });
    expect(own.legalBasis.measure).toBe('某县工作评议办法');
    expect(messages(settingsSchema, { term, voteTitles: { followUp: '满意度测评票' } })).toContain('回头看后的测评名称不要以“票”结尾');
    expect(messages(settingsSchema, { term, voteTitles: { meeting: '' } })).toContain('评议会议上的测评名称');
    expect(citedTitle(' 某县工作评议办法')).toBe('《某县工作评议办法》');
    expect(citedTitle('《监督法》')).toBe('《监督法》');
    expect(citedTitle('  ')).toBe('');
  });

  it('names the broken setting', () => {
    expect(messages(settingsSchema, { term, organisation: { docPrefix: 'X人常〔' } })).toContain('机关代字');
    expect(messages(settingsSchema, { term, organisation: { fullName: '' } })).toContain('机关全称');
    expect(messages(settingsSchema, { term, deadlines: { rectificationReportMonths: 0 } })).toContain('整改情况报告期限');
    expect(messages(settingsSchema, { term: { ...term, endYear: 2020 } })).toContain('本届结束年份不能早于起始年份');
    expect(messages(settingsSchema, { term: { ...term, session: undefined } })).toContain('届次');
    expect(messages(settingsSchema, {})).toContain('本届届次和起止年份不能为空');
    expect(messages(coreSchema, {})).toContain('机关设置不能为空');
  });
});
