import { ApiError } from '../../../shared/api/errors';
import type { loopCalls } from '../../../shared/api/calls/loop';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';

type WriteNames = Exclude<keyof typeof loopCalls, 'loop.overview' | 'loop.cases' | 'loop.case' | `loop.evidence.${string}`>;
type WriteHandlers = Pick<Handlers, WriteNames>;

const notYet = (): never => {
  throw new ApiError('unavailable', '该功能尚未完成。');
};

export function loopWriteHandlers(_ctx: ServiceContext): WriteHandlers {
  return {
    'loop.ledger.save': notYet,
    'loop.plan.save': notYet,
    'loop.plan.remove': notYet,
    'loop.report.save': notYet,
    'loop.report.remove': notYet,
    'loop.followUp.save': notYet,
    'loop.escalation.save': notYet,
    'loop.escalation.remove': notYet,
    'loop.close': notYet,
    'loop.reopen': notYet,
    'loop.resultUse.save': notYet,
    'loop.resultUse.remove': notYet,
  };
}
