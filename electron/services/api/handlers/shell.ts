import type { Handlers } from '../dispatch';
import type { ServiceContext } from '../service-context';

export function shellHandlers(ctx: ServiceContext): Pick<Handlers, 'shell.status' | 'shell.chooseHallDisplay' | 'shell.openHall'> {
  return {
    'shell.status': () => ctx.shell.status(),
    'shell.chooseHallDisplay': ({ displayId }) => ctx.shell.chooseHallDisplay(displayId),
    'shell.openHall': () => ctx.shell.openHall(),
  };
}
