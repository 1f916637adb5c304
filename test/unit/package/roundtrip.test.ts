import { afterEach, describe, expect, it } from 'vitest';
import { sep } from 'node:path';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { VoteConsoleState } from '../../../shared/api/vote-types';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { abandon, cleanup, host, type Host } from './helpers';

afterEach(cleanup);

async function plannedMeeting(desk: Host) {
  const list = await desk.call('meetings.list', {});
  const m = list.find((x) => x.status === 'planned' && x.year === 2026) ?? list.find((x) => x.status === 'planned');
  if (!m) throw new Error('no planned meeting in the demo county');
  return m;
}

describe('the meeting package between the desk and the hall laptop', () => {
  it('goes to the laptop and back, merging by id with one conflict the user resolves, and logs the merge', async () => {
    const desk = await host('pingyi-desk-');
    const laptop = await host('pingyi-hall-');
    const meeting = await plannedMeeting(desk);

    const out = await desk.call('package.export', { meetingId: meeting.id });
    const pkg = desk.take(out.delivery);
    expect(pkg.fileName).toMatch(/会议包\.pingyi$/);
    const detail = await desk.call('meetings.get', { id: meeting.id });
    expect((detail as unknown as { handoff?: { direction: string } }).handoff?.direction ?? 'out').toBe('out');

    // The laptop (the demo county of its own) sees what comes and takes it.
    const id1 = laptop.stage(pkg.fileName, pkg.bytes);
    const preview = await laptop.call('package.inspect', { uploadId: id1 });
    expect(preview).toMatchObject({ kind: 'meeting', meetingId: meeting.id, foreign: false, conflicts: [] });
    expect(preview.changes.some((c) => c.label.startsWith('组成人员'))).toBe(true);
    const imported = await laptop.call('package.import', { uploadId: id1 });
    expect(imported.kind).toBe('meeting');
    const laptopMembers = await laptop.call('members.list', {});
    const deskMembers = await desk.call('members.list', {});
    expect(laptopMembers.map((m) => m.id).sort()).toEqual(deskMembers.map((m) => m.id).sort());
    expect((await laptop.call('meetings.list', {})).map((m) => m.id)).toEqual([meeting.id]);

    // Both sides change the same member; the laptop also changes another.
    const [a, b] = deskMembers;
    if (!a || !b) throw new Error('demo county without members');
    await desk.call('members.update', { member: { ...a, note: '办公桌改的' } });
    await laptop.call('members.update', { member: { ...a, note: '会场改的' } });
    await laptop.call('members.update', { member: { ...b, note: '只有会场改了' } });

    const back = await laptop.call('package.exportResults', { meetingId: meeting.id });
    const results = laptop.take(back.delivery);
    const id2 = desk.stage(results.fileName, results.bytes);
    const merge = await desk.call('package.inspect', { uploadId: id2 });
    expect(merge.kind).toBe('results');
    expect(merge.foreign).toBe(false);
    expect(merge.conflicts).toEqual([{ key: `members/${a.id}`, label: `组成人员 ${a.name}`, fields: [{ field: '备注', here: '办公桌改的', package: '会场改的' }] }]);
    expect(merge.changes).toContainEqual({ key: `members/${b.id}`, label: `组成人员 ${b.name}`, change: 'changed' });

    // Nothing is overwritten silently: without a choice the import is refused and nothing changes.
    const refused = await desk.refusal('package.import', { uploadId: id2 });
    expect(refused.code).toBe('needs_confirmation');
    expect(refused.message).toContain(`组成人员 ${a.name}`);
    expect((await desk.call('members.list', {})).find((m) => m.id === b.id)?.note ?? '').not.toBe('只有会场改了');

    const done = await desk.call('package.import', { uploadId: id2, choices: { [`members/${a.id}`]: 'package' } });
    expect(done.resolved).toEqual([{ key: `members/${a.id}`, label: `组成人员 ${a.name}`, choice: 'package' }]);
    const after = await desk.call('members.list', {});
    expect(after.find((m) => m.id === a.id)?.note).toBe('会场改的');
    expect(after.find((m) => m.id === b.id)?.note).toBe('只有会场改了');
    const line = desk.lines.find((l) => l.message === 'meeting results merged');
    expect(line?.details).toMatchObject({ meetingId: meeting.id, conflicts: [{ key: `members/${a.id}`, choice: 'package' }] });
  });

  it('asks before taking a package from another data folder, and a results package from another desk', async () => {
    const desk = await host('pingyi-desk-');
    const other = await host('pingyi-other-');
    const laptop = await host('pingyi-hall-');
    const meeting = await plannedMeeting(desk);
    const first = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    await laptop.call('package.import', { uploadId: laptop.stage(first.fileName, first.bytes) });

    const foreign = other.take((await other.call('package.export', { meetingId: (await plannedMeeting(other)).id })).delivery);
    const id = laptop.stage(foreign.fileName, foreign.bytes);
    const preview = await laptop.call('package.inspect', { uploadId: id });
    expect(preview.foreign).toBe(true);
    expect(preview.foreignMessage).toContain('另一个数据文件夹');
    expect((await laptop.refusal('package.import', { uploadId: id })).code).toBe('needs_confirmation');

    const results = laptop.take((await laptop.call('package.exportResults', { meetingId: meeting.id })).delivery);
    const rid = other.stage(results.fileName, results.bytes);
    expect((await other.refusal('package.import', { uploadId: rid })).message).toContain('不是从本数据文件夹导出的');
  });

  it('refuses a results package on the desk itself and a meeting package where it was made', async () => {
    const desk = await host('pingyi-desk-');
    const meeting = await plannedMeeting(desk);
    expect((await desk.refusal('package.exportResults', { meetingId: meeting.id })).message).toContain('不是从会议包导入本机的会议');
    const pkg = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    expect((await desk.refusal('package.import', { uploadId: desk.stage(pkg.fileName, pkg.bytes) })).message).toContain('请在会场电脑上导入');
  });
});

