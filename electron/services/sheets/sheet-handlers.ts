import { ApiError } from '../../../shared/api/errors';
import type { sheetCalls } from '../../../shared/api/calls/sheets';
import { newId } from '../../../shared/domain/ids';
import type { CoreData } from '../../../shared/domain/partitions';
import { isoDateOf } from '../../../shared/format/dates';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/sheets/import-kinds';
import { planImport, type ImportContext, type ImportOp, type ImportPlan } from '../../../shared/sheets/import-preview';
import type { ImportCommitResult, ImportPreview } from '../../../shared/sheets/import-types';
import type { CallContext, Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { allEvaluations, readCore, readMeeting, updateCore, updateYear } from '../desk/desk-data';
import { fileNamePart } from '../file-port';
import { ledgerInput } from '../loop-docs/paper-inputs';
import { countReportBlocker, findRound, resultGroupInput, roundLabel, voteTitleOf } from '../meeting-docs/round-docs';
import { loadFacts } from '../opinions/opinion-data';
import { readSheet } from './read-sheet';
import { ledgerTable, listTable, planTable, rejectsTable, roundTables, templateTables } from './tables';
import { writeWorkbook, XLSX_TYPE, type SheetTable } from './write-sheet';

type SheetHandlers = Pick<Handlers, keyof typeof sheetCalls>;

/**
 * Import: the staged file is read and planned (shared/sheets) for the preview; the import plans it
 * again inside one store update against the data as it is then, and writes every change of the
 * sheet in that one update (one partition: core for the lists, the year for the plan), so an
 * import is whole or not at all. Export: a SheetTable per list or paper, one writer.
 */
export function sheetHandlers(ctx: ServiceContext): SheetHandlers {
  const staged = (caller: CallContext, uploadId: string) => {
    const file = ctx.uploads.get(caller.role, uploadId);
    if (!file) throw new ApiError('not_found', '所选文件已过期或不存在，请重新选择文件。');
    return file;
  };

  const contextOf = (core: Readonly<CoreData>, evaluations: ImportContext['evaluations']): ImportContext => ({
    members: core.members,
    units: core.units,
    people: core.people,
    evaluatees: core.evaluatees,
    evaluations,
    term: core.settings.term,
    today: isoDateOf(ctx.clock.now()),
    newId: (kind) => newId(kind, ctx.random),
  });

  const plan = async (kind: ImportKind, caller: CallContext, uploadId: string): Promise<{ plan: ImportPlan; preview: ImportPreview }> => {
    const file = staged(caller, uploadId);
    const grid = await readSheet(file.name, file.bytes);
    const [core, evaluations] = await Promise.all([readCore(ctx), allEvaluations(ctx)]);
    const p = planImport(kind, grid, contextOf(core, evaluations));
    if (p.fileError) throw new ApiError('invalid_args', `“${file.name}”不能导入：${p.fileError}`, [{ path: 'file', message: p.fileError }]);
    return { plan: p, preview: { ...p.preview, fileName: file.name } };
  };

  const deliver = async (caller: CallContext, tables: SheetTable[], fileName: string) =>
    ctx.files.deliver(caller, { fileName, contentType: XLSX_TYPE, bytes: await writeWorkbook(tables) });

  return {
    'sheets.template': ({ kind }, caller) => deliver(caller, templateTables(kind), `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`),

    'sheets.preview': async ({ kind, uploadId }, caller) => (await plan(kind, caller, uploadId)).preview,

    'sheets.import': async ({ kind, uploadId, rows }, caller) => {
      const file = staged(caller, uploadId);
      const grid = await readSheet(file.name, file.bytes);
      const evaluations = await allEvaluations(ctx);
      const decide = (p: ImportPlan): ImportOp[] => {
        if (p.fileError) throw new ApiError('invalid_args', p.fileError);
        if (rows === 'all' && p.preview.counts.invalid > 0) {
          throw new ApiError('conflict', `有${p.preview.counts.invalid}行未通过检查，不能全部导入：请修改后重新选择文件，或选择“仅导入正确的行”。`);
        }
        return p.ops;
      };
      const counted = (p: ImportPlan): ImportCommitResult => ({
        created: p.ops.filter((o) => o.action === 'create').length,
        updated: p.ops.filter((o) => o.action === 'update').length,
        unchanged: p.preview.counts.unchanged,
        skipped: p.preview.counts.invalid,
      });
      let result: ImportCommitResult;
      if (kind === 'plan') {
        const core = await readCore(ctx);
        const preview = planImport(kind, grid, contextOf(core, evaluations));
        const year = preview.preview.planYear;
        // Nothing to write (every row unchanged or refused): nothing is written.
        if (year === undefined) result = counted({ ...preview, ops: decide(preview) });
        else result = await updateYear(ctx, year, (data) => {
          // Planned again against this year's partition as it is now.
          const p = planImport(kind, grid, contextOf(core, [...evaluations.filter((ev) => ev.year !== year), ...data.evaluations]));
          for (const op of decide(p)) {
            if (op.target !== 'evaluations') continue;
            const i = data.evaluations.findIndex((ev) => ev.id === op.record.id);
            if (i >= 0) data.evaluations[i] = op.record;
            else data.evaluations.push(op.record);
          }
          return counted(p);
        });
      } else {
        result = await updateCore(ctx, (core) => {
          const p = planImport(kind, grid, contextOf(core, evaluations));
          for (const op of decide(p)) {
            if (op.target === 'evaluations') continue;
            const list = core[op.target] as { id: string }[];
            const i = list.findIndex((x) => x.id === op.record.id);
            if (i >= 0) list[i] = op.record;
            else list.push(op.record);
          }
          return counted(p);
        });
      }
      ctx.log.info('spreadsheet imported', { kind, file: file.name, ...result });
      return result;
    },

    'sheets.rejects': async ({ kind, uploadId }, caller) => {
      const { preview } = await plan(kind, caller, uploadId);
      if (preview.counts.invalid === 0) throw new ApiError('conflict', '所有行都已通过检查，没有需要导出的问题行。');
      return deliver(caller, [rejectsTable(preview)], `${fileNamePart(preview.fileName.replace(/\.[^.]+$/, ''))}-未导入的行.xlsx`);
    },

    'sheets.export': async (args, caller) => {
      const core = await readCore(ctx);
      if (args.what === 'plan') {
        return deliver(caller, [planTable(core, await allEvaluations(ctx))], `${core.settings.term.startYear}—${core.settings.term.endYear}年评议计划.xlsx`);
      }
      if (args.what === 'round') {
        const data = await readMeeting(ctx, args.meetingId);
        const round = findRound(data, args.roundId);
        const blocker = countReportBlocker(round);
        if (blocker || !round.result) throw new ApiError('conflict', `${blocker ?? '本轮测评还没有结果'}，不能导出结果表。`);
        const groups = [...round.result.groups].sort((a, b) => Number(b.binding) - Number(a.binding)).map((g) => resultGroupInput(core, round, g));
        const title = `${voteTitleOf(core, data, round)}${roundLabel(round)}`;
        return deliver(caller, roundTables(data, round, title, groups), `${fileNamePart(data.meeting.name)}${title}结果.xlsx`);
      }
      if (args.what === 'ledger') {
        const f = await loadFacts(ctx, args.year, args.evaluationId);
        return deliver(caller, [ledgerTable(ledgerInput(f))], `${fileNamePart(f.evaluatee.name)}整改台账.xlsx`);
      }
      return deliver(caller, [listTable(args.what, core)], `${IMPORT_KIND_LABELS[args.what]}${args.what === 'members' ? '名单' : ''}.xlsx`);
    },
  };
}
