import type { loopCalls } from '../../../shared/api/calls/loop';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { hasYear, readYear } from '../desk/desk-data';
import { allYears, loopOverview, loopSources, readCase } from './loop-read';
import { caseRow, inLoop } from './loop-view';
import { loopWriteHandlers } from './loop-writes';
import { evidenceHandlers } from './evidence-handlers';

type LoopHandlers = Pick<Handlers, keyof typeof loopCalls>;

export function loopHandlers(ctx: ServiceContext): LoopHandlers {
  return {
    'loop.overview': () => loopOverview(ctx),

    'loop.cases': async ({ year }) => {
      const [src, years] = await Promise.all([loopSources(ctx), year === undefined ? allYears(ctx) : hasYear(ctx, year) ? readYear(ctx, year).then((y) => [y]) : []]);
      return years
        .flatMap((y) => y.evaluations.filter((ev) => inLoop(ev, y)).map((ev) => caseRow(ev, y, src)))
        .sort((a, b) => b.year - a.year || (a.deliveredOn ?? '9999').localeCompare(b.deliveredOn ?? '9999') || a.name.localeCompare(b.name, 'zh-CN'));
    },

    'loop.case': ({ year, evaluationId }) => readCase(ctx, year, evaluationId),

    ...loopWriteHandlers(ctx),
    ...evidenceHandlers(ctx),
  };
}
