import path from 'node:path';

/** Options of ours that take a value (`--data DIR`): their value is never the package. */
const VALUED = new Set(['--data', '--home']);

/**
 * The `.pingyi` file the desktop app was asked to open: Windows and Linux pass it on the command line
 * (the file association of build/electron-builder.json), the first start's `process.argv` or a second
 * start's argv given to the running copy in 'second-instance'. The last such argument wins; switches
 * (Electron's and Chromium's included) and our options' values are skipped; a relative path is taken
 * from the directory the command ran in. Null when there is none.
 */
export function packageFileFromArgv(argv: readonly string[], cwd: string): string | null {
  let found: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      if (VALUED.has(arg)) i++;
      continue;
    }
    if (/\.pingyi$/i.test(arg.trim())) found = path.resolve(cwd, arg.trim());
  }
  return found;
}
