import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ROLES, ROLE_LABELS } from '../../../shared/api/define';
import type { AppServices, AppServicesOptions } from '../app-services';
import { dayShiftedClock, type Clock, type Logger } from '../deps';
import { LISTEN_ALL_WARNING, SERVE_HELP, ServeArgsError, parseServeArgs } from './args';
import { createHttpHost, type HttpHost } from './http-host';
import { loadOrCreateTokens } from './tokens';
import { BrowserShellPort } from '../shell-port';
import { startupFailureMessage } from '../store/messages';

/** Exit codes of `npm run serve`, so scripts and tests can tell failures apart. */
export const EXIT = { ok: 0, badArgs: 1, servicesFailed: 2, listenFailed: 3 } as const;

export const READY_PREFIX = 'PINGYI_READY';

export interface ServeDeps {
  createAppServices(options: AppServicesOptions): Promise<AppServices>;
  /** Called only when --home is absent. */
  defaultHomeDir(): string;
  staticDir: string;
  version: string;
  /** The build's about file (dist/about/about.json). */
  aboutFile?: string;
  out(line: string): void;
  err(line: string): void;
  /** Replaces the services' log file (tests); by default lines go to `<data>/logs/pingyi.log` and the console. */
  log?: Logger;
  openUrl?(url: string): void;
  heartbeatMs?: number;
  /** The real clock `--today` shifts (tests); the system clock by default. */
  clock?: Clock;
}

export type ServeOutcome = { kind: 'exit'; code: number } | { kind: 'running'; host: HttpHost; services: AppServices; stop(): Promise<void> };

/**
 * Everything `electron/serve.ts` does except touching the process (signals, exit), so the
 * start-up paths — locked data folder, port in use, the printed links — are unit-tested.
 */
export async function runServe(argv: readonly string[], deps: ServeDeps): Promise<ServeOutcome> {
  let args;
  try {
    args = parseServeArgs(argv);
  } catch (err) {
    if (!(err instanceof ServeArgsError)) throw err;
    deps.err(err.message);
    return { kind: 'exit', code: EXIT.badArgs };
  }
  if (args.help) {
    deps.out(SERVE_HELP);
    return { kind: 'exit', code: EXIT.ok };
  }

  let services: AppServices;
  // The console learns the hall's address (with its token) through this port once the host listens.
  const shell = new BrowserShellPort();
  try {
    services = await deps.createAppServices({
      homeDir: args.home ?? deps.defaultHomeDir(),
      ...(args.data === undefined ? {} : { dataDir: args.data }),
      mode: 'browser',
      version: deps.version,
      ...(deps.log ? { log: deps.log } : {}),
      ...(args.today === undefined ? {} : { clock: dayShiftedClock(args.today, deps.clock) }),
      ...(deps.aboutFile ? { aboutFile: deps.aboutFile } : {}),
      shell,
    });
  } catch (err) {
    // The store's errors (e.g. the data folder is in use by another host) are written for the user;
    // a failure of the disk is said the way the app says it.
    deps.err(`无法启动：${startupFailureMessage(err, args.data)}`);
    return { kind: 'exit', code: EXIT.servicesFailed };
  }
  const log = deps.log ?? services.log;

  let host: HttpHost;
  try {
    const tokens = await loadOrCreateTokens(services.dataDir, undefined, log);
    host = await createHttpHost({
      dispatch: services.dispatch,
      hub: services.hub,
      tokens,
      staticDir: deps.staticDir,
      port: args.port,
      host: args.host,
      listenAll: args.listenAll,
      log,
      version: deps.version,
      // The links the services' FilePort hands out are served from this same registry.
      downloads: services.downloads,
      // Evidence files uploaded here are attached by the services from this same staging.
      uploads: services.uploads,
      ...(services.gate ? { gate: services.gate } : {}),
      ...(deps.heartbeatMs === undefined ? {} : { heartbeatMs: deps.heartbeatMs }),
    });
  } catch (err) {
    await services.close();
    deps.err(listenFailure(err, args.port));
    return { kind: 'exit', code: EXIT.listenFailed };
  }

  shell.hallUrl = host.url('hall');
  if (!existsSync(join(deps.staticDir, 'index.html'))) {
    deps.err(`提示：找不到界面文件（${deps.staticDir}），页面将无法打开。请先运行 npm run build。`);
  }
  deps.out(`人大工作评议系统 · 浏览器模式 ${deps.version}`);
  deps.out(`数据文件夹：${services.dataDir}`);
  deps.out(`日志：${join(services.dataDir, 'logs', 'pingyi.log')}`);
  if (args.today !== undefined) deps.out(`今天按 --today 设为 ${args.today}（时钟照常走动）`);
  log.info('browser-mode host listening', { origin: host.origin, listenAll: args.listenAll });
  for (const role of ROLES) deps.out(`${ROLE_LABELS[role]}：${host.url(role)}`);
  if (args.listenAll) {
    deps.err(LISTEN_ALL_WARNING);
    for (const address of lanAddresses()) deps.out(`局域网地址：http://${address}:${host.port}/（链接路径与口令同上）`);
  }
  deps.out('以上链接含有访问口令，请勿外传。按 Ctrl+C 停止。');
  deps.out(`${READY_PREFIX} ${host.origin}`);
  if (args.openBrowser) deps.openUrl?.(host.url('desk'));

  let stopping: Promise<void> | undefined;
  return {
    kind: 'running',
    host,
    services,
    stop() {
      // Host first, so no request reaches services that are shutting down.
      stopping ??= host.close().then(() => services.close());
      return stopping;
    },
  };
}

function listenFailure(err: unknown, port: number): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `无法启动：端口 ${port} 已被占用（可能已有一个评议系统主机或其他程序在使用它）。请用 --port 指定其他端口，例如 --port ${port === 65535 ? port - 1 : port + 1}。`;
  }
  if (code === 'EACCES') return `无法启动：没有权限使用端口 ${port}。请用 --port 指定 1024 以上的端口。`;
  if (code === 'EADDRNOTAVAIL') return '无法启动：本机没有这个网络地址。';
  return `无法启动浏览器模式主机：${err instanceof Error ? err.message : String(err)}`;
}

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (!info.internal && info.family === 'IPv4') out.push(info.address);
  }
  return out;
}
