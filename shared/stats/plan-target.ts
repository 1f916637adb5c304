import type { ReportsTarget } from '../domain/settings';

/**
 * The plan against the office's target of department heads heard in person a year (settings.reportsTarget, 5–6 by
 * default): one message per year of the plan whose heads planned to report in person fall outside it. The statistics compare what
 * was heard; the plan compares what is planned.
 */
export function planTargetProblems(years: readonly number[], reportsPerYear: readonly number[], target: Pick<ReportsTarget, 'min' | 'max'>): string[] {
  const out: string[] = [];
  years.forEach((y, i) => {
    const n = reportsPerYear[i] ?? 0;
    if (n < target.min) out.push(`${y}年计划政府组成部门负责人到会汇报${n}人，少于每年${target.min}—${target.max}人的目标`);
    else if (n > target.max) out.push(`${y}年计划政府组成部门负责人到会汇报${n}人，多于每年${target.min}—${target.max}人的目标`);
  });
  return out;
}
