import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFileFromArgv } from '../../../electron/shell/package-arg';

describe('the .pingyi file given on the command line', () => {
  const cwd = path.resolve('/home/办公室');

  it('is found after the executable, absolute or relative to where the command ran', () => {
    expect(packageFileFromArgv(['/opt/pingyi/pingyi', '/media/usb/十月会议-会议包.pingyi'], cwd)).toBe(path.resolve('/media/usb/十月会议-会议包.pingyi'));
    expect(packageFileFromArgv(['pingyi.exe', '会议结果包.PINGYI'], cwd)).toBe(path.join(cwd, '会议结果包.PINGYI'));
  });

  it('skips switches, the values of our own options and other arguments; the last package wins', () => {
    expect(packageFileFromArgv(['electron', '.', '--data', 'x.pingyi', '--allow-file-access-from-files', 'a.pingyi', '--home=/h', 'b.pingyi'], cwd)).toBe(path.join(cwd, 'b.pingyi'));
    expect(packageFileFromArgv(['electron', '.', '--data=/d', 'notes.txt'], cwd)).toBeNull();
  });

  it('never takes the executable itself (argv[0]) nor an empty command line', () => {
    expect(packageFileFromArgv(['/tmp/weird.pingyi'], cwd)).toBeNull();
    expect(packageFileFromArgv([], cwd)).toBeNull();
  });
});
