import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cryptoRandom, silentLogger } from '../../../electron/services/deps';
import { countInProgress } from '../../../electron/services/lock/lock-handlers';
import { lockFilePath } from '../../../electron/services/lock/lock-file';
import { LockService } from '../../../electron/services/lock/lock-service';
import { nodeStoreFs } from '../../../electron/services/store/store-fs';
import type { Store } from '../../../electron/services/store/types';

const MIN = 60_000;
const cheap = { N: 1024, r: 8, p: 1, keyLength: 32 };

async function service(counting: { now: boolean }) {
  let t = 0;
  const clock = { now: () => t };
  const lock = await LockService.open({
    file: lockFilePath(await mkdtemp(join(tmpdir(), 'pingyi-lock-'))),
    fs: nodeStoreFs,
    clock,
    random: cryptoRandom,
    log: silentLogger,
    countInProgress: async () => counting.now,
    scrypt: cheap,
  });
  return { lock, advance: (ms: number) => void (t += ms) };
}

describe('an idle lock during a vote count', () => {
  it('never interrupts the count: the console stays unlocked while a round is open, the desk does not', async () => {
    const counting = { now: false };
    const { lock, advance } = await service(counting);
    await lock.setup('desk', 'password-1', 10);
    await lock.unlock('console', 'password-1');
    counting.now = true;
    advance(45 * MIN);
    expect(await lock.gate('console', 'vote.keySheet')).toBeNull();
    expect(await lock.status('console')).toMatchObject({ locked: false, countInProgress: true });
    expect(await lock.gate('desk', 'settings.get')).toMatchObject({ code: 'screen_locked' });
    // the result is announced: ten minutes without use from then on
    counting.now = false;
    advance(9 * MIN);
    expect(await lock.gate('console', 'live.state')).toBeNull();
    advance(MIN);
    expect(await lock.gate('console', 'live.state')).toMatchObject({ code: 'screen_locked' });
  });
});

describe('countInProgress', () => {
  function storeWith(active: unknown, rounds: { state: string }[] | null): Pick<Store, 'read' | 'has'> {
    return {
      has: (key: string) => rounds !== null && key.startsWith('meeting/'),
      read: (async (key: string) => (key === 'session' ? { active } : { votes: { rounds } })) as Store['read'],
    };
  }
  it('is true from handing out the ballots until the result is announced, on the open session only', async () => {
    const active = { meetingId: 'mt_abcd1234', rehearsal: false };
    for (const [state, expected] of [
      ['prepared', false],
      ['open', true],
      ['closed', true],
      ['counting', true],
      ['checked', true],
      ['announced', false],
      ['void', false],
    ] as const) {
      expect(await countInProgress({ store: storeWith(active, [{ state }]) as Store })).toBe(expected);
    }
    expect(await countInProgress({ store: storeWith(null, [{ state: 'open' }]) as Store })).toBe(false);
    expect(await countInProgress({ store: storeWith(active, null) as Store })).toBe(false);
  });
});
