import type { PlanView } from '../../../../shared/api/desk-types';
import { planTargetProblems } from '../../../../shared/stats/plan-target';
import { useCall } from '../../platform/hooks';

/** On the plan: a warning for each year whose planned department heads reporting in person fall outside the office's target (设置). */
export function PlanTargetNotice({ data }: { data: PlanView }) {
  const settings = useCall('settings.get', {});
  const target = settings.data?.reportsTarget;
  if (!target) return null;
  const perYear = data.years.map((_, i) => data.rows.filter((r) => r.category === '政府组成部门负责人' && r.cells[i]?.mode === 'report').length);
  const problems = planTargetProblems(data.years, perYear, target);
  if (problems.length === 0) return null;
  return (
    <div className="banner warn" role="status" aria-label="每年听取政府组成部门负责人汇报人数">
      {problems.map((p) => (
        <div key={p}>{p}。</div>
      ))}
    </div>
  );
}
