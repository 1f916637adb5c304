import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../../shared/api/calls/exports';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger, type Clock } from '../../../electron/services/deps';
import { exportLogPath } from '../../../electron/services/exports/export-log';
import { checkOpinionStructure } from '../opinions/docx-structure';
import { finishedContent } from '../opinions/fixtures';
import { takeDelivered } from './delivered';
import { zipEntries } from './zip-headers';

const clock: Clock = { now: () => Date.UTC(2026, 10, 28, 2, 0, 0) };
let services: AppServices | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await services?.close();
  services = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

async function open() {
  services = await createAppServices({ homeDir: await tempDir('pingyi-ex-'), mode: 'browser', version: 'test', clock, log: silentLogger, backupOnStart: false });
  const s = services;
  const events: ExportJobView[] = [];
  s.hub.subscribe('desk', (name, payload) => name === 'exports.progress' && events.push(payload as ExportJobView));
  async function call<N extends CallName>(name: N, args: ArgsOf<N>, role: Role = 'desk'): Promise<ResultOf<N>> {
    const reply = await s.dispatch(role, name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as ResultOf<N>;
  }
  /** The job's last event, once it has ended (done, cancelled, failed). */
  async function ended(jobId: string): Promise<ExportJobView> {
    for (let i = 0; i < 2000; i++) {
      const last = events.filter((e) => e.jobId === jobId).at(-1);
      if (last && last.state !== 'running') return last;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`job ${jobId} did not end`);
  }
  return { s, call, events, ended };
}

type Api = Awaited<ReturnType<typeof open>>;

/** Drafts, approves and issues the opinions of the first `n` rows of the demo meeting. */
async function issueOpinions({ call }: Api, n: number) {
  const list = await call('opinions.list', {});
  const rows = list.rows.slice(0, n);
  for (const [i, row] of rows.entries()) {
    const which = { year: 2026, evaluationId: row.evaluationId };
    await call('opinions.create', which);
    await call('opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(row.name) });
    const approved = await call('opinions.approve', { ...which, versionNo: 1, council: { date: '2026-11-10', sitting: 30 } });
    await call('opinions.issue', { ...which, versionNo: 1, issue: { docNumber: `${approved.doc.docPrefix}〔2026〕${i + 1}号`, issueDate: '2026-11-12' } });
  }
  return { rows, meetingId: rows[0]!.meetingId!, meetingName: rows[0]!.meetingName! };
}

const title = (name: string) => `关于对${name}同志履职情况的评议意见`;

describe('batch export of a meeting’s opinions', () => {
  it('zips every issued opinion under its Chinese name with progress, a download for the desk and a log line', async () => {
    const api = await open();
    const { rows, meetingId, meetingName } = await issueOpinions(api, 3);
    const started = await api.call('exports.start', { meetingId, what: 'opinions', target: 'zip' });
    if (started.kind !== 'started') throw new Error('not started');
    expect(started.job).toMatchObject({ meetingId, meetingName, what: 'opinions', target: 'zip', total: 3, done: 0, state: 'running' });
    const end = await api.ended(started.job.jobId);
    expect(end.state).toBe('done');
    expect(end.done).toBe(3);
    // One event per file before it is made, one at the end of the rendering, and the final one.
    const mine = api.events.filter((e) => e.jobId === started.job.jobId);
    expect(mine.map((e) => [e.done, e.current])).toEqual([
      [0, `${title(rows[0]!.name)}.docx`],
      [1, `${title(rows[1]!.name)}.docx`],
      [2, `${title(rows[2]!.name)}.docx`],
      [3, null],
      [3, null],
    ]);
    if (end.result?.target !== 'zip') throw new Error('no zip');
    expect(end.result.delivery).toMatchObject({ kind: 'download', fileName: `${meetingName}评议意见.zip` });
    expect(end.message).toContain(`${meetingName}评议意见.zip`);

    const file = takeDelivered(api.s, 'desk', end.result.delivery);
    expect(file.contentType).toBe('application/zip');
    const entries = zipEntries(file.bytes);
    expect(entries.map((e) => e.name)).toEqual(rows.map((r) => `${title(r.name)}.docx`));
    expect(entries.every((e) => (e.centralFlags & 0x0800) !== 0 && (e.localFlags & 0x0800) !== 0)).toBe(true);
    const unzipped = unzipSync(file.bytes);
    const first = unzipped[`${title(rows[0]!.name)}.docx`]!;
    expect(checkOpinionStructure(first, { header: '青岚县人民代表大会常务委员会文件', docNumber: '青人常〔2026〕1号', title: title(rows[0]!.name), copyToIncludes: ['县委', rows[0]!.unitName], issueDateCn: '2026年11月12日' })).toEqual([]);

    // The log, on disk before the last event, and through the call.
    const lines = (await readFile(exportLogPath(api.s.dataDir), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    const log = await api.call('exports.log', {});
    expect(log).toEqual([JSON.parse(lines[0]!)]);
    expect(log[0]).toMatchObject({
      jobId: started.job.jobId,
      what: 'opinions',
      meetingId,
      meetingName,
      target: 'zip',
      state: 'done',
      location: `${meetingName}评议意见.zip`,
      at: '2026-11-28T02:00:00.000Z',
    });
    expect(log[0]!.files).toEqual(Object.entries(unzipped).map(([name, bytes]) => ({ name, bytes: bytes.length })));
    expect(await api.call('exports.status', { jobId: started.job.jobId })).toEqual(end);
  });

  it('writes into a typed folder (browser mode), renamed into place whole; a second export gets a numbered folder', async () => {
    const api = await open();
    const { rows, meetingId, meetingName } = await issueOpinions(api, 2);
    const parent = await tempDir('pingyi-out-');
    const run = async () => {
      const started = await api.call('exports.start', { meetingId, what: 'opinions', target: 'folder', folder: `${parent}/` });
      if (started.kind !== 'started') throw new Error('not started');
      return api.ended(started.job.jobId);
    };
    const first = await run();
    expect(first.result).toEqual({ target: 'folder', path: join(parent, `${meetingName}评议意见`) });
    expect(first.message).toBe(`已导出 2 个文件到 ${join(parent, `${meetingName}评议意见`)}`);
    expect((await readdir(join(parent, `${meetingName}评议意见`))).sort()).toEqual(rows.map((r) => `${title(r.name)}.docx`).sort());
    const second = await run();
    expect(second.result).toEqual({ target: 'folder', path: join(parent, `${meetingName}评议意见（2）`) });
    expect((await readdir(parent)).sort()).toEqual([`${meetingName}评议意见`, `${meetingName}评议意见（2）`]);
    const log = await api.call('exports.log', {});
    expect(log.map((e) => [e.state, e.location, e.files.length])).toEqual([
      ['done', join(parent, `${meetingName}评议意见（2）`), 2],
      ['done', join(parent, `${meetingName}评议意见`), 2],
    ]);
  });

  it('refuses a folder that is not an existing absolute one, naming the field, before anything starts', async () => {
    const api = await open();
    const { meetingId } = await issueOpinions(api, 1);
    const parent = await tempDir('pingyi-out-');
    await writeFile(join(parent, 'a.txt'), 'x');
    const attempt = (folder?: string) => api.call('exports.start', { meetingId, what: 'opinions', target: 'folder', ...(folder === undefined ? {} : { folder }) });
    await expect(attempt()).rejects.toThrow('导出文件夹：请填写文件夹的完整路径');
    await expect(attempt('评议导出')).rejects.toThrow('导出文件夹：“评议导出”不是完整路径');
    await expect(attempt(join(parent, '没有'))).rejects.toThrow(`导出文件夹：找不到文件夹“${join(parent, '没有')}”`);
    await expect(attempt(join(parent, 'a.txt'))).rejects.toThrow('是一个文件，不是文件夹');
    expect(api.events).toEqual([]);
    expect(await api.call('exports.log', {})).toEqual([]);
  });

  it('says so when the meeting has no issued opinion, and checks the meeting and the job', async () => {
    const api = await open();
    const meetingId = (await api.call('opinions.list', {})).rows[0]!.meetingId!;
    await expect(api.call('exports.start', { meetingId, what: 'opinions', target: 'zip' })).rejects.toThrow('本次会议还没有已印发的评议意见');
    await expect(api.call('exports.start', { meetingId, what: 'receipts', target: 'zip' })).rejects.toThrow('本次会议还没有已印发的评议意见，没有可导出的送达回证');
    await expect(api.call('exports.start', { meetingId, what: 'ballots', target: 'zip' })).rejects.toThrow('本次会议还没有准备测评轮次');
    await expect(api.call('exports.start', { meetingId: 'mt_doesnotexist', what: 'opinions', target: 'zip' })).rejects.toThrow('找不到该会议');
    await expect(api.call('exports.status', { jobId: 'ex_abcdefghij0' })).rejects.toThrow('找不到该导出任务');
    await expect(api.call('exports.start', { meetingId, what: 'minutes', target: 'zip' } as never)).rejects.toThrow('请选择导出内容');
    // The hall may not export.
    await expect(api.call('exports.log', {}, 'hall')).rejects.toThrow(/无权/);
  });

  it('cancelled: the job ends as cancelled, nothing is offered, the log says so', async () => {
    const api = await open();
    const { meetingId } = await issueOpinions(api, 3);
    const parent = await tempDir('pingyi-out-');
    const started = await api.call('exports.start', { meetingId, what: 'opinions', target: 'folder', folder: parent });
    if (started.kind !== 'started') throw new Error('not started');
    // Sent before the runner's first turn: no file is made at all.
    const cancelling = await api.call('exports.cancel', { jobId: started.job.jobId });
    expect(cancelling.message).toBe('正在取消…');
    const end = await api.ended(started.job.jobId);
    expect(end).toMatchObject({ state: 'cancelled', result: null, message: '已取消导出评议意见，未写入任何文件。' });
    expect(await readdir(parent)).toEqual([]);
    const [entry] = await api.call('exports.log', {});
    expect(entry).toMatchObject({ state: 'cancelled', location: null, files: [] });
    // Cancelling an ended job changes nothing.
    expect((await api.call('exports.cancel', { jobId: started.job.jobId })).state).toBe('cancelled');
  });

  it('exports the delivery receipts of the issued opinions', async () => {
    const api = await open();
    const { rows, meetingId } = await issueOpinions(api, 2);
    const started = await api.call('exports.start', { meetingId, what: 'receipts', target: 'zip' });
    if (started.kind !== 'started') throw new Error('not started');
    const end = await api.ended(started.job.jobId);
    expect(end.state).toBe('done');
    if (end.result?.target !== 'zip') throw new Error('no zip');
    const names = zipEntries(takeDelivered(api.s, 'desk', end.result.delivery).bytes).map((e) => e.name);
    expect(names).toEqual(rows.map((r) => `${title(r.name)}送达回证.docx`));
  });

  it('exports the ballots of every prepared round: one file per group, members + 2 sheets', async () => {
    const api = await open();
    const meetingId = (await api.call('opinions.list', {})).rows[0]!.meetingId!;
    const detail = await api.call('meetings.get', { id: meetingId });
    const vote = detail.meeting.agenda.find((a) => a.kind === 'vote');
    if (vote?.kind !== 'vote') throw new Error('the demo meeting has no vote item');
    await api.call('vote.prepare', { meetingId, agendaItemId: vote.id, groups: [{ kind: 'deputies', label: '列席代表' }] });
    const members = (await api.call('members.list', {})).filter((m) => m.active).length;
    const started = await api.call('exports.start', { meetingId, what: 'ballots', target: 'zip' });
    if (started.kind !== 'started') throw new Error('not started');
    const end = await api.ended(started.job.jobId);
    expect(end.state).toBe('done');
    if (end.result?.target !== 'zip') throw new Error('no zip');
    const names = zipEntries(takeDelivered(api.s, 'desk', end.result.delivery).bytes).map((e) => e.name);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe(`${vote.title}第一轮测评票（${members + 2}张）.docx`);
    expect(names[1]).toMatch(new RegExp(`^${vote.title}第一轮测评票（列席代表）（\\d+张）\\.docx$`));
  });
});
