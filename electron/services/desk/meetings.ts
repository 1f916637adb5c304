import { ApiError } from '../../../shared/api/errors';
import type { MeetingDetail } from '../../../shared/api/desk-types';
import { newId } from '../../../shared/domain/ids';
import { firstEvaluationEvaluatees, itemEvaluatees, type AgendaItem, type Meeting } from '../../../shared/domain/meetings';
import { meetingKey, type MeetingData } from '../../../shared/domain/partitions';
import type { Handlers } from '../api/dispatch';
import type { deskCalls } from '../../../shared/api/calls/desk';
import type { ServiceContext } from '../api/service-context';
import { checkMeeting } from '../../../shared/domain/integrity';
import { meetingOutsideTerm } from '../../../shared/domain/record-checks';
import { allMeetings, changeTogether, readCore, readMeeting, readYear, throwIfIssues, updateMeeting, hasYear, type DeskChange } from './desk-data';
import { summarizeMeeting } from './plan';
import { laterCandidates } from '../../../shared/loop/later';
import { addedEntries, checkLaterEntries, loopFacts, syncLoopRecords } from './agenda-loop';
import { personOf } from '../live/people';
import { agendaChangeBlocker, remapIndex, startedItems } from '../../../shared/live/started';
import type { LivePosition } from '../../../shared/domain/live';

type MeetingHandlers = Pick<Handlers, Extract<keyof typeof deskCalls, `meetings.${string}`>>;

function agendaEvaluatees(agenda: readonly AgendaItem[]): Set<string> {
  return new Set(agenda.flatMap(itemEvaluatees));
}

