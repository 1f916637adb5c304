import { ApiError } from '../../../shared/api/errors';
import { FILE_TYPES, type FileDelivery } from '../../../shared/api/file-types';
import type { planPaperCalls } from '../../../shared/api/calls/plan-papers';
import type { PlanPapersView } from '../../../shared/api/plan-papers-types';
import { emptyYear, type YearData } from '../../../shared/domain/partitions';
import { requestKey, upwardOrgan, type NumberedRequest } from '../../../shared/domain/plan-papers';
import { termYears } from '../../../shared/domain/settings';
import { formatDocNumber } from '../../../shared/format/doc-number';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, hasYear, readCore, readYear, today, updateYear } from '../desk/desk-data';
import { buildAnnualPlanDocument, buildPlanRequestDocument, buildPublicNoticeDocument, publicNoticeText, planRequestTitle, renderOfficialDocument, type OfficialDocInput } from '../documents';
import { fileNamePart } from '../file-port';
import { deliverDocx } from '../meeting-docs/deliver';
import { documentSettingsFor, type DocumentSettings } from '../../../shared/domain/document-settings';
import type { CoreData } from '../../../shared/domain/partitions';
import { assertYearOfDate, writableRegister, yearsWithData } from '../meeting-docs/register';
import { assertUnused, suggestNumber, validDocNumber, yearNumbers, opinionTitles } from '../opinions/numbering';
import { annualPlanInput, noticeInput, requestInput, type PlanFacts } from './plan-inputs';

type PlanPaperHandlers = Pick<Handlers, keyof typeof planPaperCalls>;

/**
 * The plan's papers (`planPapers.*`). The 请示 is entered in the 发文登记 (`register.requests` of its number's year)
 * before its file is handed over, and taken back when the hand-over fails; the notice's channel and period are kept
 * in the year partition (`notice`).
 */
