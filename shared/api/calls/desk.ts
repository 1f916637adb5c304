import { z } from 'zod';
import { OFFICE, call } from '../define';
import { criterionSchema, type Criterion } from '../../domain/criteria';
import { evaluateeDraftSchema, evaluateeSchema, END_REASONS, type Evaluatee } from '../../domain/evaluatees';
import { REPORT_MODES, type Evaluation } from '../../domain/evaluations';
import { hearingItemSchema, reportItemSchema, voteItemSchema, meetingDraftSchema, meetingRecordSchema, type Meeting } from '../../domain/meetings';
import { memberDraftSchema, memberSchema, personDraftSchema, personSchema, unitDraftSchema, unitSchema, GENDERS, type Member, type Person, type Unit } from '../../domain/people';
import { settingsSchema, type Settings } from '../../domain/settings';
import { dateField, idField, optionalText, requiredText, yearField } from '../../domain/fields';
import type { DeskOverview, EvaluateeRow, MeetingDetail, MeetingSummary, PlanView, UnitRow } from '../desk-types';

const none = z.strictObject({});

/**
 * Sent again as true after the clerk confirmed what the service asked about (a duplicate name, a
 * post already held): the first answer is an ApiError 'needs_confirmation' whose message names the
 * existing record, and nothing is saved until then.
 */
const confirm = z.boolean({ error: '确认标记应为是或否' }).optional();

const byId = (kind: Parameters<typeof idField>[0], label: string) => z.strictObject({ id: idField(kind, label) });

/** An agenda item as the desk sends it: a new item has no id yet, the service assigns one. */
const agendaInputSchema = z.discriminatedUnion(
  'kind',
  [
    reportItemSchema.extend({ id: reportItemSchema.shape.id.optional() }),
    hearingItemSchema.extend({ id: hearingItemSchema.shape.id.optional() }),
    voteItemSchema.extend({ id: voteItemSchema.shape.id.optional() }),
  ],
  { error: '议程类型应为汇报、听取整改情况报告或测评' },
);

