import { EXPORT_WHAT_LABELS, type ExportWhat } from '../../../shared/api/calls/exports';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { reportItems } from '../../../shared/domain/meetings';
import { opinionFileName, type OpinionRecord, type OpinionVersion } from '../../../shared/domain/opinions';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, hasYear, readCore, readYear } from '../desk/desk-data';
import { fileNamePart } from '../file-port';
import { opinionDocSettings } from '../opinions/doc-settings';
import { renderOpinion } from '../opinions/export';
import { meetingOf, recordFor } from '../opinions/opinion-data';
import type { BatchItem } from './runner';

/**
 * What a batch export can hold, one source per kind (the registry is sources.ts): each turns a
 * meeting into its list of files, rendered lazily one at a time by the runner.
 */
export interface ExportSource {
  readonly what: ExportWhat;
  /** The meeting's files of this kind, in agenda order; empty when there are none yet. */
  collect(ctx: ServiceContext, meeting: Readonly<MeetingData>): Promise<BatchItem[]>;
  /** Why there is nothing to export, for the window. */
  readonly empty: string;
}

/** The version an export prints: the latest one issued (a revision in progress does not replace it). */
export function issuedVersion(record: Pick<OpinionRecord, 'versions'>): OpinionVersion | null {
  return [...record.versions].reverse().find((v) => v.issue !== null && v.council !== null) ?? null;
}

export interface IssuedOpinion {
  evaluation: Evaluation;
  version: OpinionVersion;
}

/** The meeting's evaluations with an issued opinion, in the order the meeting heard them. */
export async function issuedOpinionsOf(ctx: ServiceContext, meeting: Readonly<MeetingData>): Promise<{ core: Readonly<CoreData>; year: Readonly<YearData> | null; opinions: IssuedOpinion[] }> {
  const core = await readCore(ctx);
  const yearNo = meeting.meeting.year;
  if (!hasYear(ctx, yearNo)) return { core, year: null, opinions: [] };
  const [year, meetings] = await Promise.all([readYear(ctx, yearNo), allMeetings(ctx)]);
  const order = reportItems(meeting.meeting).map((r) => r.evaluateeId);
  const rank = (ev: Evaluation) => (order.includes(ev.evaluateeId) ? order.indexOf(ev.evaluateeId) : order.length);
  const opinions = year.evaluations
    .filter((ev) => meetingOf(ev, meetings)?.meeting.id === meeting.meeting.id)
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((evaluation) => {
      const record = recordFor(year, evaluation.id);
      const version = record ? issuedVersion(record) : null;
      return version ? [{ evaluation, version }] : [];
    });
  return { core, year, opinions };
}

export const opinionsSource: ExportSource = {
  what: 'opinions',
  empty: '本次会议还没有已印发的评议意见，没有可导出的文件。',
  async collect(ctx, meeting) {
    const { core, opinions } = await issuedOpinionsOf(ctx, meeting);
    const org = core.settings.organisation;
    const documents = core.settings.documents;
    // One settings object for the whole batch, as the single export would compute it for each.
    const settings = opinionDocSettings(org, documents);
    return opinions.map(({ evaluation, version }) => {
      const evaluatee = core.evaluatees.find((e) => e.id === evaluation.evaluateeId);
      const name = evaluatee?.name ?? '（已删除）';
      const unitName = core.units.find((u) => u.id === evaluatee?.unitId)?.name ?? '';
      return {
        fileName: opinionFileName(name, version.no),
        render: async () => new Uint8Array(await renderOpinion(version, { name, unitName, organisation: org, session: core.settings.term.session, documents }, settings)),
      };
    });
  },
};

/** 青岚县第十九届人大常委会第二十三次会议评议意见: the zip's and the folder's name. */
export function batchName(meeting: Readonly<MeetingData>, what: ExportWhat): string {
  return `${fileNamePart(meeting.meeting.name)}${EXPORT_WHAT_LABELS[what]}`;
}
