import { z } from 'zod';
import { call } from '../define';
import { ATTENDANCE_STATUSES, HALL_SLIDES, LIVE_STAGES } from '../../domain/live';
import { idField, intField } from '../../domain/fields';
import type { HallView, LiveConsoleState } from '../live-types';

const none = z.strictObject({});
const CONSOLE = ['console'] as const;
const live = call<LiveConsoleState>();

/**
 * The live meeting. Every change answers with the console's new state after it is durable; the
 * hall gets its own projection (hall.view) and can call nothing else.
 */
export const liveCalls = {
  'live.state': live({ args: none, roles: CONSOLE, summary: '会议现场状态' }),
  'live.open': live({
    args: z.strictObject({ meetingId: idField('mt', '会议'), rehearsal: z.boolean({ error: '请选择正式会议或彩排' }) }),
    roles: CONSOLE,
    summary: '打开会议（正式或彩排）',
  }),
  'live.leave': live({ args: none, roles: CONSOLE, summary: '离开会议现场（大屏回到待机画面）' }),
  'live.attendance': live({
    args: z.strictObject({ memberId: idField('mb', '组成人员'), status: z.enum(ATTENDANCE_STATUSES, { error: '签到状态应为出席、缺席或请假' }) }),
    roles: CONSOLE,
    summary: '签到',
  }),
  'live.attendanceAll': live({
    args: z.strictObject({ status: z.enum(ATTENDANCE_STATUSES, { error: '签到状态应为出席、缺席或请假' }) }),
    roles: CONSOLE,
    summary: '全部设为出席/缺席',
  }),
  'live.attendees': live({
    args: z.strictObject({ deputies: intField('列席代表人数', 0, 999), citizens: intField('列席群众人数', 0, 999) }),
    roles: CONSOLE,
    summary: '列席人数',
  }),
  'live.start': live({ args: none, roles: CONSOLE, summary: '开始会议（需符合法定人数）' }),
  'live.move': live({ args: z.strictObject({ to: z.enum(['next', 'prev'], { error: '方向应为下一步或上一步' }) }), roles: CONSOLE, summary: '下一步 / 上一步' }),
  'live.goto': live({
    args: z.strictObject({ itemIndex: z.number({ error: '议程序号应为数字' }).int('议程序号应为整数').min(-1, '议程序号无效'), stage: z.enum(LIVE_STAGES, { error: '阶段无效' }) }),
    roles: CONSOLE,
    summary: '转到议程的某一阶段',
  }),
  'live.undo': live({ args: none, roles: CONSOLE, summary: '撤销上一次议程移动' }),
  'live.slide': live({ args: z.strictObject({ slide: z.enum(HALL_SLIDES, { error: '大屏画面无效' }) }), roles: CONSOLE, summary: '切换大屏画面' }),
  'live.timer': live({
    args: z.strictObject({ action: z.enum(['start', 'pause', 'reset', 'addMinute'], { error: '计时操作无效' }) }),
    roles: CONSOLE,
    summary: '汇报计时',
  }),
  'live.reportMinutes': live({ args: z.strictObject({ minutes: intField('汇报时长（分钟）', 1, 120) }), roles: CONSOLE, summary: '本次会议汇报时长' }),
  'live.end': live({
    args: z.strictObject({ confirm: z.literal('结束会议', { error: '请输入“结束会议”以确认' }) }),
    roles: CONSOLE,
    summary: '结束会议',
  }),
  'live.discardRehearsal': live({ args: none, roles: CONSOLE, summary: '丢弃彩排副本' }),

  'hall.view': call<HallView>()({ args: none, roles: ['hall', 'console'], summary: '大屏画面' }),
};
