import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock, type Logger } from '../deps';

export interface FileLoggerOptions {
  clock?: Clock;
  /** Also print to the console (default true). */
  console?: boolean;
  /** At creation, a log bigger than this is renamed to pingyi.1.log (the one before is dropped). */
  maxBytes?: number;
}

export interface FileLogger extends Logger {
  readonly file: string;
}

/** The data folder's log folder (also where the export log lives). */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs');
}

/**
 * Appends one line per event to `<dataDir>/logs/pingyi.log`, so a take-over or a recovery can
 * be traced after the fact on the office machine. Synchronous appends: lines stay in order and
 * survive a crash right after; logging is rare enough for that to cost nothing noticeable.
 * A failing disk never breaks the caller: logging errors are swallowed.
 */
export function createFileLogger(dataDir: string, options: FileLoggerOptions = {}): FileLogger {
  const dir = logDirOf(dataDir);
  const file = join(dir, 'pingyi.log');
  const clock = options.clock ?? systemClock;
  const toConsole = options.console ?? true;
  try {
    mkdirSync(dir, { recursive: true });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > (options.maxBytes ?? 5_000_000)) {
      renameSync(file, join(dir, 'pingyi.1.log'));
    }
  } catch {
    // the console still gets the lines
  }
  const write = (level: 'INFO' | 'WARN' | 'ERROR', message: string, details?: Record<string, unknown>) => {
    const line = `${new Date(clock.now()).toISOString()} ${level} ${message}${details ? ` ${safeJson(details)}` : ''}`;
    try {
      appendFileSync(file, `${line}\n`, 'utf8');
    } catch {
      // see above
    }
    if (!toConsole) return;
    if (level === 'ERROR') console.error(`[pingyi] ${line}`);
    else if (level === 'WARN') console.warn(`[pingyi] ${line}`);
    else console.log(`[pingyi] ${line}`);
  };
  return {
    file,
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
