import path from 'node:path';

/**
 * The app's own folder (Electron userData) for this run: `--home DIR` when given; from a
 * checkout (`electron .`, not packaged) a folder of its own beside the installed app's, so a
 * developer's or tester's run never opens, locks or changes the office's data; otherwise
 * undefined (Electron's default for the installed app).
 */
export function desktopHome(input: { homeArg: string | undefined; isPackaged: boolean; appData: string; productName: string }): string | undefined {
  if (input.homeArg) return input.homeArg;
  if (!input.isPackaged) return path.join(input.appData, `${input.productName}-dev`);
  return undefined;
}

/** Creates the app's folder when missing (Electron refuses a userData that does not exist); a Chinese message when it cannot. */
export function ensureHome(dir: string, mkdir: (dir: string) => void): string | null {
  try {
    mkdir(dir);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const why = code === 'EACCES' || code === 'EPERM' ? '没有权限' : code === 'ENOTDIR' || code === 'EEXIST' ? '同名的文件已存在' : code === 'EROFS' ? '磁盘为只读' : '无法创建';
    return `无法创建程序文件夹 ${dir}（${why}）。请检查 --home 指定的位置，或换一个可写的文件夹。`;
  }
}

/**
 * The ozone platform to ask for before the app is ready: on a Linux Wayland session, X11
 * (through XWayland) — Wayland does not let a program place its windows, and the hall must
 * go to the projector. Nothing when an X server is not there (DISPLAY unset: forcing X11
 * would not start), when the user chose a platform on the command line, or elsewhere.
 */
export function ozonePlatformFor(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): 'x11' | null {
  if (platform !== 'linux') return null;
  if (argv.some((a) => a === '--ozone-platform' || a.startsWith('--ozone-platform='))) return null;
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY ?? '') !== '';
  if (!wayland) return null;
  return (env.DISPLAY ?? '') !== '' ? 'x11' : null;
}

/** How long quitting waits for the services to finish writing and release the folder before the app exits anyway. */
export const QUIT_WAIT_MS = 8_000;

export interface TimerPort {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: TimerPort = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Waits for `work` at most `ms`: a data folder that vanished (USB stick pulled, network drive
 * gone) can leave a write hanging, and quitting must not hang with it.
 */
export function boundedWait(work: Promise<unknown>, ms: number, timers: TimerPort = realTimers): Promise<'done' | 'failed' | 'timed-out'> {
  return new Promise((resolve) => {
    const handle = timers.set(() => resolve('timed-out'), ms);
    work.then(
      () => {
        timers.clear(handle);
        resolve('done');
      },
      () => {
        timers.clear(handle);
        resolve('failed');
      },
    );
  });
}
