import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { FileDelivery } from '../../../shared/api/file-types';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import type { Clock, Logger } from '../../../electron/services/deps';
import type { StoreFs } from '../../../electron/services/store/store-fs';
import { takeDelivered } from '../exports/delivered';

let t = Date.UTC(2026, 9, 28, 1, 0, 0);
/** The demo meeting's day (28 October), moving a second per reading. */
export const clock: Clock = { now: () => (t += 1000) };

export interface Host {
  s: AppServices;
  /** The app's own folder (open it again with `host(prefix, { homeDir })`). */
  homeDir: string;
  lines: { level: string; message: string; details?: Record<string, unknown> }[];
  call<N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  /** A call as another role (the laptop's console). */
  as<T>(role: 'desk' | 'console', name: string, args?: unknown): Promise<T>;
  /** The call's refusal: code and message. */
  refusal<N extends CallName>(name: N, args: ArgsOf<N>): Promise<{ code: string; message: string }>;
  stage(name: string, bytes: Uint8Array): string;
  take(delivery: FileDelivery): { fileName: string; bytes: Uint8Array };
}

const opened: AppServices[] = [];
const dirs: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** The process dies: the host is never closed (its lock stays behind). */
export function abandon(h: Host): void {
  const at = opened.indexOf(h.s);
  if (at >= 0) opened.splice(at, 1);
}

export async function cleanup(): Promise<void> {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
}

/** `fs`: a disk of the test's making; `homeDir`: an app folder used before (a start after a stop). */
export async function host(prefix: string, options: { fs?: StoreFs; homeDir?: string } = {}): Promise<Host> {
  const lines: Host['lines'] = [];
  const log: Logger = {
    info: (message, details) => lines.push({ level: 'info', message, ...(details ? { details } : {}) }),
    warn: (message, details) => lines.push({ level: 'warn', message, ...(details ? { details } : {}) }),
    error: (message, details) => lines.push({ level: 'error', message, ...(details ? { details } : {}) }),
  };
  const homeDir = options.homeDir ?? (await tempDir(prefix));
  const s = await createAppServices({ homeDir, mode: 'browser', version: 'test', clock, log, backupOnStart: false, ...(options.fs ? { fs: options.fs } : {}) });
  opened.push(s);
  const call = async <N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> => {
    const reply = await s.dispatch('desk', name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as ResultOf<N>;
  };
  return {
    s,
    homeDir,
    lines,
    call,
    as: async <T,>(role: 'desk' | 'console', name: string, args: unknown = {}): Promise<T> => {
      const reply = await s.dispatch(role, name as CallName, args as never);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      return reply.result as T;
    },
    refusal: async (name, args) => {
      const reply = await s.dispatch('desk', name, args);
      if (reply.ok) throw new Error(`${name} was not refused`);
      return { code: reply.error.code, message: reply.error.message };
    },
    stage: (name, bytes) => s.uploads.stage('desk', name, bytes).uploadId,
    take: (delivery) => takeDelivered(s, 'desk', delivery),
  };
}
