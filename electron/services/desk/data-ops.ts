import { ApiError } from '../../../shared/api/errors';
import { CORE_KEY, emptyCore, type CoreData } from '../../../shared/domain/partitions';
import type { Handlers } from '../api/dispatch';
import type { dataCalls } from '../../../shared/api/calls/platform';
import type { ServiceContext } from '../api/service-context';
import { moveDataFolder } from '../store';
import { today } from './desk-data';

type DataHandlers = Pick<Handlers, keyof typeof dataCalls>;

function asApiError(err: unknown, fallback: string): unknown {
  if (err instanceof ApiError) return err;
  // A failure of the disk goes on to dispatch, which answers with advice and a request id, never the raw errno text.
  if (/^E[A-Z]+$/.test(String((err as NodeJS.ErrnoException | null)?.code ?? ''))) return err;
  return new ApiError('conflict', err instanceof Error && /[\u4e00-\u9fff]/.test(err.message) ? err.message : `${fallback}：${String(err)}`);
}

/** Restore, move and clear: whole-folder operations, each with a safety backup first. */
export function dataHandlers(ctx: ServiceContext): DataHandlers {
  return {
    'store.restore': async ({ backupId }) => {
      const backups = await ctx.store.listBackups();
      if (!backups.some((b) => b.id === backupId)) throw new ApiError('not_found', `找不到备份 ${backupId}。`);
      const before = new Set(backups.map((b) => b.id));
      try {
        await ctx.store.restore(backupId);
      } catch (err) {
        throw asApiError(err, '恢复失败，数据未更改');
      }
      const safety = (await ctx.store.listBackups()).find((b) => !before.has(b.id) && b.reason === 'before-restore');
      return { restored: backupId, safetyBackup: safety?.id ?? '' };
    },

    'store.moveData': async ({ targetDir }, caller) => {
      // Desktop: the main process's folder dialog; browser mode: the typed path, checked.
      const target = await ctx.files.chooseDataFolder(caller, targetDir);
      if (target === null) return { kind: 'cancelled' };
      let result;
      try {
        result = await moveDataFolder(ctx.store, target, { homeDir: ctx.homeDir });
      } catch (err) {
        throw asApiError(err, '迁移失败，原数据文件夹未更改');
      }
      // The pointer now names the new folder: continue there, as the next start will.
      await ctx.reopen(result.to);
      ctx.log.info('data folder moved', { from: result.from, to: result.to, files: result.files });
      return { kind: 'moved', dataDir: result.to, files: result.files, bytes: result.bytes };
    },

    'demo.clear': async () => {
      const core = await ctx.store.read<CoreData>(CORE_KEY);
      if (!core.settings.demo) throw new ApiError('conflict', '当前数据不是演示数据，不能用此功能清除。');
      const backup = await ctx.store.backup('before-clear', '清除演示数据之前');
      // Meetings, years and core as one change: all of it or none, even across a stop.
      const fresh = emptyCore(today(ctx).year);
      await ctx.store.transact('清除演示数据', async (tx) => {
        for (const key of [...ctx.store.list('meeting'), ...ctx.store.list('year')]) tx.remove(key);
        Object.assign(await tx.draft<CoreData>(CORE_KEY), fresh, { settings: { ...fresh.settings, demo: false } });
      });
      return { backupId: backup.id };
    },
  };
}
