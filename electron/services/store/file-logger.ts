import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock, type Logger } from '../deps';

export interface FileLoggerOptions {
  clock?: Clock;
  /** Also print to the console (default true). */
  console?: boolean;
  /** A log that would grow past this size is renamed to pingyi.1.log first (older ones shift to .2, .3 …). */
  maxBytes?: number;
  /** How many rotated files are kept besides pingyi.log (default 3); older ones are deleted. */
  keep?: number;
}

export interface FileLogger extends Logger {
  readonly file: string;
  readonly dir: string;
}

export const LOG_FILE = 'pingyi.log';
export const LOGS_DIR = 'logs';

/** The data folder's log folder (also where the export log lives). */
export function logDirOf(dataDir: string): string {
  return join(dataDir, LOGS_DIR);
}

/**
 * Appends one line per event to `<dataDir>/logs/pingyi.log`, so a take-over, a recovery or a
 * failed call (with the request id the user was shown) can be traced after the fact on the
 * office machine. Size-rotated while running: at `maxBytes` the file becomes pingyi.1.log and
 * the older ones shift up to `keep`, so the folder never grows without bound. Synchronous
 * appends: lines stay in order and survive a crash right after; logging is rare enough for that
 * to cost nothing noticeable. A failing disk never breaks the caller: logging errors are swallowed.
 */
export function createFileLogger(dataDir: string, options: FileLoggerOptions = {}): FileLogger {
  const dir = logDirOf(dataDir);
  const file = join(dir, LOG_FILE);
  const clock = options.clock ?? systemClock;
  const toConsole = options.console ?? true;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const keep = Math.max(1, options.keep ?? 3);
  const rotated = (n: number) => join(dir, `pingyi.${n}.log`);
  let size = 0;
  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (statSync(rotated(n), { throwIfNoEntry: false })) renameSync(rotated(n), rotated(n + 1));
    }
    renameSync(file, rotated(1));
    size = 0;
  };
  try {
    mkdirSync(dir, { recursive: true });
    size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size >= maxBytes) rotate();
  } catch {
    // the console still gets the lines
  }
  const write = (level: 'INFO' | 'WARN' | 'ERROR', message: string, details?: Record<string, unknown>) => {
    const line = `${new Date(clock.now()).toISOString()} ${level} ${message}${details ? ` ${safeJson(details)}` : ''}\n`;
    try {
      const bytes = Buffer.byteLength(line, 'utf8');
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line, 'utf8');
      size += bytes;
    } catch {
      // see above
    }
    if (!toConsole) return;
    const text = `[pingyi] ${line.trimEnd()}`;
    if (level === 'ERROR') console.error(text);
    else if (level === 'WARN') console.warn(text);
    else console.log(text);
  };
  return {
    file,
    dir,
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
  };
}

function safeJson(details: Record<string, unknown>): string {
  try {
    return JSON.stringify(details, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message, code: (value as NodeJS.ErrnoException).code, stack: value.stack } : value,
    );
  } catch {
    return '[details not serialisable]';
  }
}
