import type { HallContent, HallView, LiveAgendaItem, LiveConsoleState, LiveStep } from '../../../shared/api/live-types';
import type { HallSlide, LivePosition, LiveState } from '../../../shared/domain/live';
import { itemEvaluatees, type AgendaItem } from '../../../shared/domain/meetings';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import { sortMembers } from '../../../shared/domain/people';
import { formatDateCn } from '../../../shared/format/dates';
import { meetingQuorum, type QuorumCheck } from '../../../shared/live/quorum';
import { stageLabelOf, stagesOf, stepFrom, stepLabel } from '../../../shared/live/steps';
import { questioningHall } from '../questioning/hall';
import { voteHall } from '../vote/hall';
import { personOf } from './people';

/**
 * Pure projections of the live session: the console's full state, and the hall's view — which
 * carries exactly what the hall shows and nothing else (filtered here, at the source).
 */

export interface LiveInputs {
  core: Readonly<CoreData>;
  data: Readonly<MeetingData> | null;
  session: { meetingId: string; rehearsal: boolean; openedAt: string } | null;
  now: number;
}

export function agendaView(core: Readonly<CoreData>, agenda: readonly AgendaItem[]): LiveAgendaItem[] {
  return agenda.map((item, index) => {
    const people = itemEvaluatees(item).map((id) => personOf(core, id));
    return {
      index,
      kind: item.kind,
      title: item.kind === 'vote' ? item.title : `${people[0]?.name ?? ''}${item.mode === 'written' ? '（书面报告）' : ''}`,
      evaluatees: people,
      ...(item.kind !== 'vote' ? { mode: item.mode } : {}),
      stages: stagesOf(item),
      stageLabels: Object.fromEntries(stagesOf(item).map((s) => [s, stageLabelOf(item, s, core.settings.voteTitles)])),
    };
  });
}

export function quorumOf(core: Readonly<CoreData>, data: Readonly<MeetingData>): QuorumCheck {
  return meetingQuorum({ members: core.members, attendance: data.attendance, rule: core.settings.quorum.rule });
}

/** Why a step cannot be taken now, in Chinese; undefined when it can. */
export function blockerOf(step: LivePosition, live: Readonly<LiveState>, quorum: QuorumCheck): string | undefined {
  if (live.status === 'ended') return '会议已结束';
  if (step.stage === 'opening') return undefined;
  if (live.status !== 'running') return '请先开始会议';
  // A question put to an evaluatee, like a vote, is the committee's act: both need the quorum.
  if (step.stage === 'vote' && !quorum.met) return `出席人数不足，不能进行测评：${quorum.text}`;
  if (step.stage === 'questioning' && !quorum.met) return `出席人数不足，不能进行随机询问：${quorum.text}`;
  return undefined;
}

function stepOf(core: Readonly<CoreData>, data: Readonly<MeetingData>, pos: LivePosition | null, quorum: QuorumCheck): LiveStep | null {
  if (!pos) return null;
  const item = data.meeting.agenda[pos.itemIndex];
  const who = item ? (item.kind === 'vote' ? item.title : personOf(core, item.evaluateeId).name) : '';
  const blockedBy = blockerOf(pos, data.live, quorum);
  return { ...pos, label: stepLabel(who, stageLabelOf(item, pos.stage, core.settings.voteTitles)), ...(blockedBy ? { blockedBy } : {}) };
}

export function reportMinutesOf(core: Readonly<CoreData>, data: Readonly<MeetingData>): number {
  return data.live.reportMinutes ?? core.settings.reportMinutes;
}

/** The slide 'auto' stands for at this point of the meeting. */
export function autoSlide(live: Readonly<LiveState>): Exclude<HallSlide, 'auto'> {
  if (live.status !== 'running') return 'title';
  const stage = live.position.stage;
  return stage === 'opening' || stage === 'closing' ? 'title' : 'evaluatee';
}

