import { z } from 'zod';
import { OFFICE, call } from '../define';
import { yearField } from '../../domain/fields';
import type { FileDelivery } from '../file-types';
import { FIGURE_KEYS } from '../../stats/definitions';
import type { Figure, StatsReport } from '../../stats';

/**
 * What the 统计 screen shows: every year of the term, the running totals and the term, computed on the services' day.
 * The figures come without their records' references (`refs` empty, `refCount` kept): `stats.records` gives them.
 */
export interface StatsView extends StatsReport {
  /** The services' day (YYYY-MM-DD): which report dates have passed. */
  today: string;
  /** The year the screen opens on: the current year within the term. */
  currentYear: number;
}

/** 统计: figures computed from the records (shared/stats), and the 年度工作评议情况报告 built from them. */
export const statsCalls = {
  'stats.view': call<StatsView>()({ args: z.strictObject({}), roles: OFFICE, summary: '统计：按年度和按届计算的各项指标、口径和所依据的记录' }),
  'stats.records': call<Figure>()({
    args: z.strictObject({ from: yearField('起始年度'), to: yearField('截止年度'), key: z.enum(FIGURE_KEYS, { error: '统计指标无效' }) }),
    roles: OFFICE,
    summary: '统计：一项指标及其所依据的记录',
  }),
  'stats.annualReport': call<FileDelivery>()({
    args: z.strictObject({ year: yearField('年度') }),
    roles: OFFICE,
    summary: '导出年度工作评议情况报告（Word，数字、图表和意见建议摘录均由记录计算）',
  }),
};
