import { buildBallotDocument, buildDeliveryReceiptDocument, renderOfficialDocument, type OfficialDocInput } from '../documents';
import type { DocumentSettings } from '../documents';
import { readCore } from '../desk/desk-data';
import { receiptFileName, receiptInput } from '../meeting-docs/paper-inputs';
import { ballotBlocker, ballotFileName, ballotInput, defaultSheets } from '../meeting-docs/round-docs';
import { opinionDocSettings } from '../opinions/doc-settings';
import type { BatchItem } from './runner';
import { issuedOpinionsOf, type ExportSource } from './sources-core';

/**
 * The forms of a meeting as batch sources: 测评票 (one file per prepared round and group counted
 * apart, members + 2 sheets by default — the same file 会议文件 prints one at a time) and 送达回证
 * (one per issued opinion). Inputs and names come from meeting-docs, so a batch file is the very
 * file the single export gives.
 */

const docx =
  (doc: () => OfficialDocInput, settings: DocumentSettings): BatchItem['render'] =>
  async () =>
    new Uint8Array(await renderOfficialDocument(doc(), settings));

export const ballotsSource: ExportSource = {
  what: 'ballots',
  empty: '本次会议还没有准备测评轮次（或都已作废），没有可导出的测评票。',
  async collect(ctx, meeting) {
    const core = await readCore(ctx);
    const settings = opinionDocSettings(core.settings.organisation, core.settings.documents);
    const rounds = meeting.votes.rounds.filter((r) => meeting.meeting.agenda.some((a) => a.id === r.agendaItemId) && ballotBlocker(r) === null);
    return rounds.flatMap((round) =>
      round.groups.map((g) => {
        const sheets = defaultSheets(core, meeting, round, g.id);
        const input = ballotInput(core, meeting, round, g.id, sheets);
        return {
          fileName: ballotFileName(meeting, round, input),
          render: docx(() => buildBallotDocument(input), settings),
        };
      }),
    );
  },
};

export const receiptsSource: ExportSource = {
  what: 'receipts',
  empty: '本次会议还没有已印发的评议意见，没有可导出的送达回证。',
  async collect(ctx, meeting) {
    const { core, opinions } = await issuedOpinionsOf(ctx, meeting);
    const settings = opinionDocSettings(core.settings.organisation, core.settings.documents);
    return opinions.flatMap(({ evaluation, version }) => {
      const evaluatee = core.evaluatees.find((e) => e.id === evaluation.evaluateeId);
      if (!evaluatee) return [];
      return [
        {
          fileName: receiptFileName(evaluatee),
          render: docx(() => buildDeliveryReceiptDocument(receiptInput(core, evaluatee, version)), settings),
        },
      ];
    });
  },
};
