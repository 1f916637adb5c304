import { ApiError } from '../../../shared/api/errors';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import { sortMembers } from '../../../shared/domain/people';
import type { GroupId, StoredGroupResult, VoteRound } from '../../../shared/domain/vote-round';
import { ROUND_STATE_LABELS, voterGroupLabel } from '../../../shared/vote';
import { DEFAULT_VOTE_TITLES } from '../../../shared/domain/settings';
import type { AnnouncementRoundInput, GradeLabelsInput, ResultGroupInput } from '../documents/builders/announcement';
import type { BallotInput } from '../documents/builders/ballot';
import type { CountReportInput, CountRowInput } from '../documents/builders/count-report';
import { defaultBallotSheets } from '../documents';
import { fileNamePart } from '../file-port';
import { peopleOf } from '../vote/round-result';
import { formatRound } from '../../../shared/format/chinese-numerals';

/**
 * Vote rounds as the generator's inputs. Every figure comes from the round as the vote service
 * stored it (the result frozen at 核对, regraded by an amendment), never recounted here, so a
 * printed table cannot disagree with the record.
 */

/** Rounds whose result was checked (and perhaps announced or amended): a count report exists. */
export const COUNTED_STATES = new Set(['checked', 'announced', 'amended']);
/** Rounds whose result is public: the 通报 may quote it. */
export const PUBLISHED_STATES = new Set(['announced', 'amended']);

/** 单位及职务 of an evaluatee: 县教育局局长. */
export function positionOf(core: Readonly<CoreData>, evaluateeId: string): { name: string; position: string } {
  return peopleOf(core, [evaluateeId])[0] ?? { name: '（已删除）', position: '' };
}

/** The i-th evaluatee of a counted round as the result froze them (older results: as the records say now). */
function resultPerson(core: Readonly<CoreData>, round: Readonly<VoteRound>, i: number): { name: string; position: string } {
  return round.result?.people?.[i] ?? positionOf(core, round.evaluateeIds[i] ?? '');
}

export function roundLabel(round: Pick<VoteRound, 'number'>): string {
  return formatRound(round.number);
}

/** The vote item's title (政府组成部门负责人民主测评), or the meeting vote's title of the settings. */
export function itemTitle(data: Readonly<MeetingData>, round: Pick<VoteRound, 'agendaItemId'>, fallback = DEFAULT_VOTE_TITLES.meeting): string {
  const item = data.meeting.agenda.find((a) => a.id === round.agendaItemId);
  return item?.kind === 'vote' ? item.title : fallback;
}

/**
 * The vote's name in the settings for the round's item: 民主测评 for the meeting's own vote, the
 * later votes' titles (满意度测评, 整改情况测评) for theirs. The ballot is this title plus 票.
 */
export function voteTitleOf(core: Readonly<CoreData>, data: Readonly<MeetingData>, round: Pick<VoteRound, 'agendaItemId'>): string {
  const item = data.meeting.agenda.find((a) => a.id === round.agendaItemId);
  return core.settings.voteTitles[item?.kind === 'vote' ? item.voteKind : 'meeting'];
}

export function findRound(data: Readonly<MeetingData>, roundId: string): Readonly<VoteRound> {
  const round = data.votes.rounds.find((r) => r.id === roundId);
  if (!round) throw new ApiError('not_found', '找不到该轮测评，可能已被删除。');
  return round;
}

function gradeLabels(round: Readonly<VoteRound>): GradeLabelsInput {
  const l = (round.result?.rule ?? round.rule).gradeLabels;
  return { satisfied: l.satisfied, basic: l.basic, unsatisfied: l.unsatisfied };
}

function storedGroup(round: Readonly<VoteRound>, groupId: GroupId): StoredGroupResult {
  const g = round.result?.groups.find((x) => x.id === groupId);
  if (!g) throw new ApiError('not_found', '本轮测评没有该类投票人员的结果。');
  return g;
}

/** The i-th evaluatee's stored counts with the name and post frozen with the result. */
function countRow(core: Readonly<CoreData>, round: Readonly<VoteRound>, r: StoredGroupResult['results'][number], i: number): CountRowInput {
  const c = r.counts;
  return { ...resultPerson(core, round, i), satisfied: c.satisfied, basic: c.basic, unsatisfied: c.unsatisfied, blank: c.blank, invalid: c.invalid, valid: r.valid };
}

/** One group's table rows, in sheet order, straight from the stored result. */
export function resultGroupInput(core: Readonly<CoreData>, round: Readonly<VoteRound>, g: StoredGroupResult): ResultGroupInput {
  return {
    label: g.label,
    binding: g.binding,
    entitled: g.context.entitled,
    present: g.context.present,
    issued: g.context.issued,
    returned: g.context.returned,
    rows: g.results.map((r, i) => ({ ...countRow(core, round, r, i), rateText: r.rateText, outcome: r.outcome })),
  };
}

/** Why a round cannot be announced in a 通报, or null. */
export function announcementBlocker(round: Readonly<VoteRound>): string | null {
  if (round.state === 'void') return '本轮测评已作废';
  if (!PUBLISHED_STATES.has(round.state) || !round.result) return `本轮测评${ROUND_STATE_LABELS[round.state]}，结果公布后才能印发通报`;
  return null;
}

/** Why a round has no count report, or null. */
export function countReportBlocker(round: Readonly<VoteRound>): string | null {
  if (round.state === 'void') return '本轮测评已作废';
  if (!COUNTED_STATES.has(round.state) || !round.result) return `本轮测评${ROUND_STATE_LABELS[round.state]}，计票核对后才能打印报告单`;
  return null;
}

