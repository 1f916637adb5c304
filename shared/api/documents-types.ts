import type { EvaluateeCategory } from '../domain/evaluatees';
import type { MemberRole, PersonKind } from '../domain/people';
import type { ResearchContent } from '../domain/research';
import type { ActivityKind } from '../domain/research-records';
import type { GroupId } from '../domain/vote-round';
import type { RoundState } from '../vote/round-states';

/** One voter group of a round, with the sheets its ballot file holds by default (voters + 2 spare). */
export interface MeetingDocsGroup {
  id: GroupId;
  label: string;
  binding: boolean;
  defaultSheets: number;
}

/**
 * A 测评结果通报 the app numbered (发文登记): exporting it again reprints it under this number, so the
 * dialog opens with it.
 */
export interface IssuedDocument {
  /** X人常〔2026〕3号 */
  docNumber: string;
  title: string;
  /** 成文日期, 'YYYY-MM-DD'. */
  date: string;
  /** ISO times of the first and the latest export. */
  firstExportedAt: string;
  exportedAt: string;
  exports: number;
}

/** A vote round and which of its papers can be made now; a blocker says why not, in Chinese. */
export interface MeetingDocsRound {
  id: string;
  agendaItemId: string;
  /** The vote item's title. */
  title: string;
  number: number;
  /** 第一轮 */
  label: string;
  state: RoundState;
  stateLabel: string;
  names: string[];
  groups: MeetingDocsGroup[];
  ballotBlocker: string | null;
  countReportBlocker: string | null;
  announcementBlocker: string | null;
  /** The round's 通报 as registered, null until it is first exported. */
  announcement: IssuedDocument | null;
}

/** The 会议文件 panel of a meeting. */
export interface MeetingDocsView {
  today: string;
  meeting: { id: string; name: string; date: string; year: number };
  /** Active members in the roster (the sign-in sheet's rows). */
  memberCount: number;
  signInBlocker: string | null;
  /** Questions asked (not cancelled) in the minutes. */
  questions: number;
  minutesBlocker: string | null;
  rounds: MeetingDocsRound[];
  /** Published rounds the whole-meeting 通报 would hold. */
  publishedRounds: number;
  meetingAnnouncementBlocker: string | null;
  /** The whole meeting's 通报 as registered, null until it is first exported. */
  meetingAnnouncement: IssuedDocument | null;
  /**
   * Next free 发文字号 of the current year after every number the app gave (opinions and 通报); a
   * suggestion: the office also numbers documents outside the app.
   */
  suggestedNumber: string;
  /** The numbers of that series the app has given, in order (to show what is taken). */
  takenNumbers: string[];
}

/** The 调研报告 editor of one evaluation. */
export interface ResearchDetail {
  today: string;
  year: number;
  evaluationId: string;
  evaluateeId: string;
  name: string;
  unitName: string;
  position: string;
  category: EvaluateeCategory;
  stageLabel: string;
  /** The activity kinds that apply to the person's category (旁听庭审 and 案件评查 for judges and prosecutors), in order. */
  activityKinds: ActivityKind[];
  /** null until the first save. */
  content: ResearchContent | null;
  updatedAt: string | null;
  /** The active roster, to pick group members from; posts prefilled as 县人大常委会副主任. */
  members: { id: string; name: string; role: MemberRole }[];
  /** The registry's people on record (人员库), to pick group members from; posts prefilled from organisation and field. */
  people: { id: string; name: string; kind: PersonKind; post: string }[];
  /** 县人大常委会: prefix of a member's post. */
  orgShortName: string;
}
