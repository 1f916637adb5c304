import type { HallContent } from '../../../shared/api/live-types';
import type { HallVoteContent, HallVoteRow } from '../../../shared/api/vote-types';
import type { MeetingData } from '../../../shared/domain/partitions';
import type { VoteRound } from '../../../shared/domain/vote-round';
import { ABSTAIN_LABEL, BLANK_LABEL, INVALID_LABEL } from '../../../shared/vote';
import { explainGrade } from '../../../shared/vote/grade-explain';
import type { LiveInputs } from '../live/projection';
import { countedSheets, groupLabelOf } from './tally';
import { evaluateeNames } from './vote-data';

/**
 * The hall's content during 民主测评. Before announcement it is built from progress figures only —
 * the counts are never read into it — so neither the hall's picture nor its stream can carry the
 * split. After announcement: one page of the published result.
 */

/** Evaluatees per hall page: five rows (a usual vote) still read from 15 m; six or more are paged evenly. */
export const HALL_PAGE_SIZE = 5;

export interface HallPage {
  groupIndex: number;
  from: number;
  to: number;
}

/** Pages of the published result: the binding group first, each group counted apart after it. */
export function hallPages(round: Readonly<VoteRound>): HallPage[] {
  const n = round.evaluateeIds.length;
  const perGroup = Math.ceil(n / HALL_PAGE_SIZE);
  const size = Math.ceil(n / perGroup);
  const groups = round.result?.groups ?? [];
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => Number(b.g.binding) - Number(a.g.binding));
  return order.flatMap(({ i }) => Array.from({ length: perGroup }, (_, p) => ({ groupIndex: i, from: p * size, to: Math.min(n, (p + 1) * size) })));
}

const STATUS: Readonly<Partial<Record<VoteRound['state'], string>>> = {
  prepared: '即将发票',
  open: '正在投票',
  closed: '已收票，即将计票',
  counting: '正在计票',
  checked: '计票完毕，等待公布',
};

/** The round the hall follows for a vote item: its latest. */
export function currentRound(data: Readonly<MeetingData>, agendaItemId: string): Readonly<VoteRound> | null {
  return data.votes.rounds.filter((r) => r.agendaItemId === agendaItemId).reduce<Readonly<VoteRound> | null>((a, r) => (!a || r.number > a.number ? r : a), null);
}

export function voteHallContent(data: Readonly<MeetingData>, names: readonly string[], title: string, round: Readonly<VoteRound>): HallVoteContent {
  const base = { kind: 'vote' as const, meetingName: data.meeting.name, title, roundNo: round.number };
  if (round.state === 'void') return { ...base, phase: 'void' };
  const pages = hallPages(round);
  const result = round.result;
  if ((round.state === 'announced' || round.state === 'amended') && result && pages.length > 0) {
    const page = Math.min(round.hallPage, pages.length - 1);
    const at = pages[page]!;
    const group = result.groups[at.groupIndex]!;
    const rows: HallVoteRow[] = group.results.slice(at.from, at.to).map((r, i) => ({
      name: names[at.from + i] ?? '',
      satisfied: r.counts.satisfied,
      basic: r.counts.basic,
      unsatisfied: r.counts.unsatisfied,
      other: r.counts.blank + r.counts.invalid,
      rateText: r.rateText,
      outcome: r.outcome,
      failing: r.failing,
      explain: explainGrade(r, result.rule.rule, result.rule.gradeLabels),
    }));
    const c = group.context;
    return {
      ...base,
      phase: 'result',
      amended: round.state === 'amended',
      groupLabel: group.label,
      binding: group.binding,
      page,
      pageCount: pages.length,
      gradeLabels: result.rule.gradeLabels,
      otherLabel: `${result.rule.blankPolicy === 'abstain' ? ABSTAIN_LABEL : BLANK_LABEL}/${INVALID_LABEL}`,
      rows,
      contextText: `${group.binding ? `应到${c.entitled}人　` : ''}实到${c.present}人　发出${c.issued}张　收回${c.returned}张`,
      ruleSummary: result.rule.summary,
    };
  }
  const n = round.evaluateeIds.length;
  return {
    ...base,
    phase: 'progress',
    status: STATUS[round.state] ?? '',
    names: [...names],
    groups: round.groups.map((g) => ({ label: groupLabelOf(g), issued: g.issued, returned: g.returned, counted: countedSheets(g, n) })),
  };
}

/** The hall's content during 民主测评 (progress, then the announced results), or null. */
export function voteHall(inputs: LiveInputs): HallContent | null {
  const { core, data } = inputs;
  if (!data) return null;
  const item = data.meeting.agenda[data.live.position.itemIndex];
  if (!item || item.kind !== 'vote') return null;
  const round = currentRound(data, item.id);
  if (!round) return null;
  return voteHallContent(data, evaluateeNames(core, round.evaluateeIds), item.title, round);
}