export function hallView(inputs: LiveInputs): HallView {
  const { core, data, session, now } = inputs;
  const orgName = core.settings.organisation.fullName;
  if (!session || !data) return { rev: 0, rehearsal: false, serverNow: now, slide: 'auto', content: { kind: 'idle', orgName } };
  const { meeting, live } = data;
  const slide = live.slide === 'auto' ? autoSlide(live) : live.slide;
  let content: HallContent;
  switch (slide) {
    case 'title':
      content = { kind: 'title', orgName, meetingName: meeting.name, date: formatDateCn(meeting.date), ...(live.status === 'ended' || live.position.stage === 'closing' ? { closing: true } : {}) };
      break;
    case 'attendance': {
      const q = quorumOf(core, data);
      content = { kind: 'attendance', meetingName: meeting.name, text: q.text, entitled: q.entitled, present: q.present, met: q.met, deputies: data.attendance.deputies, citizens: data.attendance.citizens };
      break;
    }
    case 'evaluatee': {
      // Questioning and voting show their own slides when they have something to show.
      const special = live.position.stage === 'questioning' ? questioningHall(inputs) : live.position.stage === 'vote' ? voteHall(inputs) : null;
      if (special) {
        content = special;
        break;
      }
      const item = meeting.agenda[live.position.itemIndex];
      if (!item) {
        content = { kind: 'title', orgName, meetingName: meeting.name, date: formatDateCn(meeting.date) };
        break;
      }
      const ids = itemEvaluatees(item);
      const timer = live.position.stage === 'report' ? live.timers[item.id] : undefined;
      content = {
        kind: 'evaluatee',
        meetingName: meeting.name,
        // A hearing says what is heard: the rectification, not the year's work report.
        stageLabel: stageLabelOf(item, live.position.stage, core.settings.voteTitles),
        itemNo: live.position.itemIndex + 1,
        itemCount: meeting.agenda.length,
        people: ids.map((id) => {
          const p = personOf(core, id);
          return { name: p.name, unitName: p.unitName, position: p.position };
        }),
        timer: timer ? { ...timer, label: '汇报计时' } : null,
      };
      break;
    }
    case 'blank':
      content = { kind: 'blank' };
      break;
    case 'black':
      content = { kind: 'black' };
      break;
  }
  return { rev: live.rev, rehearsal: session.rehearsal, serverNow: now, slide: live.slide, content };
}

/** `hall` is the hall's view of the same inputs when the caller already has it (it was pushed first). */
export function consoleState(inputs: LiveInputs, meetings: LiveConsoleState['meetings'], hall: HallView = hallView(inputs)): LiveConsoleState {
  const { core, data, session, now } = inputs;
  const base = {
    serverNow: now,
    session,
    meetings,
    orgName: core.settings.organisation.fullName,
    hall,
    reportMinutes: core.settings.reportMinutes,
  };
  if (!session || !data) {
    return { ...base, meeting: null, roster: [], attendance: null, quorum: null, live: null, agenda: [], next: null, prev: null, startBlockedBy: null };
  }
  const quorum = quorumOf(core, data);
  const roster = sortMembers(core.members.filter((m) => m.active)).map((m) => ({ id: m.id, name: m.name, role: m.role, status: data.attendance.members[m.id] ?? 'absent' }));
  const agenda = data.meeting.agenda;
  const startBlockedBy =
    data.live.status === 'running' ? '会议已开始' : data.live.status === 'ended' ? '会议已结束' : !quorum.met ? `不足法定人数，不能开始会议：${quorum.text}` : agenda.length === 0 ? '会议议程为空，请先在办公桌“会议”中安排议程' : null;
  return {
    ...base,
    meeting: data.meeting,
    roster,
    attendance: data.attendance,
    quorum,
    live: data.live,
    agenda: agendaView(core, agenda),
    next: stepOf(core, data, stepFrom(agenda, data.live.position, 1), quorum),
    prev: stepOf(core, data, stepFrom(agenda, data.live.position, -1), quorum),
    startBlockedBy,
    reportMinutes: reportMinutesOf(core, data),
  };
}
