import type { QuorumCheck } from '../live/quorum';
import type { Attendance, HallSlide, LiveStage, LiveState } from '../domain/live';
import type { MemberRole } from '../domain/people';
import type { Meeting } from '../domain/meetings';
import type { TimerState } from '../live/timer';
import type { HallDrawContent } from './questioning-types';
import type { HallVoteContent } from './vote-types';

/** One agenda item as the console lists it. */
export interface LiveAgendaItem {
  index: number;
  kind: 'report' | 'hearing' | 'vote';
  title: string;
  /** Each stage's name for this item (a later vote by its title, a hearing by what is heard). */
  stageLabels: Partial<Record<LiveStage, string>>;
  /** For a report item: the evaluatee; for a vote: everyone on the sheet. */
  evaluatees: { id: string; name: string; unitName: string; position: string }[];
  mode?: 'report' | 'written';
  stages: LiveStage[];
}

/** A step the console can move to, and why it cannot when it cannot. */
export interface LiveStep {
  itemIndex: number;
  stage: LiveStage;
  label: string;
  blockedBy?: string;
}

export interface LiveConsoleState {
  serverNow: number;
  session: { meetingId: string; rehearsal: boolean; openedAt: string } | null;
  /** Meetings the console can open (not closed ones). */
  meetings: { id: string; name: string; date: string; status: Meeting['status']; hasRehearsal: boolean }[];
  meeting: Meeting | null;
  orgName: string;
  roster: { id: string; name: string; role: MemberRole; status: Attendance['members'][string] }[];
  attendance: Attendance | null;
  quorum: QuorumCheck | null;
  live: LiveState | null;
  agenda: LiveAgendaItem[];
  /** Where next / previous would go (null at the ends). */
  next: LiveStep | null;
  prev: LiveStep | null;
  /** Why the meeting cannot start yet (quorum…), or null. */
  startBlockedBy: string | null;
  reportMinutes: number;
  hall: HallView;
}

/** Exactly what the hall shows — and nothing else ever reaches the hall. */
export type HallContent =
  | { kind: 'idle'; orgName: string }
  | { kind: 'title'; orgName: string; meetingName: string; date: string; closing?: boolean }
  | { kind: 'attendance'; meetingName: string; text: string; entitled: number; present: number; met: boolean; deputies: number; citizens: number }
  | {
      kind: 'evaluatee';
      meetingName: string;
      stageLabel: string;
      itemNo: number;
      itemCount: number;
      people: { name: string; unitName: string; position: string }[];
      timer: (TimerState & { label: string }) | null;
    }
  | HallDrawContent
  | HallVoteContent
  | { kind: 'blank' }
  | { kind: 'black' };

export interface HallView {
  rev: number;
  rehearsal: boolean;
  /** The services' clock when this view was made: the hall corrects its own clock by it. */
  serverNow: number;
  slide: HallSlide;
  content: HallContent;
}