describe('a meeting held at the hall comes back whole', () => {
  it('the desk gets the laptop’s attendance, rounds and the vote results derived for its evaluations', async () => {
    const desk = await host('pingyi-desk-');
    const laptop = await host('pingyi-hall-');
    const meeting = await plannedMeeting(desk);
    const pkg = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    await laptop.call('package.import', { uploadId: laptop.stage(pkg.fileName, pkg.bytes) });

    // Held on the laptop's console: everyone present, the 民主测评 counted by totals and announced.
    const c = <T,>(name: string, args: unknown = {}) => laptop.as<T>('console', name, args);
    let live = await c<LiveConsoleState>('live.open', { meetingId: meeting.id, rehearsal: false });
    await c('live.attendanceAll', { status: 'present' });
    live = await c<LiveConsoleState>('live.start');
    const index = live.agenda.findIndex((a) => a.kind === 'vote');
    await c('live.goto', { itemIndex: index, stage: 'vote' });
    const item = (await c<VoteConsoleState>('vote.state')).items[0]!;
    const present = live.roster.length;
    let st = await c<VoteConsoleState>('vote.prepare', { agendaItemId: item.agendaItemId });
    const round = st.items[0]!.rounds.at(-1)!;
    await c('vote.setTellers', { roundId: round.id, tellers: ['甲计票'], scrutineers: ['乙监票'] });
    await c('vote.open', { roundId: round.id, groups: [{ groupId: 'members', issued: present }] });
    await c('vote.close', { roundId: round.id, groups: [{ groupId: 'members', returned: present }] });
    await c('vote.mode', { roundId: round.id, groupId: 'members', mode: 'totals' });
    const row = { satisfied: present, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 };
    await c('vote.totals', { roundId: round.id, groupId: 'members', counts: item.evaluatees.map(() => row) });
    await c('vote.check', { roundId: round.id });
    st = await c<VoteConsoleState>('vote.announce', { roundId: round.id });
    // Still running: no results package yet.
    expect((await laptop.refusal('package.exportResults', { meetingId: meeting.id })).message).toContain('正在进行');
    await c('live.end', { confirm: '结束会议' });

    const results = laptop.take((await laptop.call('package.exportResults', { meetingId: meeting.id })).delivery);
    const id = desk.stage(results.fileName, results.bytes);
    const preview = await desk.call('package.inspect', { uploadId: id });
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes.map((x) => x.key)).toEqual(expect.arrayContaining(['meeting/attendance', 'meeting/live', 'meeting/votes']));
    await desk.call('package.import', { uploadId: id });

    const year = meeting.year;
    const evaluations = (await desk.s.store.read<{ evaluations: Evaluation[] }>(`year/${year}`)).evaluations;
    const voted = evaluations.filter((e) => item.evaluatees.some((p) => p.id === e.evaluateeId) && e.meetingId === meeting.id);
    expect(voted).toHaveLength(item.evaluatees.length);
    expect(voted.map((e) => e.voteResult?.outcome)).toEqual(Array(item.evaluatees.length).fill('满意'));
    expect((await desk.call('meetings.list', {})).find((m) => m.id === meeting.id)?.status).toBe('closed');
  });
});