export function announcementRound(core: Readonly<CoreData>, data: Readonly<MeetingData>, round: Readonly<VoteRound>, label?: string): AnnouncementRoundInput {
  const blocker = announcementBlocker(round);
  if (blocker || !round.result) throw new ApiError('conflict', `${blocker ?? '本轮测评没有结果'}。`);
  const result = round.result;
  // Binding group first, groups counted apart after it, as stored.
  const groups = [...result.groups].sort((a, b) => Number(b.binding) - Number(a.binding)).map((g) => resultGroupInput(core, round, g));
  return { ...(label ? { label } : {}), groups, tellers: [...result.tellers], scrutineers: [...result.scrutineers] };
}

/** The published round of each vote item of the meeting (the last announced or amended, non-void one), in agenda order. */
export function publishedRounds(data: Readonly<MeetingData>): Readonly<VoteRound>[] {
  const out: Readonly<VoteRound>[] = [];
  for (const item of data.meeting.agenda) {
    if (item.kind !== 'vote') continue;
    const rounds = data.votes.rounds.filter((r) => r.agendaItemId === item.id && PUBLISHED_STATES.has(r.state) && r.result);
    const last = rounds.reduce<Readonly<VoteRound> | null>((best, r) => (!best || r.number > best.number ? r : best), null);
    if (last) out.push(last);
  }
  return out;
}

export function countReportInput(core: Readonly<CoreData>, data: Readonly<MeetingData>, round: Readonly<VoteRound>, groupId: GroupId): CountReportInput {
  const blocker = countReportBlocker(round);
  if (blocker) throw new ApiError('conflict', `${blocker}。`);
  const g = storedGroup(round, groupId);
  const several = data.meeting.agenda.filter((a) => a.kind === 'vote').length > 1;
  return {
    meetingName: data.meeting.name,
    roundLabel: several ? `${itemTitle(data, round)}${roundLabel(round)}` : roundLabel(round),
    ...(g.binding ? {} : { groupLabel: g.label }),
    date: data.meeting.date,
    entitled: g.context.entitled,
    present: g.context.present,
    issued: g.context.issued,
    returned: g.context.returned,
    gradeLabels: gradeLabels(round),
    rows: g.results.map((r, i) => countRow(core, round, r, i)),
    tellers: [...(round.result?.tellers ?? round.tellers)],
    scrutineers: [...(round.result?.scrutineers ?? round.scrutineers)],
  };
}

/** Active members of the roster: the members' group's voters (ballots: members + 2 spare). */
export function activeMembers(core: Readonly<CoreData>) {
  return sortMembers(core.members.filter((m) => m.active));
}

/** Default sheets of a group's ballot: its voters (the roster, or the attendees counted apart) plus 2 spare. */
export function defaultSheets(core: Readonly<CoreData>, data: Readonly<MeetingData>, round: Readonly<VoteRound>, groupId: GroupId): number {
  const g = round.groups.find((x) => x.id === groupId);
  if (!g || g.group.kind === 'members') return defaultBallotSheets(activeMembers(core).length);
  const known = g.present ?? (g.group.kind === 'deputies' ? data.attendance.deputies : g.group.kind === 'citizens' ? data.attendance.citizens : 0);
  return defaultBallotSheets(known > 0 ? known : activeMembers(core).length);
}

export function ballotBlocker(round: Readonly<VoteRound>): string | null {
  return round.state === 'void' ? '本轮测评已作废' : null;
}

export function ballotInput(core: Readonly<CoreData>, data: Readonly<MeetingData>, round: Readonly<VoteRound>, groupId: GroupId, sheets: number): BallotInput {
  const blocker = ballotBlocker(round);
  if (blocker) throw new ApiError('conflict', `${blocker}，不能打印测评票。`);
  const g = round.groups.find((x) => x.id === groupId);
  if (!g) throw new ApiError('not_found', '本轮测评没有该类投票人员。');
  return {
    meetingName: data.meeting.name,
    voteTitle: voteTitleOf(core, data, round),
    ...(g.group.kind === 'members' ? {} : { groupLabel: voterGroupLabel(g.group) }),
    evaluatees: round.evaluateeIds.map((id) => positionOf(core, id)),
    sheets,
    gradeLabels: gradeLabels(round),
    blankIsAbstention: round.rule.blankPolicy === 'abstain',
  };
}

/** 政府组成部门负责人民主测评第一轮测评票（列席代表）: a vote item's paper named by round and by the group counted apart. */
function roundPaperName(title: string, round: Pick<VoteRound, 'number'>, paper: string, groupLabel: string | undefined): string {
  const group = groupLabel ? `（${groupLabel}）` : '';
  return `${fileNamePart(title)}${roundLabel(round)}${paper}${group}`;
}

/** The 测评票 file's name, the same from 会议文件 and from the batch export. */
export function ballotFileName(data: Readonly<MeetingData>, round: Pick<VoteRound, 'agendaItemId' | 'number'>, input: Pick<BallotInput, 'groupLabel' | 'sheets'>): string {
  return `${roundPaperName(itemTitle(data, round), round, '测评票', input.groupLabel)}（${input.sheets}张）.docx`;
}

export function countReportFileName(data: Readonly<MeetingData>, round: Pick<VoteRound, 'agendaItemId' | 'number'>, input: Pick<CountReportInput, 'groupLabel'>): string {
  return `${roundPaperName(itemTitle(data, round), round, '计票结果报告单', input.groupLabel)}.docx`;
}
