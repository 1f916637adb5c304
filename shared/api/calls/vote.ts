import { z } from 'zod';
import { call } from '../define';
import { idField, intField } from '../../domain/fields';
import { COUNTING_MODES, groupIdField, roundIdField } from '../../domain/vote-round';
import { MARKS, VOTER_GROUP_KINDS, countsSchema } from '../../vote/terms';
import type { FileDelivery } from '../file-types';
import type { VoteAuditView, VoteConsoleState } from '../vote-types';

const CONSOLE = ['console'] as const;
/** Rounds can be prepared (and looked at) from the desk days before the meeting. */
const OFFICE = ['console', 'desk'] as const;
const vote = call<VoteConsoleState>();

const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `${label}至少2个字`)
    .max(200, `${label}不能超过200个字`);
const names = (label: string) =>
  z
    .array(z.string({ error: `${label}应为姓名` }).trim().min(1, `${label}姓名不能为空`).max(20, `${label}姓名不能超过20个字`), { error: `${label}应为名单` })
    .max(10, `${label}不能超过10人`);
const countsList = z.array(countsSchema, { error: '计票结果应为每名被测评对象一组' }).min(1, '计票结果不能为空').max(60, '被测评对象过多');
const round = { roundId: roundIdField };
const inGroup = { roundId: roundIdField, groupId: groupIdField };
/** Without a meeting: the meeting open on the console (or its rehearsal copy). */
const meetingId = idField('mt', '会议').optional();

/**
 * 民主测评 (vote-rules.md). Every change is durable before it answers with the vote state; the hall
 * gets only its own projection through hall.view, which before announcement holds no counts.
 */
export const voteCalls = {
  'vote.state': vote({ args: z.strictObject({ meetingId, agendaItemId: idField('ag', '议程').optional() }), roles: OFFICE, summary: '民主测评状态' }),
  'vote.prepare': vote({
    args: z.strictObject({
      meetingId,
      agendaItemId: idField('ag', '议程'),
      groups: z
        .array(z.strictObject({ kind: z.enum(VOTER_GROUP_KINDS, { error: '投票人员类别无效' }), label: z.string().trim().min(1).max(20).optional() }), { error: '投票人员类别应为列表' })
        .max(4, '投票人员类别不能超过4类')
        .optional(),
    }),
    roles: OFFICE,
    summary: '准备一轮测评（确定票面上的被测评对象）',
  }),
  'vote.setTellers': vote({
    args: z.strictObject({ ...round, meetingId, tellers: names('计票人'), scrutineers: names('监票人') }),
    roles: OFFICE,
    summary: '登记计票人、监票人',
  }),
  'vote.open': vote({
    args: z.strictObject({
      ...round,
      groups: z
        .array(z.strictObject({ groupId: groupIdField, issued: intField('发出票数', 0, 9999), present: intField('到会人数', 0, 9999).optional() }), { error: '发出票数应按投票人员类别填写' })
        .min(1, '请填写发出票数'),
    }),
    roles: CONSOLE,
    summary: '发票（核对法定人数，登记发出票数）',
  }),
  'vote.close': vote({
    args: z.strictObject({
      ...round,
      groups: z.array(z.strictObject({ groupId: groupIdField, returned: intField('收回票数', 0, 9999) }), { error: '收回票数应按投票人员类别填写' }).min(1, '请填写收回票数'),
    }),
    roles: CONSOLE,
    summary: '收票（登记收回票数）',
  }),
  'vote.mode': vote({ args: z.strictObject({ ...inGroup, mode: z.enum(COUNTING_MODES, { error: '计票方式无效' }) }), roles: CONSOLE, summary: '选择计票方式' }),
  'vote.sheet': vote({
    args: z.strictObject({
      ...inGroup,
      marks: z.array(z.enum(MARKS, { error: '测评意见无效' }), { error: '测评意见应为列表' }).min(1, '尚未录入测评意见').max(60),
      /** The number the operator sees on the screen: a retried or doubled Enter cannot key a sheet twice. */
      no: intField('票号', 1, 9999).optional(),
    }),
    roles: CONSOLE,
    summary: '录入一张测评票',
  }),
  'vote.undoSheet': vote({ args: z.strictObject({ ...inGroup, no: intField('票号', 1, 9999).optional() }), roles: CONSOLE, summary: '撤销最后一张测评票' }),
  'vote.correctSheet': vote({
    args: z.strictObject({ ...inGroup, no: intField('票号', 1, 9999), marks: z.array(z.enum(MARKS, { error: '测评意见无效' })).min(1).max(60), reason: reason('更正理由') }),
    roles: CONSOLE,
    summary: '更正某号测评票',
  }),
  'vote.totals': vote({ args: z.strictObject({ ...inGroup, counts: countsList }), roles: CONSOLE, summary: '录入汇总计票结果' }),
  'vote.doubleEntry': vote({
    args: z.strictObject({ ...inGroup, entry: z.enum(['first', 'second'], { error: '应为第一次或第二次计票' }), counts: countsList }),
    roles: CONSOLE,
    summary: '录入两次计票之一（互不可见）',
  }),
  'vote.confirmDouble': vote({
    args: z.strictObject({ ...inGroup, scrutineer: z.string({ error: '请选择监票人' }).trim().min(1, '请选择监票人').max(20) }),
    roles: CONSOLE,
    summary: '监票人确认两次计票一致',
  }),
  'vote.check': vote({ args: z.strictObject(round), roles: CONSOLE, summary: '核对计票结果' }),
  'vote.announce': vote({ args: z.strictObject(round), roles: CONSOLE, summary: '公布结果（大屏显示，锁定）' }),
  'vote.amend': vote({
    args: z.strictObject({ ...inGroup, counts: countsList, reason: reason('更正理由') }),
    roles: CONSOLE,
    summary: '更正已公布的结果（记录理由和时间）',
  }),
  'vote.void': vote({ args: z.strictObject({ ...round, meetingId, reason: reason('作废理由') }), roles: OFFICE, summary: '作废本轮测评（保留记录）' }),
  'vote.hallPage': vote({ args: z.strictObject({ ...round, page: intField('页码', 0, 99) }), roles: CONSOLE, summary: '大屏显示结果的第几页' }),
  'vote.audit': call<VoteAuditView[]>()({ args: z.strictObject({ ...round, meetingId }), roles: OFFICE, summary: '测评记录（计票日志）' }),
  'vote.auditCsv': call<FileDelivery>()({ args: z.strictObject({ ...round, meetingId }), roles: OFFICE, summary: '导出测评记录（CSV）' }),
};
