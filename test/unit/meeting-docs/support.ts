import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { FilePort } from '../../../electron/services/file-port';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { VoteItemView } from '../../../shared/api/vote-types';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import type { VoteRound } from '../../../shared/domain/vote-round';
import type { Settings } from '../../../shared/domain/settings';
import type { Counts, RuleKind } from '../../../shared/vote';
import { atVote, clock, counts, latestRound, start, type Call } from '../vote-service/support';

/**
 * A vote round taken to announcement through the vote service's own handlers, as the console does
 * it: members (30 present) and, optionally, 列席代表 counted apart. Answers the stored round.
 */

export type Started = Awaited<ReturnType<typeof start>>;

/** 应到 30 (半数三级): 满意, 基本满意, 不满意 (exactly half), 满意 with a blank, 基本满意. */
export const MEMBER_ROWS: Counts[] = [
  counts({ satisfied: 15, basic: 10, unsatisfied: 5 }),
  counts({ satisfied: 9, basic: 7, unsatisfied: 14 }),
  counts({ satisfied: 9, basic: 6, unsatisfied: 15 }),
  counts({ satisfied: 27, basic: 1, unsatisfied: 0, blank: 1, invalid: 1 }),
  counts({ satisfied: 14, basic: 16 }),
];
export const DEPUTY_ROWS: Counts[] = [
  counts({ satisfied: 6 }),
  counts({ satisfied: 3, basic: 3 }),
  counts({ satisfied: 1, basic: 2, unsatisfied: 3 }),
  counts({ satisfied: 5, blank: 1 }),
  counts({ basic: 6 }),
];

export interface AnnouncedRound {
  s: Started['s'];
  call: Call;
  /** The home folder the services run on (to open them again). */
  dir: string;
  meetingId: string;
  item: VoteItemView;
  round: VoteRound;
  core: CoreData;
  data: MeetingData;
}

export async function readMeetingData(s: Started['s'], meetingId: string): Promise<{ core: CoreData; data: MeetingData }> {
  return { core: await s.store.read<CoreData>('core'), data: await s.store.read<MeetingData>(`meeting/${meetingId}`) };
}

const opened: AppServices[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

/** The services with another FilePort (the desktop's save dialog, scripted), as `start` otherwise. */
export async function startWithFiles(files: FilePort): Promise<{ s: AppServices; call: Call; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-docs-'));
  const s = await createAppServices({ homeDir: dir, mode: 'browser', version: 't', clock, log: silentLogger, backupOnStart: false, files });
  opened.push(s);
  const call: Call = async <T,>(name: string, args: unknown = {}, role: 'console' | 'hall' | 'desk' = 'console'): Promise<T> => {
    const reply = await s.dispatch(role, name, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  };
  return { s, call, dir };
}

export async function announcedRound(opts: { deputies?: boolean; announce?: boolean; files?: FilePort; ruleKind?: RuleKind } = {}): Promise<AnnouncedRound> {
  const { s, call, dir } = opts.files ? await startWithFiles(opts.files) : await start();
  if (opts.ruleKind) {
    const settings = await call<Settings>('settings.get', {}, 'desk');
    await call('settings.update', { settings: { ...settings, votes: { ...settings.votes, ruleKind: opts.ruleKind } } }, 'desk');
  }
  const { live, item } = await atVote(call);
  const meetingId = (live as LiveConsoleState).meeting!.id;
  let st = await call('vote.prepare', { agendaItemId: item.agendaItemId, ...(opts.deputies ? { groups: [{ kind: 'deputies', label: '列席代表' }] } : {}) });
  const id = latestRound(st).id;
  await call('vote.setTellers', { roundId: id, tellers: ['甲计票', '丙计票'], scrutineers: ['乙监票'] });
  const groups = [{ groupId: 'members', issued: 30 }, ...(opts.deputies ? [{ groupId: 'deputies', issued: 6, present: 6 }] : [])];
  await call('vote.open', { roundId: id, groups });
  await call('vote.close', { roundId: id, groups: groups.map((g) => ({ groupId: g.groupId, returned: g.issued })) });
  await call('vote.mode', { roundId: id, groupId: 'members', mode: 'totals' });
  await call('vote.totals', { roundId: id, groupId: 'members', counts: MEMBER_ROWS });
  if (opts.deputies) {
    await call('vote.mode', { roundId: id, groupId: 'deputies', mode: 'totals' });
    await call('vote.totals', { roundId: id, groupId: 'deputies', counts: DEPUTY_ROWS });
  }
  st = await call('vote.check', { roundId: id });
  if (opts.announce !== false) st = await call('vote.announce', { roundId: id });
  const { core, data } = await readMeetingData(s, meetingId);
  const round = data.votes.rounds.find((r) => r.id === id)!;
  return { s, call, dir, meetingId, item, round, core, data };
}
