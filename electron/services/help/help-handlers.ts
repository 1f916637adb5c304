import type { helpCalls } from '../../../shared/api/calls/help';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { readCore } from '../desk/desk-data';
import { buildOperationCardDocument } from '../documents';
import { deliverDocx } from '../meeting-docs/deliver';
import { operationCardInput } from './operation-card';

type HelpHandlers = Pick<Handlers, keyof typeof helpCalls>;

/** 帮助's paper: the 会议当天操作卡, built in memory and handed to the FilePort like every other paper. */
export function helpHandlers(ctx: ServiceContext): HelpHandlers {
  return {
    'help.operationCard': async (_args, caller) => {
      const core = await readCore(ctx);
      const doc = buildOperationCardDocument(operationCardInput(core.settings));
      return deliverDocx(ctx, caller, core, doc, '会议当天操作卡.docx');
    },
  };
}
