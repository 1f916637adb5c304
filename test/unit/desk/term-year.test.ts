import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { DeskOverview } from '../../../shared/api/desk-types';
import type { OpinionListView } from '../../../shared/api/opinion-types';
import type { Settings } from '../../../shared/domain/settings';

let s: AppServices | undefined;
afterEach(async () => {
  await s?.close();
});

it('the workbench and the opinion list open on the current year in the term, else on the term\'s first or last year', async () => {
  s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-term-year-')), mode: 'browser', version: 't', log: silentLogger, backupOnStart: false });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await s!.dispatch('desk', name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
  const now = new Date().getFullYear();
  const settings = await call<Settings>('settings.get', {});
  expect(settings.term.startYear <= now && now <= settings.term.endYear).toBe(true);
  expect((await call<DeskOverview>('desk.overview', {})).year).toBe(now);
  expect((await call<OpinionListView>('opinions.list', {})).year).toBe(now);

  // A term still to come (the next 届 entered early): its first year.
  const next = { session: settings.term.session + 1, startYear: now + 1, endYear: now + 5 };
  await call('settings.update', { settings: { ...settings, term: next } });
  expect((await call<DeskOverview>('desk.overview', {})).year).toBe(now + 1);
  expect((await call<OpinionListView>('opinions.list', {})).year).toBe(now + 1);

  // A term that has ended: its last year, with that year's evaluations.
  const past = { session: settings.term.session + 2, startYear: settings.term.startYear - 1, endYear: now - 1 };
  await call('settings.update', { settings: { ...settings, term: past } });
  const overview = await call<DeskOverview>('desk.overview', {});
  expect(overview.year).toBe(now - 1);
  expect(overview.evaluationsThisYear).toBeGreaterThan(0);
  expect((await call<OpinionListView>('opinions.list', {})).year).toBe(now - 1);
});