describe('a meeting package sent again', () => {
  it('keeps what the hall changed, takes what the desk changed, and asks about a record both changed', async () => {
    const desk = await host('pingyi-desk-');
    const laptop = await host('pingyi-hall-');
    const meeting = await plannedMeeting(desk);
    const first = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    await laptop.call('package.import', { uploadId: laptop.stage(first.fileName, first.bytes) });
    const [a, b, c] = await desk.call('members.list', {});
    await laptop.call('members.update', { member: { ...a!, note: '会场' } });
    await desk.call('members.update', { member: { ...b!, note: '办公桌' } });
    await laptop.call('members.update', { member: { ...c!, note: '会场' } });
    await desk.call('members.update', { member: { ...c!, note: '办公桌' } });
    const second = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    const id = laptop.stage(second.fileName, second.bytes);
    const preview = await laptop.call('package.inspect', { uploadId: id });
    expect(preview.conflicts.map((x) => x.key)).toEqual([`members/${c!.id}`]);
    expect(preview.keptHere).toBe(1);
    await laptop.call('package.import', { uploadId: id, choices: { [`members/${c!.id}`]: 'here' } });
    const notes = new Map((await laptop.call('members.list', {})).map((m) => [m.id, m.note]));
    expect([notes.get(a!.id), notes.get(b!.id), notes.get(c!.id)]).toEqual(['会场', '办公桌', '会场']);
  });
});

describe('an import is one change: all of it or none, even across a stop', () => {
  /** A disk that fails every rename onto a file `match` accepts, with `code`. */
  const failing = (match: (to: string) => boolean, code: string): StoreFs => ({
    ...nodeStoreFs,
    async rename(from, to) {
      if (match(to)) throw Object.assign(new Error(`${code} (injected)`), { code });
      return nodeStoreFs.rename(from, to);
    },
  });

  it('refused with nothing changed when the disk is full before it is written', async () => {
    const desk = await host('pingyi-desk-');
    const meeting = await plannedMeeting(desk);
    const pkg = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    const laptop = await host('pingyi-hall-', { fs: failing((to) => to.endsWith('pending-change.json'), 'ENOSPC') });
    const before = { meetings: (await laptop.call('meetings.list', {})).map((m) => m.id).sort(), members: (await laptop.call('members.list', {})).map((m) => m.id).sort() };
    const refused = await laptop.refusal('package.import', { uploadId: laptop.stage(pkg.fileName, pkg.bytes) });
    expect(refused.message).toContain('数据没有任何改动');
    expect(refused.message).not.toContain('(injected)');
    expect((await laptop.call('meetings.list', {})).map((m) => m.id).sort()).toEqual(before.meetings);
    expect((await laptop.call('members.list', {})).map((m) => m.id).sort()).toEqual(before.members);
    expect(laptop.lines.some((l) => l.message.startsWith('package import failed'))).toBe(true);
  });

  it('stopped after the years were written and before the meeting and core: the next start holds the whole import', async () => {
    const desk = await host('pingyi-desk-');
    const meeting = await plannedMeeting(desk);
    const pkg = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    const members = (await desk.call('members.list', {})).map((m) => m.id).sort();
    const fresh = await host('pingyi-hall-');
    const homeDir = fresh.homeDir;
    await fresh.s.close();
    abandon(fresh);
    // The laptop's disk stops taking writes as the meeting's file is replaced (a power cut then).
    const laptop = await host('pingyi-hall-', { homeDir, fs: failing((to) => to.includes(`${sep}meeting${sep}`), 'EIO') });
    await laptop.call('package.import', { uploadId: laptop.stage(pkg.fileName, pkg.bytes) });
    abandon(laptop);
    const again = await host('pingyi-hall-', { homeDir });
    expect((await again.call('meetings.list', {})).map((m) => m.id)).toEqual([meeting.id]);
    expect((await again.call('members.list', {})).map((m) => m.id).sort()).toEqual(members);
    expect(again.s.store.notices().some((n) => n.kind === 'change-completed' && n.message.includes('导入'))).toBe(true);
  });
});
