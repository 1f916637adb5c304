import type { AppServices } from '../../../electron/services/app-services';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { OpinionRecord } from '../../../shared/domain/opinions';
import { emptyLoopData, type LoopData } from '../../../shared/loop/schemas';
import { finishedContent } from '../opinions/fixtures';
import { start } from '../vote-service/support';

/**
 * The services on the demo county (today 2026-10-28 by the test clock) with one evaluation given a delivered opinion
 * (issued 2025-11-01 under the county's own 机关代字, delivered 2025-11-08, so the 整改情况报告 was due on
 * 2026-05-08) and the closed loop's records the test writes.
 */

export interface Seeded {
  s: AppServices;
  year: number;
  evaluationId: string;
  name: string;
  unitName: string;
  fullName: string;
  docPrefix: string;
  opinionNumber: string;
  desk: <N extends CallName>(name: N, args: ArgsOf<N>) => Promise<ResultOf<N>>;
  setLoop: (mutate: (loop: LoopData) => void) => Promise<void>;
  readYear: () => Promise<YearData>;
}

export async function seeded(): Promise<Seeded> {
  const { s } = await start();
  const core = await s.store.read<CoreData>('core');
  const years = [2025, 2026, 2024, 2023].filter((y) => s.store.has(`year/${y}`));
  let found: { year: number; evaluationId: string; evaluateeId: string; name: string; unitName: string } | null = null;
  for (const year of years) {
    const data = await s.store.read<YearData>(`year/${year}`);
    for (const ev of data.evaluations) {
      const person = core.evaluatees.find((e) => e.id === ev.evaluateeId);
      const unit = core.units.find((u) => u.id === person?.unitId);
      if (person && unit) {
        found = { year, evaluationId: ev.id, evaluateeId: person.id, name: person.name, unitName: unit.name };
        break;
      }
    }
    if (found) break;
  }
  if (!found) throw new Error('the demo county has no evaluation with a unit');
  const { year, evaluationId, evaluateeId } = found;
  const docPrefix = core.settings.organisation.docPrefix;
  const opinionNumber = `${docPrefix}〔2025〕21号`;
  const record: OpinionRecord = {
    id: 'op_loopdocs01',
    evaluationId,
    evaluateeId,
    createdAt: '2025-10-29T01:00:00.000Z',
    versions: [
      {
        no: 1,
        createdAt: '2025-10-29T01:00:00.000Z',
        updatedAt: '2025-10-29T01:00:00.000Z',
        reason: '',
        content: finishedContent(),
        council: { date: '2025-10-30', sitting: null },
        issue: { docNumber: opinionNumber, issueDate: '2025-11-01' },
        delivery: { date: '2025-11-08', receivedBy: '王某' },
      },
    ],
  };
  await s.store.update<YearData, void>(`year/${year}`, (data) => {
    data.opinions ??= { records: [], memberOpinions: [] };
    data.opinions.records = data.opinions.records.filter((r) => r.evaluationId !== evaluationId);
    data.opinions.records.push(record);
    // Only this evaluation's loop records: the test writes its own.
    delete data.loop;
  });
  const desk = async <N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> => {
    const reply = await s.dispatch('desk', name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as ResultOf<N>;
  };
  return {
    s,
    ...found,
    fullName: core.settings.organisation.fullName,
    docPrefix,
    opinionNumber,
    desk,
    setLoop: (mutate) =>
      s.store.update<YearData, void>(`year/${year}`, (data) => {
        data.loop ??= emptyLoopData();
        mutate(data.loop);
      }),
    readYear: () => s.store.read<YearData>(`year/${year}`),
  };
}
