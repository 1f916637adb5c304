import { ApiError } from '../../../shared/api/errors';
import { FILE_TYPES, type FileDelivery } from '../../../shared/api/file-types';
import type { loopDocCalls } from '../../../shared/api/calls/loop-docs';
import type { LoopDocsView } from '../../../shared/api/loop-docs-types';
import { letterKey } from '../../../shared/domain/doc-register';
import { formatDocNumber } from '../../../shared/format/doc-number';
import { formatDateCn } from '../../../shared/format/dates';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { hasYear, readCore, readYear, today, updateYear } from '../desk/desk-data';
import {
  buildFollowUpReportDocument,
  buildInterpellationDocument,
  buildLedgerDocument,
  buildResultUseRegisterDocument,
  buildSupervisionLetterDocument,
  supervisionLetterTitle,
} from '../documents';
import { fileNamePart } from '../file-port';
import { deliverDocx, renderDocx } from '../meeting-docs/deliver';
import { yearsWithData } from '../meeting-docs/register';
import { assertUnused, opinionTitles, suggestNumber, takenInSeries, yearNumbers } from '../opinions/numbering';
import { loadFacts, recordFor } from '../opinions/opinion-data';
import { deliveredVersion, loopOf, overdueOn } from './loop-facts';
import { issuedLetterView, letterNumber, letterPrefix, recordLetter, undoLetter } from './letter-register';
import { followUpInput, interpellationInput, interpellationStep, ledgerInput, letterInput, resultUsesInput, yearResultUsesInput } from './paper-inputs';

type LoopDocHandlers = Pick<Handlers, keyof typeof loopDocCalls>;

/**
 * The closed loop's papers (`loopDocs.*`): built from the year partition's `loop` records, rendered in memory, handed
 * to the FilePort. The 督办函 is entered in the 发文登记 before its file is handed over, and taken back if the
 * hand-over fails.
 */