/** The secretariat's desk: settings, people, the five-year plan and meetings. */
export const deskCalls = {
  'desk.overview': call<DeskOverview>()({ args: none, roles: OFFICE, summary: '工作台数据' }),

  'settings.get': call<Settings>()({ args: none, roles: OFFICE, summary: '读取设置' }),
  'settings.update': call<Settings>()({ args: z.strictObject({ settings: settingsSchema }), roles: OFFICE, summary: '保存设置' }),
  'criteria.list': call<Criterion[]>()({ args: none, roles: OFFICE, summary: '评价标准' }),
  'criteria.save': call<Criterion[]>()({
    args: z.strictObject({ criteria: z.array(criterionSchema.extend({ id: criterionSchema.shape.id.optional() })).max(20, '评价标准不能超过20项') }),
    roles: OFFICE,
    summary: '保存评价标准',
  }),

  'members.list': call<Member[]>()({ args: none, roles: OFFICE, summary: '常委会组成人员名单' }),
  'members.create': call<Member>()({ args: z.strictObject({ member: memberDraftSchema, confirm }), roles: OFFICE, summary: '新增组成人员' }),
  'members.update': call<Member>()({ args: z.strictObject({ member: memberSchema, confirm }), roles: OFFICE, summary: '修改组成人员' }),
  'members.delete': call<{ id: string }>()({ args: byId('mb', '组成人员'), roles: OFFICE, summary: '删除组成人员' }),

  'registry.list': call<Person[]>()({ args: none, roles: OFFICE, summary: '人员库（人大代表、专委会负责人、专家）' }),
  'registry.create': call<Person>()({ args: z.strictObject({ person: personDraftSchema, confirm }), roles: OFFICE, summary: '新增人员库人员' }),
  'registry.update': call<Person>()({ args: z.strictObject({ person: personSchema, confirm }), roles: OFFICE, summary: '修改人员库人员' }),
  'registry.delete': call<{ id: string }>()({ args: byId('ps', '人员'), roles: OFFICE, summary: '删除人员库人员' }),

  'units.list': call<UnitRow[]>()({ args: none, roles: OFFICE, summary: '单位列表' }),
  'units.create': call<Unit>()({ args: z.strictObject({ unit: unitDraftSchema }), roles: OFFICE, summary: '新增单位' }),
  'units.update': call<Unit>()({ args: z.strictObject({ unit: unitSchema }), roles: OFFICE, summary: '修改单位' }),
  'units.delete': call<{ id: string }>()({ args: byId('un', '单位'), roles: OFFICE, summary: '删除单位' }),

  'evaluatees.list': call<EvaluateeRow[]>()({ args: none, roles: OFFICE, summary: '被评议对象列表' }),
  'evaluatees.create': call<Evaluatee>()({ args: z.strictObject({ evaluatee: evaluateeDraftSchema, confirm }), roles: OFFICE, summary: '新增被评议对象' }),
  'evaluatees.update': call<Evaluatee>()({ args: z.strictObject({ evaluatee: evaluateeSchema, confirm }), roles: OFFICE, summary: '修改被评议对象' }),
  'evaluatees.delete': call<{ id: string }>()({ args: byId('ee', '被评议对象'), roles: OFFICE, summary: '删除被评议对象' }),
  'evaluatees.succeed': call<{ ended: Evaluatee; successor: Evaluatee }>()({
    args: z.strictObject({
      id: idField('ee', '被评议对象'),
      date: dateField('交接日期'),
      endReason: z.enum(END_REASONS, { error: '离任原因无效' }).default('免职'),
      successor: z.strictObject({
        name: requiredText('继任者姓名', 30),
        gender: z.enum(GENDERS, { error: '性别应为男或女' }).optional(),
        position: requiredText('职务', 40).optional(),
      }),
    }),
    roles: OFFICE,
    summary: '岗位交接：原任离任，继任者列为新的被评议对象',
  }),

  'plan.get': call<PlanView>()({ args: none, roles: OFFICE, summary: '五年计划与覆盖情况' }),
  'plan.add': call<Evaluation>()({
    args: z.strictObject({
      evaluateeId: idField('ee', '被评议对象'),
      year: yearField('计划年度'),
      mode: z.enum(REPORT_MODES, { error: '汇报方式应为到会汇报或书面报告' }).default('report'),
    }),
    roles: OFFICE,
    summary: '列入年度评议计划',
  }),
  'plan.remove': call<{ id: string }>()({
    args: z.strictObject({ evaluationId: idField('ev', '评议'), year: yearField('计划年度') }),
    roles: OFFICE,
    summary: '移出年度评议计划',
  }),

  'meetings.list': call<MeetingSummary[]>()({ args: none, roles: OFFICE, summary: '会议列表' }),
  'meetings.get': call<MeetingDetail>()({ args: byId('mt', '会议'), roles: OFFICE, summary: '会议详情' }),
  'meetings.create': call<Meeting>()({ args: z.strictObject({ meeting: meetingDraftSchema }), roles: OFFICE, summary: '新建会议' }),
  'meetings.update': call<Meeting>()({ args: z.strictObject({ meeting: meetingRecordSchema }), roles: OFFICE, summary: '修改会议' }),
  'meetings.setAgenda': call<Meeting>()({
    args: z.strictObject({
      id: idField('mt', '会议'),
      agenda: z.array(agendaInputSchema, { error: '议程应为列表' }).max(60, '议程不能超过60项'),
      /** A 满意度测评 added before the rectification report was received: confirmed, with the reason. */
      confirm,
      earlyReason: optionalText('提前测评的理由', 500).optional(),
    }),
    roles: OFFICE,
    summary: '调整会议议程',
  }),
  'meetings.setAttendees': call<{ attendees: string[] }>()({
    args: z.strictObject({ id: idField('mt', '会议'), attendees: z.array(idField('ps', '列席人员'), { error: '列席人员应为列表' }).max(200, '列席人员不能超过200人') }),
    roles: OFFICE,
    summary: '会议的列席人员（从人员库中选择）',
  }),
  'meetings.delete': call<{ id: string }>()({ args: byId('mt', '会议'), roles: OFFICE, summary: '删除会议' }),
};
