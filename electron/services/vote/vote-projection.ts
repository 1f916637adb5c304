import type { VoteAuditView, VoteConsoleState, VoteGroupView, VoteItemView, VoteRoundView } from '../../../shared/api/vote-types';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import { AUDIT_ACTION_LABELS, type RoundGroup, type VoteRound } from '../../../shared/domain/vote-round';
import { voteItems } from '../../../shared/domain/meetings';
import { describePolicies, describeRule, gradingSettings, markLabels, marksToKeys, resolveRule, ROUND_STATE_LABELS, ruleSummary } from '../../../shared/vote';
import { personOf } from '../live/people';
import { quorumOf } from '../live/projection';
import { hallPages } from './hall';
import { prepareBlocker } from './round-setup';
import { checkExtras, countedSheets, doubleMismatches, gradeRound, groupCounts, groupLabelOf, roundFailures } from './tally';
import { evaluateeNames } from './vote-data';

/**
 * The console's view of the meeting's votes. Blind double count: while the second entry is
 * pending, nothing here (counts, tally, preview, failures, audit) carries the first entry's numbers.
 */

/** The second teller has not keyed yet: the first count must stay out of sight. */
export function blindPending(g: Readonly<RoundGroup>): boolean {
  return g.mode === 'double' && !g.amended && g.double.first !== null && g.double.second === null;
}

function groupView(round: Readonly<VoteRound>, g: Readonly<RoundGroup>, names: readonly string[]): VoteGroupView {
  const n = names.length;
  const second = g.double.second !== null;
  return {
    id: g.id,
    label: groupLabelOf(g),
    binding: g.id === 'members',
    mode: g.mode,
    entitled: g.entitled,
    present: g.present,
    issued: g.issued,
    returned: g.returned,
    // A void round's sheets stay in the record and its log; the console needs only its summary.
    sheets: round.state === 'void' ? [] : g.sheets.map((s) => ({ no: s.no, keys: marksToKeys(s.marks), at: s.at, corrected: s.corrected })),
    counted: countedSheets(g, n),
    tally: blindPending(g) ? null : groupCounts(g, n),
    double: {
      firstEntered: g.double.first !== null,
      secondEntered: second,
      first: second ? g.double.first : null,
      second: g.double.second,
      mismatches: second
        ? doubleMismatches(g, names, round.rule).map((f) => ({ evaluateeIndex: f.evaluateeIndex ?? 0, mark: f.mark ?? 'satisfied', first: f.first ?? 0, second: f.second ?? 0, message: f.message }))
        : [],
      confirmedBy: g.double.confirmedBy,
    },
    amended: g.amended !== null,
    modeLocked: g.sheets.length > 0 || g.totals !== null || g.double.first !== null,
  };
}

interface Facts {
  running: boolean;
  quorumText: string;
  quorumMet: boolean;
}

function roundView(core: Readonly<CoreData>, data: Readonly<MeetingData>, round: Readonly<VoteRound>, facts: Facts, auditCounts: Map<string, number>): VoteRoundView {
  const names = evaluateeNames(core, round.evaluateeIds);
  const counting = round.state === 'closed' || round.state === 'counting' || round.state === 'checked';
  const failures = counting ? roundFailures(round, names) : [];
  const blind = round.groups.some(blindPending);
  const open: string[] = [];
  if (round.state === 'prepared') {
    if (!facts.running) open.push('会议尚未开始或已经结束，不能发票');
    if (!facts.quorumMet) open.push(`不足法定人数，不能开始投票：${facts.quorumText}`);
  }
  return {
    id: round.id,
    number: round.number,
    state: round.state,
    stateLabel: ROUND_STATE_LABELS[round.state],
    evaluatees: round.evaluateeIds.map((id) => personOf(core, id)),
    tellers: [...round.tellers],
    scrutineers: [...round.scrutineers],
    rule: round.rule,
    groups: round.groups.map((g) => groupView(round, g, names)),
    failures,
    blockers: {
      open,
      close: [],
      check: round.state === 'closed' || round.state === 'counting' ? [...failures, ...checkExtras(round)] : [],
      announce: round.state === 'checked' ? [] : ['请先核对计票结果'],
    },
    preview: counting && !blind ? gradeRound(round, names) : null,
    result: round.result,
    amendments: round.amendments.map((a) => ({ ...a })),
    preparedAt: round.preparedAt,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    checkedAt: round.checkedAt,
    announcedAt: round.announcedAt,
    voidedAt: round.voidedAt,
    voidReason: round.voidReason,
    hallPage: round.hallPage,
    hallPageCount: hallPages(round).length,
    auditCount: auditCounts.get(round.id) ?? 0,
  };
}

export function voteState(core: Readonly<CoreData>, data: Readonly<MeetingData>, rehearsal: boolean, onlyItem?: string): VoteConsoleState {
  const quorum = quorumOf(core, data);
  const facts: Facts = { running: data.live.status === 'running', quorumMet: quorum.met, quorumText: quorum.text };
  const auditCounts = new Map<string, number>();
  for (const e of data.votes.audit) auditCounts.set(e.roundId, (auditCounts.get(e.roundId) ?? 0) + 1);
  const votes = core.settings.votes;
  const rule = resolveRule(votes);
  const items: VoteItemView[] = voteItems(data.meeting)
    .filter((item) => onlyItem === undefined || item.id === onlyItem)
    .map((item) => ({
      agendaItemId: item.id,
      index: data.meeting.agenda.findIndex((a) => a.id === item.id),
      title: item.title,
      kindTitle: core.settings.voteTitles[item.voteKind],
      evaluatees: item.evaluateeIds.map((id) => personOf(core, id)),
      rounds: data.votes.rounds
        .filter((r) => r.agendaItemId === item.id)
        .sort((a, b) => a.number - b.number)
        .map((r) => roundView(core, data, r, facts, auditCounts)),
      prepareBlockedBy: prepareBlocker(data, item.id),
    }));
  const settings = gradingSettings(votes);
  return {
    meetingId: data.meeting.id,
    meetingName: data.meeting.name,
    rehearsal,
    rev: data.live.rev,
    running: facts.running,
    quorum,
    attendees: { deputies: data.attendance.deputies, citizens: data.attendance.citizens },
    markLabels: markLabels(votes.gradeLabels, votes.blankPolicy),
    gradeLabels: votes.gradeLabels,
    currentRule: { text: describeRule(rule, votes.gradeLabels), summary: ruleSummary(rule, votes.gradeLabels), policyText: describePolicies(settings.blankPolicy, settings.rateFormula, votes.gradeLabels) },
    items,
  };
}

const MASKED = '第一次计票结果已录入（第二次计票录入前不显示）';

/** The round's log; a first count stays masked while the second is pending (blind double count). */
export function auditViews(data: Readonly<MeetingData>, round: Readonly<VoteRound>): VoteAuditView[] {
  const labels = new Map(round.groups.map((g) => [g.id, groupLabelOf(g)]));
  const pending = new Set(round.groups.filter(blindPending).map((g) => g.id));
  return data.votes.audit
    .filter((e) => e.roundId === round.id)
    .map((e) => ({
      seq: e.seq,
      at: e.at,
      roundNo: round.number,
      groupLabel: e.groupId ? (labels.get(e.groupId) ?? e.groupId) : null,
      action: e.action,
      actionLabel: AUDIT_ACTION_LABELS[e.action],
      no: e.no,
      detail: e.action === 'double-first' && e.groupId !== null && pending.has(e.groupId) ? MASKED : e.detail,
      reason: e.reason,
    }));
}
