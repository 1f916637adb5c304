import { z } from 'zod';
import { call } from '../define';
import type { ShellStatus } from '../shell-types';

const CONSOLE = ['console'] as const;

/** Displays and the hall window (desktop); in browser mode, the hall's address. */
export const shellCalls = {
  'shell.status': call<ShellStatus>()({ args: z.strictObject({}), roles: CONSOLE, summary: '显示器与大屏窗口' }),
  'shell.chooseHallDisplay': call<ShellStatus>()({
    args: z.strictObject({ displayId: z.string().min(1, '请选择显示器').max(40, '显示器编号无效') }),
    roles: CONSOLE,
    summary: '选择大屏所在的显示器',
  }),
  'shell.openHall': call<ShellStatus>()({ args: z.strictObject({}), roles: CONSOLE, summary: '打开大屏窗口' }),
};
