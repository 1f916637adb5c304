import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';

type Call = <N extends CallName>(name: N, args: ArgsOf<N>) => Promise<ResultOf<N>>;

/**
 * Removes, through the desk's own calls, the research the demo county seeds for a year's
 * evaluations (its groups, activities and findings), so a test starts from a year whose research
 * the office has not recorded yet. `evaluationId` is any evaluation of that year.
 */
export async function clearDemoResearch(call: Call, year: number, evaluationId: string): Promise<void> {
  const { evaluations } = await call('research.records', { year, evaluationId });
  const groups = new Set<string>();
  const activities = new Set<string>();
  for (const ev of evaluations) {
    const view = await call('research.records', { year, evaluationId: ev.evaluationId });
    for (const f of view.findings) await call('research.finding.remove', { year, findingId: f.id });
    for (const a of view.activities) activities.add(a.id);
    if (view.group) groups.add(view.group.id);
  }
  for (const activityId of activities) await call('research.activity.remove', { year, activityId });
  for (const groupId of groups) await call('research.group.remove', { year, groupId });
}
