import path from 'node:path';

/** Command-line options of the desktop app (`electron . --data=DIR`, or the installed executable). */
export interface DesktopArgs {
  /** `--data DIR`: use this data folder instead of the one the pointer file names (tests). */
  dataDir?: string;
  /** `--home DIR`: the app's own folder (Electron userData), so parallel test runs don't share it. */
  homeDir?: string;
}

/**
 * Reads `--name=value` or `--name value`. Electron and Chromium add their own switches to argv,
 * so anything we do not know is ignored rather than refused.
 */
function optionValue(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`--${name}=`)) found = arg.slice(name.length + 3);
    else if (arg === `--${name}`) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) found = next;
    }
  }
  // The last occurrence wins, as with most command lines.
  return found === undefined || found === '' ? undefined : found;
}

export function parseDesktopArgs(argv: readonly string[], cwd: string = process.cwd()): DesktopArgs {
  const out: DesktopArgs = {};
  const data = optionValue(argv, 'data');
  const home = optionValue(argv, 'home');
  if (data !== undefined) out.dataDir = path.resolve(cwd, data);
  if (home !== undefined) out.homeDir = path.resolve(cwd, home);
  return out;
}
