import { z } from 'zod';
import { call, OFFICE } from '../define';
import { idField, requiredText } from '../../domain/fields';
import {
  QUESTION_MAX,
  questionIdField,
  questioningSettingsSchema,
  recordIdField,
  TIMER_KINDS,
  TOPIC_MAX,
  NOTES_MAX,
  findingRefField,
} from '../../domain/questioning';
import type { DrawLogReport, QuestionBankView, QuestioningState } from '../questioning-types';

const none = z.strictObject({});
const CONSOLE = ['console'] as const;
const meetingId = idField('mt', '会议');
const reason = (label: string) => requiredText(label, 200);
const bank = call<QuestionBankView>();
const live = call<QuestioningState>();

/**
 * 随机询问. The desk (and the console) prepare the question bank and the meeting's settings; the
 * console draws, times and minutes the questions. Live calls act on the session's current
 * evaluatee, answer with the console's questioning state once the change is durable, and push
 * the hall's new picture (which never carries the minutes).
 */
export const questioningCalls = {
  'questions.list': bank({ args: z.strictObject({ meetingId }), roles: OFFICE, summary: '题库与询问记录' }),
  'questions.add': bank({
    args: z.strictObject({
      meetingId,
      evaluateeId: idField('ee', '被评议对象'),
      items: z
        .array(z.strictObject({ topic: requiredText('问题主题', TOPIC_MAX), text: requiredText('问题内容', QUESTION_MAX) }), { error: '问题应为列表' })
        .min(1, '请至少填写一个问题')
        .max(200, '一次最多添加200个问题'),
      source: z.enum(['typed', 'pasted'], { error: '问题来源应为录入或批量粘贴' }).default('typed'),
    }),
    roles: OFFICE,
    summary: '添加问题（录入或每行一个粘贴）',
  }),
  'questions.update': bank({
    args: z.strictObject({ meetingId, questionId: questionIdField, topic: requiredText('问题主题', TOPIC_MAX), text: requiredText('问题内容', QUESTION_MAX) }),
    roles: OFFICE,
    summary: '修改问题',
  }),
  'questions.withdraw': bank({
    args: z.strictObject({ meetingId, questionId: questionIdField, reason: z.string({ error: '撤回原因应为文字' }).trim().max(200, '撤回原因不能超过200个字').default('') }),
    roles: OFFICE,
    summary: '撤回问题',
  }),
  'questions.restore': bank({ args: z.strictObject({ meetingId, questionId: questionIdField }), roles: OFFICE, summary: '恢复已撤回的问题' }),
  'questioning.settings': bank({
    args: questioningSettingsSchema.extend({ meetingId }).strict(),
    roles: OFFICE,
    summary: '本次会议的询问设置',
  }),
  'questioning.log': call<DrawLogReport>()({
    args: z.strictObject({ meetingId, rehearsal: z.boolean({ error: '请选择正式会议或彩排' }).default(false) }),
    roles: OFFICE,
    summary: '抽取记录与公平性核查',
  }),

  'questioning.state': live({ args: none, roles: CONSOLE, summary: '随机询问现场状态' }),
  'questioning.draw': live({
    args: z.strictObject({ skipAnimation: z.boolean({ error: '跳过动画应为是或否' }).default(false) }),
    roles: CONSOLE,
    summary: '随机抽取提问人',
  }),
  'questioning.redraw': live({
    args: z.strictObject({ reason: reason('重新抽取的原因'), skipAnimation: z.boolean({ error: '跳过动画应为是或否' }).default(false) }),
    roles: CONSOLE,
    summary: '重新抽取（作废本次抽取，记录原因）',
  }),
  'questioning.undoDraw': live({ args: z.strictObject({ reason: reason('撤销抽取的原因') }), roles: CONSOLE, summary: '撤销本次抽取（记录原因）' }),
  'questioning.newCycle': live({ args: z.strictObject({ reason: reason('开始新一轮的原因') }), roles: CONSOLE, summary: '开始新一轮抽取' }),
  'questioning.skipAnimation': live({ args: none, roles: CONSOLE, summary: '跳过大屏抽取动画' }),
  'questioning.timer': live({
    args: z.strictObject({
      recordId: recordIdField.optional(),
      which: z.enum(TIMER_KINDS, { error: '计时应为答复或追问' }),
      action: z.enum(['start', 'pause', 'reset', 'addMinute'], { error: '计时操作无效' }),
    }),
    roles: CONSOLE,
    summary: '答复计时 / 追问计时',
  }),
  'questioning.notes': live({
    args: z.strictObject({ recordId: recordIdField, notes: z.string({ error: '询问记录应为文字' }).max(NOTES_MAX, `询问记录不能超过${NOTES_MAX}个字`) }),
    roles: CONSOLE,
    summary: '询问记录（答复与追问要点，不上大屏）',
  }),
  'questioning.question': live({
    args: z.strictObject({ recordId: recordIdField, text: z.string({ error: '问题内容应为文字' }).trim().max(2000, '问题内容不能超过2000个字') }),
    roles: CONSOLE,
    summary: '记录现场提出的问题',
  }),
  'questioning.next': live({ args: none, roles: CONSOLE, summary: '结束当前问题' }),
  'questioning.volunteer': live({
    args: z.strictObject({ memberId: idField('mb', '提问人'), questionId: questionIdField.optional() }),
    roles: CONSOLE,
    summary: '登记自由提问（委员未经抽取主动提问）',
  }),
  'questioning.finding': live({
    args: z.strictObject({ recordId: recordIdField, findingId: findingRefField.nullable() }),
    roles: CONSOLE,
    summary: '询问记录所针对的调研发现问题',
  }),
};
