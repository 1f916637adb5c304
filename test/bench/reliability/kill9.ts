import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marksToKeys } from '../../../shared/vote/sheets';
import { postCall, startHost, type Host } from '../../e2e/support/host';
import { Dice, seededRandom } from '../../../electron/services/demo/seeded-random';
import { httpCaller } from './caller';
import { marksOf, missingSheets, openCountingRound, storedSheets } from './vote-session';

export interface KillRunOptions {
  cycles: number;
  /** 1: one sheet at a time, each with the number the operator sees; more: that many keying at once. */
  writers: number;
  /**
   * Each cycle kills after a random number of acknowledged sheets below this, plus a random few
   * ms, so the kill falls between or inside calls whatever the machine's speed.
   */
  maxSheetsPerCycle: number;
  seed: number;
  serveScript?: string;
}

export interface KillRunOutcome {
  cycles: number;
  /** Sheets whose call answered ok before the kill. */
  acknowledged: number;
  /** Acknowledged sheets the restarted host does not hold. */
  lost: number;
  /** Sheets held that no call ever sent (a sheet doubled or made up); must be 0. */
  phantom: number;
}

/**
 * kill -9 of the real browser-mode host at a random moment while sheets are keyed through its
 * API, then a restart with the same command line; after the last cycle every acknowledged sheet
 * must be there. Sheets in flight at the kill may or may not be kept (they were never answered).
 */
export async function killCycles(options: KillRunOptions): Promise<KillRunOutcome> {
  const root = await mkdtemp(join(tmpdir(), 'pingyi-kill9-'));
  const dice = new Dice(seededRandom(options.seed));
  let host: Host = await startHost({ dataDir: join(root, 'data'), homeDir: join(root, 'home'), cwd: root, ...(options.serveScript ? { serveScript: options.serveScript } : {}) });
  const call = httpCaller(() => host);
  try {
    const round = await openCountingRound(call);
    const sent = new Set<string>();
    const acknowledged: string[] = [];
    let counter = 0;
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      let stopped = false;
      let next = (await storedSheets(call, round)).length + 1;
      const killAfter = dice.int(options.maxSheetsPerCycle);
      let ackedNow = 0;
      let reached!: () => void;
      const enough = new Promise<void>((r) => (reached = r));
      if (killAfter === 0) reached();
      const writer = async () => {
        while (!stopped) {
          const marks = marksOf(counter++, round.evaluatees);
          const keys = marksToKeys(marks);
          sent.add(keys);
          const args = { roundId: round.roundId, groupId: round.groupId, marks, ...(options.writers === 1 ? { no: next } : {}) };
          const answer = await postCall(host, 'console', 'vote.sheet', args).catch(() => null);
          if (answer?.reply?.ok) {
            acknowledged.push(keys);
            next++;
            if (++ackedNow >= killAfter) reached();
          } else if (answer && !stopped) {
            throw new Error(`vote.sheet refused (HTTP ${answer.status}): ${answer.reply?.error?.message ?? ''}`);
          }
        }
      };
      const writers = Array.from({ length: options.writers }, writer);
      await Promise.race([enough, Promise.all(writers)]);
      await new Promise((r) => setTimeout(r, dice.int(6)));
      await host.kill9();
      stopped = true;
      await Promise.all(writers);
      host = await host.restart();
    }
    const stored = await storedSheets(call, round);
    return {
      cycles: options.cycles,
      acknowledged: acknowledged.length,
      lost: missingSheets(acknowledged, stored),
      phantom: stored.filter((s) => !sent.has(s.keys)).length,
    };
  } finally {
    await host.stop();
    await rm(root, { recursive: true, force: true });
  }
}
