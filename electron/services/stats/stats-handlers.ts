import type { statsCalls } from '../../../shared/api/calls/stats';
import { ApiError } from '../../../shared/api/errors';
import { computeStats, indexRecords, periodStats } from '../../../shared/stats';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { buildAnnualReportDocument, renderStatsCharts } from '../documents';
import { deliverDocx } from '../meeting-docs/deliver';
import { annualReportInput } from './annual-report-input';
import { statsInput, statsView } from './stats-data';

type StatsHandlers = Pick<Handlers, keyof typeof statsCalls>;

/** 统计 (`stats.*`): figures computed from the records on each read, and the annual report built from them. */
export function statsHandlers(ctx: ServiceContext): StatsHandlers {
  return {
    'stats.view': () => statsView(ctx),
    'stats.records': async ({ from, to, key }) => {
      if (to < from) throw new ApiError('invalid_args', `截止年度${to}年不能早于起始年度${from}年。`);
      const { input } = await statsInput(ctx);
      return periodStats(input, indexRecords(input), { from, to }).figures[key];
    },
    'stats.annualReport': async ({ year }, caller) => {
      const { core, input } = await statsInput(ctx);
      const { startYear, endYear } = core.settings.term;
      if (year < startYear || year > endYear) throw new ApiError('invalid_args', `${year}年不在本届（${startYear}—${endYear}年）内，无法生成年度工作评议情况报告。`);
      const report = computeStats(input);
      const charts = await renderStatsCharts(report.series, year);
      const doc = buildAnnualReportDocument(annualReportInput(core, input, year, charts));
      return deliverDocx(ctx, caller, core, doc, `${year}年度工作评议情况报告.docx`);
    },
  };
}