export function planPaperHandlers(ctx: ServiceContext): PlanPaperHandlers {
  const readYearOrEmpty = async (year: number): Promise<Readonly<YearData>> => (hasYear(ctx, year) ? readYear(ctx, year) : emptyYear(year));

  async function facts(): Promise<PlanFacts> {
    const core = await readCore(ctx);
    const [years, meetings] = await Promise.all([Promise.all(termYears(core.settings.term).map(readYearOrEmpty)), allMeetings(ctx)]);
    return { core, years, meetings: meetings.map((m) => m.meeting) };
  }

  /** Builds a paper, turning a builder's RangeError (a field it refuses) into the API's refusal. */
  function build<I>(make: (input: I) => OfficialDocInput, input: I): OfficialDocInput {
    try {
      return make(input);
    } catch (err) {
      if (err instanceof RangeError) throw new ApiError('invalid_args', `${err.message}。`);
      throw err;
    }
  }

  async function view(year: number): Promise<PlanPapersView> {
    const [f, all] = await Promise.all([facts(), yearsWithData(ctx)]);
    const now = today(ctx);
    const s = f.core.settings;
    const up = upwardOrgan(s);
    const data = f.years.find((y) => y.year === year) ?? (await readYearOrEmpty(year));
    const used = all.flatMap((y) => yearNumbers(y.data));
    const key = requestKey(s.term.startYear);
    const last = all
      .flatMap((y) => y.data.register?.requests ?? [])
      .filter((r) => r.termStart === s.term.startYear)
      .sort((a, b) => (a.exportedAt < b.exportedAt ? -1 : 1))
      .at(-1);
    const planned = f.years.some((y) => y.evaluations.length > 0);
    let noticeText: string | null = null;
    let noticeBlocker: string | null = null;
    try {
      noticeText = publicNoticeText(noticeInput(f, data, data.notice, now.iso));
    } catch (err) {
      if (!(err instanceof ApiError || err instanceof RangeError)) throw err;
      noticeBlocker = err.message;
    }
    return {
      today: now.iso,
      year,
      request: {
        organ: up.organ,
        docPrefix: up.docPrefix,
        addressee: up.addressee,
        suggestedNumber: suggestNumber(up.docPrefix, now.year, used, key),
        last: last
          ? { docNumber: last.docNumber, date: last.date, signer: last.signer, contactName: last.contactName, contactPhone: last.contactPhone, exports: last.exports }
          : null,
        blocker: planned ? null : '本届计划中还没有列入任何评议对象',
      },
      annualPlanBlocker: data.evaluations.length > 0 ? null : `${year}年度还没有列入计划的评议对象`,
      notice: data.notice ?? null,
      noticeText,
      noticeBlocker,
    };
  }

  return {
    'planPapers.view': ({ year }) => view(year),

    'planPapers.request': async (args, caller): Promise<FileDelivery> => {
      const f = await facts();
      const s = f.core.settings;
      const number = validDocNumber(args.docNumber);
      assertYearOfDate(number, args.date);
      const text = formatDocNumber(number.prefix, number.year, number.seq);
      const key = requestKey(s.term.startYear);
      const titleOf = opinionTitles(f.core);
      const years = await yearsWithData(ctx);
      assertUnused(number, years.flatMap((y) => yearNumbers(y.data, titleOf)), key);
      const input = requestInput(f, { ...args, docNumber: text });
      const bytes = await renderOfficialDocument(build(buildPlanRequestDocument, input), upwardDocSettings(f.core));
      const title = planRequestTitle(input);
      const destination = await ctx.files.destination(caller, { fileName: `${fileNamePart(title)}.docx`, contentType: FILE_TYPES.docx });
      if (!destination) return { kind: 'cancelled' } satisfies FileDelivery;
      const others = years.filter((y) => y.year !== number.year).flatMap((y) => yearNumbers(y.data, titleOf));
      const stamp = new Date(ctx.clock.now()).toISOString();
      const entry: Omit<NumberedRequest, 'firstExportedAt' | 'exports'> = {
        kind: '计划请示',
        docNumber: text,
        title,
        termStart: s.term.startYear,
        date: args.date,
        signer: args.signer,
        contactName: args.contactName,
        contactPhone: args.contactPhone,
        exportedAt: stamp,
      };
      // Registered durably before the file is handed over, the number checked again inside the write of its year.
      const previous = await updateYear(ctx, number.year, (y) => {
        assertUnused(number, [...others, ...yearNumbers(y, titleOf)], key);
        const register = writableRegister(y);
        register.requests ??= [];
        const at = register.requests.findIndex((r) => r.termStart === entry.termStart && r.docNumber === text);
        const before = at >= 0 ? structuredClone(register.requests[at] as NumberedRequest) : null;
        const next: NumberedRequest = { ...entry, firstExportedAt: before?.firstExportedAt ?? stamp, exports: (before?.exports ?? 0) + 1 };
        if (at >= 0) register.requests[at] = next;
        else register.requests.push(next);
        return before;
      });
      try {
        return await destination.complete(bytes);
      } catch (err) {
        await updateYear(ctx, number.year, (y) => {
          const list = y.register?.requests;
          const at = list?.findIndex((r) => r.docNumber === text && r.exportedAt === stamp) ?? -1;
          if (!list || at < 0) return;
          if (previous) list[at] = previous;
          else list.splice(at, 1);
        }).catch((undoErr: unknown) => ctx.log.error('request register undo failed', { docNumber: text, error: String(undoErr) }));
        throw err;
      }
    },

    'planPapers.annualPlan': async ({ year, date }, caller) => {
      const f = await facts();
      const data = await readYearOrEmpty(year);
      const doc = build(buildAnnualPlanDocument, annualPlanInput(f, data, date));
      return deliverDocx(ctx, caller, f.core, doc, `${year}年度工作评议计划.docx`);
    },

    'planPapers.saveNotice': async ({ year, notice }) => {
      const core = await readCore(ctx);
      if (!termYears(core.settings.term).includes(year)) throw new ApiError('invalid_args', `${year}年不在本届计划期内。`);
      await updateYear(ctx, year, (y) => {
        y.notice = notice;
      });
      return view(year);
    },

    'planPapers.notice': async ({ year, date }, caller) => {
      const f = await facts();
      const data = await readYearOrEmpty(year);
      const doc = build(buildPublicNoticeDocument, noticeInput(f, data, data.notice, date));
      return deliverDocx(ctx, caller, f.core, doc, `${year}年度工作评议公告.docx`);
    },
  };
}

/**
 * The 请示's Word settings: an upward organ of its own (the 党组) prints its own red header, its full name with 文件,
 * sized automatically; without one the Standing Committee's settings are used as they are.
 */
export function upwardDocSettings(core: Readonly<CoreData>): DocumentSettings {
  const s = core.settings;
  const own = s.upward.organ.trim();
  if (own === '') return documentSettingsFor({ organisation: s.organisation, documents: s.documents });
  return documentSettingsFor({
    organisation: { ...s.organisation, fullName: own },
    documents: { ...s.documents, organHeader: { text: null, sizePt: null, scalePercent: null } },
  });
}
