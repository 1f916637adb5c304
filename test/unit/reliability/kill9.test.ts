import { beforeAll, describe, expect, it } from 'vitest';
import { killCycles } from '../../bench/reliability/kill9';
import { buildServe } from './built-host';

/**
 * The short version of `npm run bench -- reliability`'s kill -9 run (reliability.lost), against
 * the real browser-mode host in a child process.
 */
let serveScript: string;
beforeAll(async () => {
  serveScript = await buildServe();
}, 60_000);

describe('kill -9 while sheets are keyed through the API loses no acknowledged sheet', () => {
  it('one sheet at a time, each with its number', async () => {
    const outcome = await killCycles({ cycles: 3, writers: 1, maxSheetsPerCycle: 12, seed: 12, serveScript });
    expect(outcome.acknowledged).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ lost: 0, phantom: 0 });
  }, 60_000);

  it('four keying at once', async () => {
    const outcome = await killCycles({ cycles: 3, writers: 4, maxSheetsPerCycle: 12, seed: 34, serveScript });
    expect(outcome.acknowledged).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ lost: 0, phantom: 0 });
  }, 60_000);
});
