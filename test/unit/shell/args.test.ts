import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesktopArgs } from '../../../electron/shell/args';
import { roleArgument, roleFromArgv } from '../../../electron/shell/role-arg';

const cwd = path.resolve('/work/here');

describe('parseDesktopArgs', () => {
  it('reads --data=DIR and --data DIR, resolved against the working folder', () => {
    expect(parseDesktopArgs(['electron', '.', '--data=tmp/d1'], cwd)).toEqual({ dataDir: path.resolve(cwd, 'tmp/d1') });
    expect(parseDesktopArgs(['electron', '.', '--data', '/abs/d2'], cwd)).toEqual({ dataDir: path.resolve('/abs/d2') });
  });

  it('reads --home', () => {
    expect(parseDesktopArgs(['app', '--home=h', '--data=d'], cwd)).toEqual({ homeDir: path.resolve(cwd, 'h'), dataDir: path.resolve(cwd, 'd') });
  });

  it('ignores Chromium switches, the app path and empty values', () => {
    expect(parseDesktopArgs(['electron', '.', '--no-sandbox', '--enable-logging', '--data=', '--data'], cwd)).toEqual({});
    // A following switch is not a value.
    expect(parseDesktopArgs(['app', '--data', '--inspect'], cwd)).toEqual({});
  });

  it('lets the last occurrence win', () => {
    expect(parseDesktopArgs(['app', '--data=a', '--data=b'], cwd).dataDir).toBe(path.resolve(cwd, 'b'));
  });

  it('does not mistake a longer switch for --data', () => {
    expect(parseDesktopArgs(['app', '--data-dir=x', '--database=y'], cwd)).toEqual({});
  });
});

describe('role argument', () => {
  it('round-trips every role', () => {
    for (const role of ['desk', 'console', 'hall'] as const) {
      expect(roleFromArgv(['/opt/app', '--type=renderer', roleArgument(role)])).toBe(role);
    }
  });

  it('grants nothing for a missing, unknown or ambiguous role', () => {
    expect(roleFromArgv(['/opt/app'])).toBeUndefined();
    expect(roleFromArgv([roleArgument('desk').replace('desk', 'admin')])).toBeUndefined();
    expect(roleFromArgv([roleArgument('desk'), roleArgument('hall')])).toBeUndefined();
    expect(roleFromArgv(['--pingyi-role='])).toBeUndefined();
  });
});
