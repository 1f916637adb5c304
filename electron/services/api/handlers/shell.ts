import type { Handlers } from '../dispatch';
import type { shellCalls } from '../../../../shared/api/calls/shell';
import type { ServiceContext } from '../service-context';

export function shellHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof shellCalls> {
  return {
    'shell.status': () => ctx.shell.status(),
    'shell.chooseHallDisplay': ({ displayId }) => ctx.shell.chooseHallDisplay(displayId),
    'shell.openHall': () => ctx.shell.openHall(),
  };
}