/** Meetings (one partition each) and their agenda; the year's plan records which meeting hears whom. */
export function meetingHandlers(ctx: ServiceContext): MeetingHandlers {
  /**
   * Keeps evaluation.meetingId in step with the agenda (a derived link; the agenda is the record),
   * in the same change as the agenda. Only the first evaluation: a hearing or a later vote of an
   * earlier one never moves it.
   */
  const syncPlan = async (change: DeskChange, meeting: Meeting, before: ReadonlySet<string>) => {
    if (!hasYear(ctx, meeting.year)) return;
    const now = firstEvaluationEvaluatees(meeting.agenda);
    const plan = await readYear(ctx, meeting.year);
    const needs = plan.evaluations.some((ev) => (now.has(ev.evaluateeId) ? ev.meetingId !== meeting.id : before.has(ev.evaluateeId) && ev.meetingId === meeting.id));
    if (!needs) return;
    for (const ev of (await change.year(meeting.year)).evaluations) {
      if (now.has(ev.evaluateeId)) ev.meetingId = meeting.id;
      else if (ev.meetingId === meeting.id) delete ev.meetingId;
    }
  };

  /** The presiding member is one of the committee's members (a removed one cannot be picked). */
  const checkPresiding = async (meeting: Pick<Meeting, 'presidingMemberId'>) => {
    if (meeting.presidingMemberId === null) return;
    const core = await readCore(ctx);
    if (!core.members.some((m) => m.id === meeting.presidingMemberId)) {
      throw new ApiError('invalid_args', '所选主持人不在组成人员名单中，可能已被删除。', [{ path: 'meeting.presidingMemberId', message: '主持人不在组成人员名单中' }]);
    }
  };

  /** A meeting of this term falls within the term's years (a past term's meeting keeps its date). */
  const checkTerm = async (meeting: Pick<Meeting, 'date'>, before?: Pick<Meeting, 'date'>) => {
    const problem = meetingOutsideTerm(meeting.date, (await readCore(ctx)).settings.term, before);
    if (problem) throw new ApiError('invalid_args', problem, [{ path: 'meeting.date', message: problem }]);
  };

  return {
    'meetings.list': async () =>
      (await allMeetings(ctx))
        .map((m) => summarizeMeeting(m.meeting))
        .sort((a, b) => b.date.localeCompare(a.date)),

    'meetings.get': async ({ id }): Promise<MeetingDetail> => {
      const data = await readMeeting(ctx, id);
      const { meeting } = data;
      const core = await readCore(ctx);
      const planned = hasYear(ctx, meeting.year) ? (await readYear(ctx, meeting.year)).evaluations : [];
      const calendar = (await allMeetings(ctx)).map((m) => ({ id: m.meeting.id, name: m.meeting.name, date: m.meeting.date }));
      const later = laterCandidates([...(await loopFacts(ctx)).values()], meeting, core.settings.deadlines, calendar);
      const wanted = new Set([...agendaEvaluatees(meeting.agenda), ...planned.map((ev) => ev.evaluateeId), ...later.map((c) => c.evaluateeId)]);
      const units = new Map(core.units.map((u) => [u.id, u.name]));
      return {
        meeting,
        started: Object.fromEntries([...startedItems(data, (e) => personOf(core, e).name)].map(([itemId, st]) => [itemId, st.reason])),
        evaluatees: core.evaluatees.filter((e) => wanted.has(e.id)).map((e) => ({ ...e, unitName: units.get(e.unitId) ?? '' })),
        planned: [...planned],
        later,
        attendees: (data.attendees ?? []).filter((pid) => core.people.some((p) => p.id === pid)),
      };
    },

    'meetings.create': async ({ meeting }) => {
      await checkPresiding(meeting);
      await checkTerm(meeting);
      const id = newId('mt', ctx.random);
      const record = { ...meeting, id, agenda: [], status: 'planned' } as Meeting;
      return ctx.store.update<MeetingData, Meeting>(meetingKey(id), (data) => {
        data.meeting = record;
        return record;
      });
    },

    'meetings.update': async ({ meeting }) => {
      await checkPresiding(meeting);
      await checkTerm(meeting, (await readMeeting(ctx, meeting.id)).meeting);
      return updateMeeting(ctx, meeting.id, (data) => {
        if (meeting.year !== data.meeting.year && data.meeting.agenda.length) {
          throw new ApiError('conflict', '会议议程中已有被评议对象，不能更改会议年度；请先清空议程。');
        }
        // Agenda and status are changed by their own calls (setAgenda, the live session).
        data.meeting = { ...meeting, agenda: data.meeting.agenda, status: data.meeting.status };
        return data.meeting;
      });
    },

    'meetings.setAgenda': async ({ id, agenda, confirm, earlyReason }) => {
      const current = await readMeeting(ctx, id);
      if (current.meeting.status === 'closed') throw new ApiError('conflict', '会议已结束，议程不能再修改。');
      const before = firstEvaluationEvaluatees(current.meeting.agenda);
      const core = await readCore(ctx);
      const plan = hasYear(ctx, current.meeting.year) ? await readYear(ctx, current.meeting.year) : undefined;
      const next = agenda.map((item) => ({ ...item, id: item.id ?? newId('ag', ctx.random) })) as AgendaItem[];
      // Hearings and later votes of earlier evaluations: checked against their records before any write.
      const facts = await loopFacts(ctx);
      checkLaterEntries(addedEntries(current.meeting.agenda, next), facts, core, current.meeting, { confirmed: confirm === true, reason: earlyReason ?? '' });
      let previous: readonly AgendaItem[] = current.meeting.agenda;
      const nameOf = (evaluateeId: string) => personOf(core, evaluateeId).name;
      // The agenda, the plan's links and the loop records it names: one change, all or none.
      return changeTogether(ctx, `修改议程：${current.meeting.name}`, async (change) => {
        const data = await change.meeting(id);
        // Checked on the stored record inside the write: a draw on the console a moment ago counts.
        const blocked = agendaChangeBlocker(data, next, nameOf);
        if (blocked) throw new ApiError('conflict', blocked);
        previous = data.meeting.agenda;
        data.meeting.agenda = next;
        // The live position counts by index: it follows its item, which a started item keeps.
        const remap = (p: LivePosition) => {
          const itemIndex = remapIndex(previous, next, p.itemIndex);
          return itemIndex === null ? null : { ...p, itemIndex };
        };
        data.live.position = remap(data.live.position) ?? data.live.position;
        data.live.history = data.live.history.flatMap((p) => remap(p) ?? []);
        // Against the plan too: only people planned for the meeting's year can be heard.
        throwIfIssues(checkMeeting(data, core, plan ?? { year: data.meeting.year, evaluations: [] }), '议程无法保存');
        await syncPlan(change, data.meeting, before);
        await syncLoopRecords(ctx, data.meeting, facts, earlyReason ?? '', previous, change.year);
        return data.meeting;
      });
    },

    'meetings.setAttendees': async ({ id, attendees }) => {
      const core = await readCore(ctx);
      const unknown = attendees.find((pid) => !core.people.some((p) => p.id === pid));
      if (unknown) throw new ApiError('conflict', '所选列席人员已不在人员库中，请刷新后重新选择。', [{ path: 'attendees', message: '所选列席人员已不在人员库中' }]);
      const unique = [...new Set(attendees)];
      return updateMeeting(ctx, id, (data) => {
        data.attendees = unique;
        return { attendees: unique };
      });
    },

    'meetings.delete': async ({ id }) => {
      const { meeting, votes } = await readMeeting(ctx, id);
      if (meeting.status === 'in-progress') throw new ApiError('conflict', '会议正在进行，不能删除。');
      // An announced result (the 民主测评 or a later vote) is on record: the evaluation and its loop point at this meeting.
      if (votes.rounds.some((r) => r.announcedAt !== null && r.voidedAt === null)) {
        throw new ApiError('conflict', `会议“${meeting.name}”已公布测评结果，测评结果和后续整改记录都以它为依据，不能删除。`);
      }
      const facts = await loopFacts(ctx);
      await changeTogether(ctx, `删除会议：${meeting.name}`, async (change) => {
        await syncPlan(change, { ...meeting, agenda: [] }, firstEvaluationEvaluatees(meeting.agenda));
        await syncLoopRecords(ctx, { id, agenda: [] }, facts, '', meeting.agenda, change.year);
        change.remove(meetingKey(id));
      });
      return { id };
    },
  };
}
