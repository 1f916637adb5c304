import type { z } from 'zod';
import { OFFICE, event, type CallSpec, type EventSpec, type Role } from './define';
import { platformCalls } from './calls/platform';
import { deskCalls } from './calls/desk';
import { liveCalls } from './calls/live';
import { opinionCalls } from './calls/opinions';
import { questioningCalls } from './calls/questioning';
import { shellCalls } from './calls/shell';
import { voteCalls } from './calls/vote';
import { documentCalls } from './calls/documents';
import { loopDocCalls } from './calls/loop-docs';
import { planPaperCalls } from './calls/plan-papers';
import { exportCalls, exportEvents } from './calls/exports';
import { aboutCalls } from './calls/about';
import { loopCalls } from './calls/loop';
import { helpCalls } from './calls/help';
import { packageCalls, packageEvents } from './calls/package';
import { researchCalls } from './calls/research';
import { lockCalls } from './calls/lock';
import { sheetCalls } from './calls/sheets';
import { threadCalls } from './calls/thread';
import { statsCalls } from './calls/stats';
import type { ShellStatus } from './shell-types';
import type { HallView, LiveConsoleState } from './live-types';
import type { VoteConsoleState } from './vote-types';
import type { QuestioningState } from './questioning-types';

/**
 * The one API contract. Every call a window can make and every event the services push is
 * declared here, once. The Electron IPC handlers, the preload, the browser-mode host and
 * client are all derived from these two maps: adding a call is one entry plus its handler.
 *
 * Arguments are always strict objects (unknown keys rejected) so a malformed payload never
 * reaches a handler.
 */
export const calls = { ...platformCalls, ...deskCalls, ...liveCalls, ...questioningCalls, ...shellCalls, ...voteCalls, ...opinionCalls, ...documentCalls, ...loopDocCalls, ...exportCalls, ...aboutCalls, ...loopCalls, ...planPaperCalls, ...helpCalls, ...packageCalls, ...researchCalls, ...lockCalls, ...sheetCalls, ...threadCalls, ...statsCalls } satisfies Record<string, CallSpec>;

export const events = {
  /** Some partitions changed durably; office windows refetch what they show. */
  'store.committed': event<{ keys: string[] }>()({ roles: OFFICE, summary: '数据已保存' }),
  /** The live session changed (durably): the console's full state. */
  'live.changed': event<LiveConsoleState>()({ roles: ['console'], summary: '会议现场状态已更新' }),
  /** A vote round changed (durably): the console's vote state (never the hall's). */
  'vote.changed': event<VoteConsoleState>()({ roles: ['console'], summary: '民主测评状态已更新' }),
  /** 随机询问 changed (durably): the console's questioning panel state, with the minutes. */
  'questioning.changed': event<QuestioningState>()({ roles: ['console'], summary: '随机询问状态已更新' }),
  /** What the hall shows now; the only event the hall ever receives. */
  'shell.changed': event<ShellStatus>()({ roles: ['console'], summary: '显示器或大屏窗口有变化' }),
  'hall.view': event<HallView>()({ roles: ['hall', 'console'], summary: '大屏画面已更新' }),
  ...exportEvents,
  ...packageEvents,
} satisfies Record<string, EventSpec>;

export type Calls = typeof calls;
export type CallName = keyof Calls & string;
export type ArgsOf<N extends CallName> = z.input<Calls[N]['args']>;
export type ParsedArgsOf<N extends CallName> = z.output<Calls[N]['args']>;
export type ResultOf<N extends CallName> = Calls[N] extends CallSpec<z.ZodType, infer R> ? R : never;

export type Events = typeof events;
export type EventName = keyof Events & string;
export type PayloadOf<E extends EventName> = Events[E] extends EventSpec<infer P> ? P : never;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

export function roleMayCall(role: Role, name: CallName): boolean {
  return calls[name].roles.includes(role);
}

export function roleReceives(role: Role, name: EventName): boolean {
  return events[name].roles.includes(role);
}

/** What the renderer talks to: the Electron preload and the browser client both satisfy it. */
export interface PlatformApi {
  readonly role: Role;
  readonly mode: 'desktop' | 'browser';
  call<N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  on<E extends EventName>(name: E, handler: (payload: PayloadOf<E>) => void): () => void;
  /** Connection to the services: 'open', or 'lost' while the browser-mode host is away. */
  onConnection(handler: (state: 'open' | 'lost') => void): () => void;
}
