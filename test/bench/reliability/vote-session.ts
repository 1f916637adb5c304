import type { VoteGroupView } from '../../../shared/api/vote-types';
import { MARKS, type Mark } from '../../../shared/vote/terms';
import type { Caller } from './caller';

/** A round of the demo meeting open for counting sheet by sheet, in a group big enough for a long run. */
export interface CountingRound {
  meetingId: string;
  agendaItemId: string;
  roundId: string;
  /** The group counted apart (其他人员, 9999 present) that the runs key into. */
  groupId: string;
  evaluatees: number;
}

/**
 * The demo county's meeting of this year, opened for real (not a rehearsal), everyone present,
 * started, at its first vote with a round prepared, 发票 and 收票 done: ready for `vote.sheet`.
 * The members' group stops at 30 sheets, so the runs key into a counted-apart group of 9999.
 */
export async function openCountingRound(call: Caller): Promise<CountingRound> {
  const year = String(new Date().getFullYear());
  const meeting = (await call('live.state', {})).meetings.find((m) => m.date.startsWith(year));
  if (!meeting) throw new Error(`the demo county has no meeting in ${year}`);
  await call('live.open', { meetingId: meeting.id, rehearsal: false });
  await call('live.attendanceAll', { status: 'present' });
  const live = await call('live.start', {});
  const agenda = live.meeting?.agenda ?? [];
  const index = agenda.findIndex((a) => a.kind === 'vote');
  const item = agenda[index];
  if (!item) throw new Error('the demo meeting has no vote item');
  await call('live.goto', { itemIndex: index, stage: 'vote' });
  const prepared = await call('vote.prepare', { agendaItemId: item.id, groups: [{ kind: 'members' }, { kind: 'other' }] });
  const view = prepared.items.find((i) => i.agendaItemId === item.id)!;
  const round = view.rounds.at(-1)!;
  const other = round.groups.find((g) => g.id !== 'members')!;
  await call('vote.setTellers', { roundId: round.id, tellers: ['周计票'], scrutineers: ['郑监票'] });
  await call('vote.open', { roundId: round.id, groups: [{ groupId: 'members', issued: 30 }, { groupId: other.id, issued: 9999, present: 9999 }] });
  await call('vote.close', { roundId: round.id, groups: [{ groupId: 'members', returned: 30 }, { groupId: other.id, returned: 9999 }] });
  return { meetingId: meeting.id, agendaItemId: item.id, roundId: round.id, groupId: other.id, evaluatees: view.evaluatees.length };
}

/** The `i`-th sheet's marks: `i` written in base 5 over the evaluatees, so sheets differ until 5^n. */
export function marksOf(i: number, evaluatees: number): Mark[] {
  const out: Mark[] = [];
  let rest = i;
  for (let k = 0; k < evaluatees; k++) {
    out.push(MARKS[rest % MARKS.length]!);
    rest = Math.floor(rest / MARKS.length);
  }
  return out;
}

/** The sheets of the run's group as the services hold them now. */
export async function storedSheets(call: Caller, round: CountingRound): Promise<VoteGroupView['sheets']> {
  const state = await call('vote.state', { meetingId: round.meetingId, agendaItemId: round.agendaItemId });
  const view = state.items.find((i) => i.agendaItemId === round.agendaItemId)?.rounds.find((r) => r.id === round.roundId);
  return view?.groups.find((g) => g.id === round.groupId)?.sheets ?? [];
}

/** How many of the acknowledged sheets (keys, with repeats) are not among the stored ones. */
export function missingSheets(acknowledged: readonly string[], stored: readonly { keys: string }[]): number {
  const have = new Map<string, number>();
  for (const s of stored) have.set(s.keys, (have.get(s.keys) ?? 0) + 1);
  let missing = 0;
  for (const keys of acknowledged) {
    const n = have.get(keys) ?? 0;
    if (n > 0) have.set(keys, n - 1);
    else missing++;
  }
  return missing;
}
