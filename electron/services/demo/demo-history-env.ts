/** What every part of the demo history takes (`HistoryEnv`), and the records it looks up on the way. */
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { RandomSource } from '../../../shared/domain/ids';
import { emptyLoopData, type LoopData } from '../../../shared/loop';
import type { Dice } from './seeded-random';

export interface HistoryEnv {
  core: CoreData;
  random: RandomSource;
  dice: Dice;
  /** 'YYYY-MM-DD': records that would fall after it are not written (the case waits there). */
  today: string;
  /** Office staff who count the ballots (计票人), never members. */
  tellers: readonly string[];
}

/** An instant on a local day: meetings vote in the morning, read back as that day anywhere from UTC−2 to UTC+14. */
export function at(day: string, minutes = 0): string {
  const m = 150 + minutes;
  return `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`;
}

export function loopOf(year: YearData): LoopData {
  year.loop ??= emptyLoopData();
  return year.loop;
}

export function evaluateeOf(env: HistoryEnv, ev: Pick<Evaluation, 'evaluateeId'>) {
  const e = env.core.evaluatees.find((x) => x.id === ev.evaluateeId);
  if (!e) throw new Error(`demo history: no evaluatee ${ev.evaluateeId}`);
  return e;
}

export function unitName(env: HistoryEnv, unitId: string): string {
  return env.core.units.find((u) => u.id === unitId)?.name ?? '';
}

export function evaluationOf(year: YearData, evaluationId: string): Evaluation {
  const ev = year.evaluations.find((e) => e.id === evaluationId);
  if (!ev) throw new Error(`demo history: no evaluation ${evaluationId}`);
  return ev;
}