export function loopDocHandlers(ctx: ServiceContext): LoopDocHandlers {
  return {
    'loopDocs.view': async ({ year, evaluationId }): Promise<LoopDocsView> => {
      const [f, years] = await Promise.all([loadFacts(ctx, year, evaluationId), yearsWithData(ctx)]);
      const now = today(ctx);
      const loop = loopOf(f.year);
      const d = deliveredVersion(recordFor(f.year, evaluationId));
      const overdue = d ? overdueOn(f, now.iso) : [];
      const prefix = letterPrefix(f.core.settings.organisation.docPrefix);
      const used = years.flatMap((y) => yearNumbers(y.data));
      const issued = years
        .flatMap((y) => y.data.register?.letters ?? [])
        .filter((l) => l.evaluationId === evaluationId)
        .sort((a, b) => (a.firstExportedAt < b.firstExportedAt ? -1 : 1))
        .map(issuedLetterView);
      const blocker = !d ? '评议意见尚未印发并送达' : overdue.length === 0 ? '没有逾期未报的整改方案或整改情况报告' : null;
      const ledger = loop.ledger.filter((e) => e.evaluationId === evaluationId).length;
      return {
        today: now.iso,
        year,
        evaluationId,
        name: f.evaluatee.name,
        unitName: f.unitName,
        letter: { blocker, overdue, suggestedNumber: suggestNumber(prefix, now.year, used), takenNumbers: takenInSeries(prefix, now.year, used), issued },
        followUpReportBlocker: loop.followUps.some((r) => r.evaluationId === evaluationId) ? null : '还没有回头看记录',
        interpellations: loop.escalation.flatMap((s) =>
          s.evaluationId === evaluationId && s.kind === 'interpellation' ? [{ stepId: s.id, object: s.object, proposedOn: s.proposedOn, proposers: s.proposers.length }] : [],
        ),
        ledgerBlocker: ledger > 0 ? null : '整改台账还没有条目',
        resultUses: loop.resultUses.filter((u) => u.evaluationId === evaluationId).length,
      };
    },

    'loopDocs.supervisionLetter': async ({ year, evaluationId, docNumber, date, replyBy }, caller): Promise<FileDelivery> => {
      const f = await loadFacts(ctx, year, evaluationId);
      const number = letterNumber(docNumber, date);
      const key = letterKey(evaluationId);
      const titleOf = opinionTitles(f.core);
      const years = await yearsWithData(ctx);
      assertUnused(number, years.flatMap((y) => yearNumbers(y.data, titleOf)), key);
      const text = formatDocNumber(number.prefix, number.year, number.seq);
      const input = letterInput(f, { docNumber: text, date, replyBy });
      const bytes = await renderDocx(f.core, buildSupervisionLetterDocument(input));
      const title = supervisionLetterTitle(input.evaluateeName, input.overdue.map((o) => o.what)).replace(/\u2060/g, '');
      const destination = await ctx.files.destination(caller, { fileName: `${fileNamePart(title)}.docx`, contentType: FILE_TYPES.docx });
      if (!destination) return { kind: 'cancelled' } satisfies FileDelivery;
      // Registered durably before the file is handed over, checked again inside the write of the year.
      const others = years.filter((y) => y.year !== year).flatMap((y) => yearNumbers(y.data, titleOf));
      const stamp = new Date(ctx.clock.now()).toISOString();
      const recorded = await updateYear(ctx, year, (y) => recordLetter(y, { evaluationId, docNumber: text, title, date, replyBy }, { others, titleOf, now: stamp }));
      try {
        return await destination.complete(bytes);
      } catch (err) {
        await updateYear(ctx, year, (y) => undoLetter(y, recorded)).catch((undoErr: unknown) =>
          ctx.log.error('letter register undo failed', { evaluationId, docNumber: text, error: String(undoErr) }),
        );
        throw err;
      }
    },

    'loopDocs.followUpReport': async ({ year, evaluationId, date }, caller) => {
      const f = await loadFacts(ctx, year, evaluationId);
      const doc = buildFollowUpReportDocument(followUpInput(f, date));
      return deliverDocx(ctx, caller, f.core, doc, `${fileNamePart(f.evaluatee.name)}回头看调研报告.docx`);
    },

    'loopDocs.interpellation': async ({ year, evaluationId, stepId }, caller) => {
      const f = await loadFacts(ctx, year, evaluationId);
      const step = interpellationStep(f, stepId);
      const doc = buildInterpellationDocument(interpellationInput(f, step));
      return deliverDocx(ctx, caller, f.core, doc, `关于对${fileNamePart(step.object)}的质询案（${formatDateCn(step.proposedOn)}）.docx`);
    },

    'loopDocs.ledger': async ({ year, evaluationId }, caller) => {
      const f = await loadFacts(ctx, year, evaluationId);
      return deliverDocx(ctx, caller, f.core, buildLedgerDocument(ledgerInput(f)), `${fileNamePart(f.evaluatee.name)}整改台账.docx`);
    },

    'loopDocs.resultUses': async ({ year, evaluationId }, caller) => {
      if (evaluationId !== undefined) {
        const f = await loadFacts(ctx, year, evaluationId);
        return deliverDocx(ctx, caller, f.core, buildResultUseRegisterDocument(resultUsesInput(f)), `${fileNamePart(f.evaluatee.name)}评议结果运用登记表.docx`);
      }
      if (!hasYear(ctx, year)) throw new ApiError('not_found', `${year}年度没有评议记录。`);
      const [core, data] = await Promise.all([readCore(ctx), readYear(ctx, year)]);
      const names = new Map(data.evaluations.map((e) => [e.id, core.evaluatees.find((p) => p.id === e.evaluateeId)?.name ?? '（已删除）']));
      const input = yearResultUsesInput(year, loopOf(data).resultUses, (id) => names.get(id) ?? '');
      return deliverDocx(ctx, caller, core, buildResultUseRegisterDocument(input), `${year}年度评议结果运用登记表.docx`);
    },
  };
}
