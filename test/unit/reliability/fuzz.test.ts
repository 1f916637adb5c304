import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzContract, type FuzzOutcome } from '../../bench/reliability/fuzz';
import { buildServe } from './built-host';

/**
 * The short version of `npm run bench -- reliability`'s contract fuzz (reliability.http500,
 * reliability.rejected_changed), against the real browser-mode host in a child process.
 */
let serveScript: string;
beforeAll(async () => {
  serveScript = await buildServe();
}, 60_000);

describe('every call of the contract, fuzzed over HTTP', () => {
  let outcome: FuzzOutcome;
  beforeAll(async () => {
    // A spread of each call's cases and of the odd meeting names (lone surrogates among them) with
    // their downloads; the bench sends them all.
    outcome = await fuzzContract({ serveScript, perCall: 5, oddNames: 6 });
  }, 120_000);

  it('reaches every call with hundreds of requests, most refused', () => {
    expect(outcome.requests).toBeGreaterThan(500);
    expect(outcome.rejected).toBeGreaterThan(outcome.requests / 2);
  });

  it('never answers HTTP 5xx, nor fails a download of what it accepted', () => {
    expect(outcome.findings.filter((f) => f.status >= 500 || f.status === 0).map((f) => `${f.call} ${f.what}: HTTP ${f.status}`)).toEqual([]);
    expect(outcome.http500).toBe(0);
  });

  it('a refused call changes no partition, meta.json, backup or quarantined file', () => {
    expect(outcome.findings.filter((f) => f.changed).map((f) => `${f.call} ${f.what}: ${f.changed!.join(', ')}`)).toEqual([]);
    expect(outcome.rejectedChanged).toBe(0);
  });
});
