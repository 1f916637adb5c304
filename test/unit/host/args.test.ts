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

  it('reads --today as a day that exists, strictly', () => {
    expect(parseServeArgs(['--today', '2026-12-07']).today).toBe('2026-12-07');
    expect(parseServeArgs(['--today=2028-02-29']).today).toBe('2028-02-29');
    const message = (argv: string[]) => {
      try {
        parseServeArgs(argv);
      } catch (err) {
        expect(err).toBeInstanceOf(ServeArgsError);
        return (err as Error).message;
      }
      throw new Error('expected an error');
    };
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-5', '20261207', '2026-12-07T00:00', ' 2026-12-07', 'today']) {
      expect(message(['--today', bad]), bad).toBe(`--today 需要一个存在的日期，格式为 YYYY-MM-DD（例如 2026-12-07），收到的是：${bad}`);
    }
    expect(message(['--today'])).toBe('--today 后面需要一个日期（YYYY-MM-DD）');
    expect(message(['--today', '--open'])).toBe('--today 后面需要一个日期（YYYY-MM-DD）');
  });

  it('has Chinese help naming every option', () => {
    for (const option of ['--port', '--home', '--data', '--listen-all', '--open', '--today', '--help']) expect(SERVE_HELP).toContain(option);
    expect(SERVE_HELP).toContain('默认只监听本机');
  });
});
