import { resolve } from 'node:path';
import { parseIsoDate } from '../../../shared/format/dates';

export const DEFAULT_PORT = 8617;
const LOOPBACK_HOST = '127.0.0.1';
const ALL_INTERFACES_HOST = '0.0.0.0';

export interface ServeArgs {
  port: number;
  host: string;
  /** The app's own folder holding the pointer file; defaults to the desktop app's folder. */
  home?: string;
  /** Overrides the pointer file (tests, a second data set). */
  data?: string;
  listenAll: boolean;
  openBrowser?: boolean;
  /** 'YYYY-MM-DD': the services' clock is shifted by whole days so that today is this day (rehearsals, tests). */
  today?: string;
  help?: boolean;
}

/** A bad command line; the message is meant for the user as is. */
export class ServeArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServeArgsError';
  }
}

export const SERVE_HELP = `人大工作评议系统 · 浏览器模式

用法：npm run serve -- [选项]
      node dist/serve/serve.mjs [选项]

选项：
  --port N        监听端口（默认 ${DEFAULT_PORT}；0 表示由系统任选一个空闲端口）
  --home DIR      程序自己的文件夹（其中的指针文件记录数据文件夹的位置），默认与桌面版相同
  --data DIR      直接指定数据文件夹（覆盖指针文件，供测试或另一套数据使用）
  --listen-all    同时在局域网地址上监听（默认只监听本机 127.0.0.1）。
                  局域网内知道链接的人都能访问，请只在可信网络中使用。
  --open          启动后用默认浏览器打开“办公桌”页面
  --today 日期    把“今天”设为指定日期，格式 YYYY-MM-DD（用于演练和自动测试；时钟照常走动）
  -h, --help      显示本说明

启动后会打印三个链接（办公桌、会议现场、大屏），每个链接带有一次性的访问口令；
用浏览器打开后口令保存在该浏览器中，之后刷新页面无需再带口令。`;

export const LISTEN_ALL_WARNING =
  '警告：已使用 --listen-all，主机在所有网络地址上监听。局域网内任何拿到链接的人都能访问本系统的数据，请只在可信网络中使用，用完请关闭。';

/** Parses the browser-mode command line (argv without node and script). */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const out: ServeArgs = { port: DEFAULT_PORT, host: LOOPBACK_HOST, listenAll: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    // Accept both `--port 8618` and `--port=8618`.
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (what: string): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new ServeArgsError(`${flag} 后面需要${what}`);
      return v;
    };
    const noValue = () => {
      if (inline !== undefined) throw new ServeArgsError(`${flag} 不接受取值`);
    };
    switch (flag) {
      case '--port':
        out.port = parsePort(value('一个端口号'));
        break;
      case '--home':
        out.home = resolve(value('一个文件夹路径'));
        break;
      case '--data':
        out.data = resolve(value('一个文件夹路径'));
        break;
      case '--listen-all':
        noValue();
        out.listenAll = true;
        out.host = ALL_INTERFACES_HOST;
        break;
      case '--open':
        noValue();
        out.openBrowser = true;
        break;
      case '--today':
        out.today = parseToday(value('一个日期（YYYY-MM-DD）'));
        break;
      case '-h':
      case '--help':
        out.help = true;
        break;
      default:
        throw new ServeArgsError(`不认识的参数：${raw}（用 --help 查看可用选项）`);
    }
  }
  return out;
}

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new ServeArgsError(`端口必须是 1–65535 之间的整数（0 表示任选空闲端口），收到的是：${text}`);
  const port = Number(text);
  if (port > 65535) throw new ServeArgsError(`端口必须是 1–65535 之间的整数（0 表示任选空闲端口），收到的是：${text}`);
  return port;
}

function parseToday(text: string): string {
  if (!parseIsoDate(text)) throw new ServeArgsError(`--today 需要一个存在的日期，格式为 YYYY-MM-DD（例如 2026-12-07），收到的是：${text}`);
  return text;
}
