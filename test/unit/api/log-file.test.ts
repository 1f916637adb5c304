import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../electron/services/app-services';
import { createFileLogger } from '../../../electron/services/store/file-logger';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const temp = async () => {
  const d = await mkdtemp(join(tmpdir(), 'pingyi-log-'));
  dirs.push(d);
  return d;
};

describe('the log file', () => {
  it('rotates by size while running and keeps a few files', async () => {
    const dir = await temp();
    const log = createFileLogger(dir, { console: false, maxBytes: 400, keep: 3 });
    for (let i = 0; i < 40; i++) log.info(`line ${String(i).padStart(3, '0')}`, { filler: 'x'.repeat(40) });
    const files = (await readdir(join(dir, 'logs'))).sort();
    expect(files).toEqual(['pingyi.1.log', 'pingyi.2.log', 'pingyi.3.log', 'pingyi.log']);
    for (const f of files) expect((await readFile(join(dir, 'logs', f))).length).toBeLessThanOrEqual(400);
    // newest lines in pingyi.log, the ones before in .1, .2, .3 in order; the oldest are gone
    const read = async (f: string) => (await readFile(join(dir, 'logs', f), 'utf8')).match(/line \d{3}/g) ?? [];
    const all = [...(await read('pingyi.3.log')), ...(await read('pingyi.2.log')), ...(await read('pingyi.1.log')), ...(await read('pingyi.log'))];
    expect(all.at(-1)).toBe('line 039');
    expect(all).toEqual([...all].sort());
    expect(all).not.toContain('line 000');
  });

  it('the services write start, refusals with their reason, faults with the id and stop to <data>/logs/pingyi.log', async () => {
    const home = await temp();
    const services = await createAppServices({ homeDir: home, mode: 'browser', version: 'test', backupOnStart: false, logToConsole: false });
    const refused = await services.dispatch('hall', 'members.list', {});
    expect(refused.ok).toBe(false);
    const status = await services.dispatch('desk', 'store.status', {});
    if (!status.ok) throw new Error('status failed');
    expect((status.result as { logDir: string }).logDir).toBe(join(services.dataDir, 'logs'));
    await services.close();
    const text = await readFile(join(services.dataDir, 'logs', 'pingyi.log'), 'utf8');
    expect(text).toMatch(/INFO services started .*"mode":"browser"/);
    expect(text).toMatch(/INFO call refused .*"role":"hall".*"call":"members.list".*"code":"forbidden".*"reason":"此窗口/);
    expect(text).toMatch(/INFO services stopping/);
  });
});
