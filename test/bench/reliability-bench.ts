import { describeCase, corruptionMatrix } from './reliability/corruption';
import { fuzzContract } from './reliability/fuzz';
import { killCycles } from './reliability/kill9';
import { report } from './stats';

/** Cycles per keying style; the issue asks for at least 30. */
const KILL_CYCLES = 30;

/**
 * The data-safety guarantees as figures (goal 0 for lost, silent, meeting_lost, http500 and
 * rejected_changed). Each run builds its own folders from the demo county. What fell short is
 * listed on stderr, one line per case, so the stdout figures stay machine-readable.
 */
export async function reliabilityBench(): Promise<void> {
  const seed = Number(process.env.PINGYI_SEED ?? Date.now() % 1_000_000);
  console.error(`reliability: kill -9 seed ${seed} (PINGYI_SEED=${seed} repeats it)`);
  const sequential = await killCycles({ cycles: KILL_CYCLES, writers: 1, maxSheetsPerCycle: 40, seed });
  const parallel = await killCycles({ cycles: KILL_CYCLES, writers: 4, maxSheetsPerCycle: 40, seed: seed + 1 });
  report('reliability.kill.cycles', sequential.cycles + parallel.cycles, 'count');
  report('reliability.kill.acknowledged', sequential.acknowledged + parallel.acknowledged, 'count');
  report('reliability.lost', sequential.lost + parallel.lost, 'count');
  report('reliability.phantom', sequential.phantom + parallel.phantom, 'count');

  const matrix = await corruptionMatrix();
  for (const r of matrix.results) {
    const short = r.refused !== null || (!r.notice && !r.acknowledged) || r.sheetsMissing > 0 || !(r.acknowledged || r.backedUp) || !r.overviewOk;
    if (short) console.error(`reliability: ${describeCase(r)}`);
  }
  report('reliability.silent', matrix.silent, 'count');
  report('reliability.meeting_lost', matrix.meetingLost, 'count');
  report('reliability.restored_exact', matrix.restoredExact, 'count');
  report('reliability.cases', matrix.cases, 'count');

  const fuzz = await fuzzContract();
  for (const f of fuzz.findings) console.error(`reliability: ${f.call} ${f.what}: HTTP ${f.status} ${f.message}${f.changed ? ` changed ${f.changed.join(', ')}` : ''}`);
  report('reliability.fuzz.requests', fuzz.requests, 'count');
  report('reliability.http500', fuzz.http500, 'count');
  report('reliability.rejected_changed', fuzz.rejectedChanged, 'count');
}
