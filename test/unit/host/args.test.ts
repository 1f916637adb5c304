import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, SERVE_HELP, ServeArgsError, parseServeArgs } from '../../../electron/services/host/args';

describe('parseServeArgs', () => {
  it('defaults to loopback on the fixed port', () => {
    expect(parseServeArgs([])).toEqual({ port: DEFAULT_PORT, host: '127.0.0.1', listenAll: false });
    expect(DEFAULT_PORT).toBe(8617);
  });

  it('reads every option, in both spellings', () => {
    expect(parseServeArgs(['--port', '9000', '--home', 'h', '--data=d', '--open'])).toEqual({
      port: 9000,
      host: '127.0.0.1',
      home: resolve('h'),
      data: resolve('d'),
      listenAll: false,
      openBrowser: true,
    });
    expect(parseServeArgs(['--port=0']).port).toBe(0);
    expect(parseServeArgs(['--listen-all'])).toMatchObject({ host: '0.0.0.0', listenAll: true });
    expect(parseServeArgs(['-h']).help).toBe(true);
  });

  it('explains bad values in Chinese', () => {
    const message = (argv: string[]) => {
      try {
        parseServeArgs(argv);
      } catch (err) {
        expect(err).toBeInstanceOf(ServeArgsError);
        return (err as Error).message;
      }
      throw new Error('expected an error');
    };
    for (const bad of ['abc', '65536', '-1', '80.5', '1e3', '']) {
      expect(message([`--port=${bad}`]), bad).toMatch(bad === '' ? /--port 后面需要一个端口号/ : /端口必须是 1–65535 之间的整数/);
    }
    expect(message(['--port'])).toBe('--port 后面需要一个端口号');
    expect(message(['--home', '--data', 'x'])).toBe('--home 后面需要一个文件夹路径');
    expect(message(['--listen-all=yes'])).toBe('--listen-all 不接受取值');
    expect(message(['--listen', '1'])).toMatch(/^不认识的参数：--listen/);
  });

  it('has Chinese help naming every option', () => {
    for (const option of ['--port', '--home', '--data', '--listen-all', '--open', '--help']) expect(SERVE_HELP).toContain(option);
    expect(SERVE_HELP).toContain('默认只监听本机');
  });
});
