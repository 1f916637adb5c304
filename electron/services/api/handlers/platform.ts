import { join } from 'node:path';
import type { BackupView, StoreStatus } from '../../../../shared/api/platform-types';
import type { ServiceContext } from '../service-context';
import type { Handlers } from '../dispatch';
import type { dataCalls, platformCalls } from '../../../../shared/api/calls/platform';
import { LOGS_DIR } from '../../store/file-logger';

type PlatformHandlers = Pick<Handlers, Exclude<keyof typeof platformCalls, keyof typeof dataCalls>>;

export function platformHandlers(ctx: ServiceContext): PlatformHandlers {
  return {
    'app.info': (_args, { role }) => ({ productName: '人大工作评议系统', version: ctx.version, role, mode: ctx.mode }),
    'store.status': (): StoreStatus => ({
      dataDir: ctx.store.dataDir,
      homeDir: ctx.homeDir,
      pointerFile: ctx.pointerFile,
      logDir: join(ctx.store.dataDir, LOGS_DIR),
      notices: ctx.store.notices(),
    }),
    'store.listBackups': async (): Promise<BackupView[]> => ctx.store.listBackups(),
    'store.backup': async ({ label }): Promise<BackupView> => ctx.store.backup('manual', label ?? '手动备份'),
  };
}
