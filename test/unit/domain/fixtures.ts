import type { Evaluatee } from '../../../shared/domain/evaluatees';
import type { Evaluation, Stage } from '../../../shared/domain/evaluations';
import type { RandomSource } from '../../../shared/domain/ids';
import { emptyCore, type CoreData } from '../../../shared/domain/partitions';
import type { Unit } from '../../../shared/domain/people';

/** Hand-made records with readable fixed ids, for rule tests that must not depend on the demo. */

export const EDU: Unit = { id: 'un_edu0', name: '县教育局', kind: 'government', note: '' };
export const COURT: Unit = { id: 'un_court0', name: '县人民法院', kind: 'court', note: '' };

export function evaluatee(id: string, over: Partial<Evaluatee> = {}): Evaluatee {
  return {
    id: `ee_${id}`,
    name: `人员${id}`,
    category: '政府组成部门负责人',
    unitId: EDU.id,
    position: '局长',
    postKey: `${EDU.id}/局长`,
    appointmentDate: '2018-03-01',
    note: '',
    ...over,
  };
}

let seq = 0;
export function evaluation(evaluateeId: string, year: number, stage: Stage = 'planned'): Evaluation {
  seq++;
  return { id: `ev_f${String(seq).padStart(4, '0')}`, evaluateeId, year, stage, mode: 'report', note: '' };
}

export function coreWith(evaluatees: Evaluatee[]): CoreData {
  const core = emptyCore(2021);
  core.settings.term = { session: 19, startYear: 2021, endYear: 2025 };
  core.units = [EDU, COURT];
  core.evaluatees = evaluatees;
  return core;
}

/** A counter as random source: predictable ids without a PRNG. */
export function counterRandom(): RandomSource {
  let n = 0;
  return {
    bytes(len) {
      const out = new Uint8Array(len);
      for (let i = 0; i < len; i++) out[i] = n++ & 0xff;
      return out;
    },
  };
}
