import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { buildAboutReader } from '../../../electron/services/about/about-service';
import { silentLogger } from '../../../electron/services/deps';

let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

const about = {
  version: '0.1.0',
  builtAt: '2026-12-07T08:00:00.000Z',
  licenses: [{ name: 'zod', version: '4.6.7', license: 'MIT', text: 'MIT License …', shippedAs: ['dependency', 'bundled'] }],
};

async function open(aboutFile?: string) {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-about-'));
  services = await createAppServices({ homeDir: home, mode: 'desktop', version: '0.1.0', log: silentLogger, backupOnStart: false, seedDemo: false, ...(aboutFile ? { aboutFile } : {}) });
  return { services, home };
}

describe('about.info and about.licenses', () => {
  it('tell the version, the build date, the data and log folders, and the licences of the build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-build-'));
    const file = join(dir, 'about.json');
    await writeFile(file, JSON.stringify(about));
    const { services: s, home } = await open(file);
    const info = await s.dispatch('desk', 'about.info', {});
    expect(info).toEqual({
      ok: true,
      result: { productName: '人大工作评议系统', version: '0.1.0', builtAt: about.builtAt, mode: 'desktop', dataDir: join(home, 'data'), logDir: join(home, 'data', 'logs') },
    });
    expect(await s.dispatch('console', 'about.licenses', {})).toEqual({ ok: true, result: about.licenses });
  });

  it('are the office’s only: the hall may not ask', async () => {
    const { services: s } = await open();
    for (const name of ['about.info', 'about.licenses'] as const) {
      expect(await s.dispatch('hall', name, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('run from unbuilt sources: no build date, and a Chinese message instead of an empty licence list', async () => {
    const { services: s } = await open(join(tmpdir(), 'pingyi-no-such-build', 'about.json'));
    expect(await s.dispatch('desk', 'about.info', {})).toMatchObject({ ok: true, result: { builtAt: null } });
    const reply = await s.dispatch('desk', 'about.licenses', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!reply.ok) expect(reply.error.message).toContain('npm run build');
  });
});

describe('buildAboutReader', () => {
  it('names a damaged file and reads it again once it is fixed', async () => {
    let text = '{ not json';
    const read = buildAboutReader('/x/about.json', () => Promise.resolve(text));
    await expect(read()).rejects.toThrow(/\/x\/about\.json.*已损坏/);
    text = JSON.stringify({ ...about, licenses: 'none' });
    await expect(read()).rejects.toThrow(/不完整/);
    text = JSON.stringify(about);
    await expect(read()).resolves.toMatchObject({ builtAt: about.builtAt });
  });
});
