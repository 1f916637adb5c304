import { ApiError } from '../../../shared/api/errors';
import type { loopCalls } from '../../../shared/api/calls/loop';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';

type EvidenceHandlers = Pick<Handlers, Extract<keyof typeof loopCalls, `loop.evidence.${string}`>>;

const notYet = (): never => {
  throw new ApiError('unavailable', '该功能尚未完成。');
};

export function evidenceHandlers(_ctx: ServiceContext): EvidenceHandlers {
  return { 'loop.evidence.attach': notYet, 'loop.evidence.remove': notYet, 'loop.evidence.open': notYet };
}
