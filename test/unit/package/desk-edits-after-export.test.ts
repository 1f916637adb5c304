import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, host } from './helpers';

afterEach(cleanup);

/**
 * The desk may still edit a meeting whose package is out (it asks first, in the page); the services
 * refuse nothing and record nothing extra: the results merge compares each record with the hash kept
 * at export, so what the desk changed since is seen at the return by itself.
 */
describe('desk edits of a meeting after its package went to the hall', () => {
  it('are kept when only the desk changed a part, and shown side by side when the hall changed it too', async () => {
    const desk = await host('pingyi-desk-');
    const laptop = await host('pingyi-hall-');
    const list = await desk.call('meetings.list', {});
    const meeting = list.find((x) => x.status === 'planned' && x.year === 2026) ?? list.find((x) => x.status === 'planned')!;
    const pkg = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery);
    await laptop.call('package.import', { uploadId: laptop.stage(pkg.fileName, pkg.bytes) });

    // Desk: the agenda's first two reports change places, and the vote is prepared.
    const { meeting: record } = await desk.call('meetings.get', { id: meeting.id });
    const reports = record.agenda.filter((a) => a.kind === 'report');
    if (reports.length < 2) throw new Error('the demo meeting has fewer than two reports');
    const swapped = [reports[1]!, reports[0]!, ...record.agenda.filter((a) => a !== reports[0] && a !== reports[1])];
    await desk.call('meetings.setAgenda', { id: meeting.id, agenda: swapped });
    const vote = record.agenda.find((a) => a.kind === 'vote')!;
    const deskRound = await desk.call('vote.prepare', { meetingId: meeting.id, agendaItemId: vote.id });
    const roundId = deskRound.items.find((i) => i.agendaItemId === vote.id)!.rounds.at(-1)!.id;
    await desk.call('vote.setTellers', { meetingId: meeting.id, roundId, tellers: ['办公桌计票'], scrutineers: [] });

    // Hall: the same vote prepared there, and a question added to the bank.
    const hallRound = await laptop.call('vote.prepare', { meetingId: meeting.id, agendaItemId: vote.id });
    const hallRoundId = hallRound.items.find((i) => i.agendaItemId === vote.id)!.rounds.at(-1)!.id;
    await laptop.call('vote.setTellers', { meetingId: meeting.id, roundId: hallRoundId, tellers: ['会场计票'], scrutineers: [] });
    const heard = reports.find((r) => r.kind === 'report' && r.mode === 'report');
    if (heard?.kind !== 'report') throw new Error('the demo meeting has no report in person');
    await laptop.call('questions.add', { meetingId: meeting.id, evaluateeId: heard.evaluateeId, items: [{ topic: '会场补充', text: '会场上补充的问题？' }], source: 'typed' });

    const results = laptop.take((await laptop.call('package.exportResults', { meetingId: meeting.id })).delivery);
    const id = desk.stage(results.fileName, results.bytes);
    const merge = await desk.call('package.inspect', { uploadId: id });
    // Both changed the rounds: asked about. Only the desk changed the agenda: kept. Only the hall the bank: taken.
    expect(merge.conflicts.map((c) => c.key)).toEqual(['meeting/votes']);
    expect(merge.changes.map((c) => c.key)).toContain('meeting/questioning');
    expect(merge.changes.map((c) => c.key)).not.toContain('meeting/meeting');
    expect(merge.keptHere).toBeGreaterThanOrEqual(1);
    expect((await desk.refusal('package.import', { uploadId: id })).code).toBe('needs_confirmation');

    await desk.call('package.import', { uploadId: id, choices: { 'meeting/votes': 'here' } });
    const after = await desk.call('meetings.get', { id: meeting.id });
    expect(after.meeting.agenda.map((a) => a.id)).toEqual(swapped.map((a) => a.id));
    const state = await desk.call('vote.state', { meetingId: meeting.id });
    expect(state.items.find((i) => i.agendaItemId === vote.id)!.rounds.at(-1)!.tellers).toEqual(['办公桌计票']);
    const bank = await desk.call('questions.list', { meetingId: meeting.id });
    expect(bank.questions.some((q) => q.text === '会场上补充的问题？')).toBe(true);
  });
});
