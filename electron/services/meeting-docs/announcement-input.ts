import { ApiError } from '../../../shared/api/errors';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import type { VoteRound } from '../../../shared/domain/vote-round';
import type { AnnouncementInput } from '../documents/builders/announcement';
import { announcementRound, itemTitle, roundLabel, voteTitleOf } from './round-docs';

/**
 * 测评结果通报 of one published round, or of the whole meeting (every vote item's published round):
 * the figures of each round as stored, the rule the round froze quoted in words, the copy-to list of
 * the settings plus the units of the people in it.
 */

export interface AnnouncementFacts {
  core: Readonly<CoreData>;
  data: Readonly<MeetingData>;
  /** One round, or the published rounds of the meeting in agenda order. */
  rounds: readonly Readonly<VoteRound>[];
  /** The whole meeting (title by year) rather than one vote item. */
  wholeMeeting: boolean;
  docNumber: string;
  /** 成文日期 and 印发日期, 'YYYY-MM-DD'. */
  date: string;
}

/** 县委，县人民政府，县委组织部 and the units of the evaluatees, each once. */
export function announcementCopyTo(core: Readonly<CoreData>, rounds: readonly Readonly<VoteRound>[]): string[] {
  const list = core.settings.organisation.copyTo.map((c) => c.trim()).filter(Boolean);
  for (const id of rounds.flatMap((r) => r.evaluateeIds)) {
    const e = core.evaluatees.find((x) => x.id === id);
    const unit = core.units.find((u) => u.id === e?.unitId)?.name.trim();
    if (unit && !list.includes(unit)) list.push(unit);
  }
  return list;
}

const unique = (list: readonly string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
const stripStop = (s: string) => s.trim().replace(/[。；;]+$/u, '');

export function announcementTitle(data: Readonly<MeetingData>, rounds: readonly Readonly<VoteRound>[], wholeMeeting: boolean, voteTitle: string): string {
  const first = rounds[0];
  if (wholeMeeting || !first) return `关于${data.meeting.year}年度工作评议${voteTitle}结果的通报`;
  return `关于${itemTitle(data, first)}结果的通报`;
}

export function announcementInput(f: AnnouncementFacts): AnnouncementInput {
  const { core, data, rounds } = f;
  if (rounds.length === 0) throw new ApiError('conflict', '本次会议还没有已公布的测评结果，不能印发通报。');
  const several = rounds.length > 1;
  const results = rounds.map((r) => r.result).filter((r) => r !== null);
  const labels = results[0]?.rule.gradeLabels;
  // Rounds prepared under one settings share one rule; should they differ, each is quoted.
  const ruleText = unique(results.map((r) => r.rule.text)).join('');
  // Each vote by its own title: a meeting holding a 满意度测评 too names both.
  const voteTitle = unique(rounds.map((r) => voteTitleOf(core, data, r))).join('和');
  const policy = unique(results.map((r) => stripStop(r.rule.policyText))).join('；');
  return {
    docNumber: f.docNumber,
    title: announcementTitle(data, rounds, f.wholeMeeting, voteTitle),
    voteTitle,
    meetingName: data.meeting.name,
    meetingDate: data.meeting.date,
    ruleText,
    ...(policy ? { rateText: policy } : {}),
    ...(labels ? { gradeLabels: { satisfied: labels.satisfied, basic: labels.basic, unsatisfied: labels.unsatisfied } } : {}),
    rounds: rounds.map((r) => announcementRound(core, data, r, several ? `${itemTitle(data, r)}（${roundLabel(r)}）` : undefined)),
    signature: { organ: core.settings.organisation.fullName, date: f.date, sealed: true },
    imprint: {
      copyTo: announcementCopyTo(core, rounds),
      issuingOffice: core.settings.organisation.issuingOffice,
      issueDate: f.date,
    },
  };
}

