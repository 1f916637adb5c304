import type { Handlers } from './dispatch';
import type { ServiceContext } from './service-context';
import { platformHandlers } from './handlers/platform';
import { peopleHandlers } from '../desk/people';
import { planHandlers } from '../desk/plan';
import { meetingHandlers } from '../desk/meetings';
import { dataHandlers } from '../desk/data-ops';
import { liveHandlers } from '../live/live-service';
import { questioningHandlers } from '../questioning/questioning-service';
import { shellHandlers } from './handlers/shell';
import { voteHandlers } from '../vote/vote-service';
import { opinionHandlers } from '../opinions/opinion-handlers';
import { meetingDocHandlers } from '../meeting-docs/meeting-doc-handlers';
import { researchHandlers } from '../meeting-docs/research-handlers';
import { loopDocHandlers } from '../loop-docs/loop-doc-handlers';
import { exportHandlers } from '../exports/export-handlers';
import { aboutHandlers } from '../about/about-service';
import { loopHandlers } from '../loop/loop-handlers';
import { planPaperHandlers } from '../plan-papers/plan-paper-handlers';
import { helpHandlers } from '../help/help-handlers';
import { packageHandlers } from '../package/package-handlers';
import { researchRecordHandlers } from '../research/research-records-handlers';
import { lockHandlers } from '../lock/lock-handlers';
import { sheetHandlers } from '../sheets/sheet-handlers';
import { threadHandlers } from '../thread/thread-service';
import { statsHandlers } from '../stats/stats-handlers';

/** Every call of the contract mapped to its handler; the type makes a missing one a compile error. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...platformHandlers(ctx),
    ...peopleHandlers(ctx),
    ...planHandlers(ctx),
    ...meetingHandlers(ctx),
    ...dataHandlers(ctx),
    ...liveHandlers(ctx),
    ...questioningHandlers(ctx),
    ...shellHandlers(ctx),
    ...voteHandlers(ctx),
    ...opinionHandlers(ctx),
    ...meetingDocHandlers(ctx),
    ...researchHandlers(ctx),
    ...loopDocHandlers(ctx),
    ...exportHandlers(ctx),
    ...aboutHandlers(ctx),
    ...loopHandlers(ctx),
    ...planPaperHandlers(ctx),
    ...helpHandlers(ctx),
    ...packageHandlers(ctx),
    ...researchRecordHandlers(ctx),
    ...lockHandlers(ctx),
    ...sheetHandlers(ctx),
    ...threadHandlers(ctx),
    ...statsHandlers(ctx),
  };
}
