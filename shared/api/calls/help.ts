import { z } from 'zod';
import { OFFICE, call } from '../define';
import type { FileDelivery } from '../file-types';

/** 帮助: the printable 会议当天操作卡 (the guide's pages themselves are part of the renderer). */
export const helpCalls = {
  'help.operationCard': call<FileDelivery>()({
    args: z.strictObject({}),
    roles: OFFICE,
    summary: '导出会议当天操作卡（Word，一页A4）',
  }),
};
