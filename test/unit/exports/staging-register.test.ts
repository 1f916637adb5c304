import { mkdtemp, mkdir, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendExportLog, readExportLog } from '../../../electron/services/exports/export-log';
import { FolderSink } from '../../../electron/services/exports/sinks';
import { StagingRegister, STAGING_REGISTER_FILE } from '../../../electron/services/exports/staging-register';
import type { ExportLogEntry } from '../../../shared/api/calls/exports';

const dirs: string[] = [];
async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-staging-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('staging folders of interrupted folder exports', () => {
  it('records the staging folder before its first file and forgets it once renamed into place', async () => {
    const data = await temp();
    const parent = await temp();
    const register = new StagingRegister(() => data);
    const seen: string[][] = [];
    const sink = new FolderSink(parent, '评议意见', undefined, {
      staging: async (p) => {
        await register.add(p);
        seen.push(JSON.parse(await readFile(join(data, STAGING_REGISTER_FILE), 'utf8')) as string[]);
      },
      settled: (p) => register.forget(p),
    });
    await sink.add('关于对张明同志履职情况的评议意见.docx', new Uint8Array([1, 2, 3]));
    expect(seen[0]).toHaveLength(1);
    expect(seen[0]?.[0]).toMatch(/\.评议意见\.[0-9a-f]{8}\.exporting$/);
    const { path } = await sink.commit();
    expect(await readdir(path)).toEqual(['关于对张明同志履职情况的评议意见.docx']);
    expect(JSON.parse(await readFile(join(data, STAGING_REGISTER_FILE), 'utf8'))).toEqual([]);
  });

  it('removes, at the next start, the half-filled folder a crash left behind — and nothing else', async () => {
    const data = await temp();
    const parent = await temp();
    const register = new StagingRegister(() => data);
    // The app "crashes" after the first file: the sink is never committed or discarded.
    const sink = new FolderSink(parent, '评议意见', undefined, { staging: (p) => register.add(p), settled: (p) => register.forget(p) });
    await sink.add('甲.docx', new Uint8Array([1]));
    const left = sink.stagingPath ?? '';
    await mkdir(join(parent, '评议意见'));
    await writeFile(join(parent, '用户自己的文件.docx'), 'x');
    // A path recorded by hand that is not a staging folder's name is never removed.
    await register.add(join(parent, '评议意见'));

    const restarted = new StagingRegister(() => data);
    expect(await restarted.sweep()).toEqual([left]);
    expect((await readdir(parent)).sort()).toEqual(['用户自己的文件.docx', '评议意见'].sort());
    expect(JSON.parse(await readFile(join(data, STAGING_REGISTER_FILE), 'utf8'))).toEqual([]);
  });

  it('leaves a running export alone and writes nothing when nothing is recorded', async () => {
    const data = await temp();
    const parent = await temp();
    const register = new StagingRegister(() => data);
    expect(await register.sweep()).toEqual([]);
    expect(await readdir(data)).toEqual([]);
    const sink = new FolderSink(parent, '测评票', undefined, { staging: (p) => register.add(p), settled: (p) => register.forget(p) });
    await sink.add('测评票.docx', new Uint8Array([1]));
    const running = sink.stagingPath ?? '';
    expect(await register.sweep(new Set([running]))).toEqual([]);
    expect(await readdir(running)).toEqual(['测评票.docx']);
  });
});

describe('export log after a torn line', () => {
  it('starts the next entry on its own line so both the earlier and the new entries stay readable', async () => {
    const data = await temp();
    const entry = (jobId: string): ExportLogEntry => ({
      at: '2026-10-30T08:00:00.000Z',
      jobId,
      what: 'opinions',
      meetingId: 'mt_1',
      meetingName: '第二十三次会议',
      target: 'zip',
      state: 'done',
      location: '/tmp/评议意见.zip',
      files: [],
      message: '已导出',
    });
    await appendExportLog(data, entry('ex_a'));
    // Power lost mid-append: half a line without its newline.
    await writeFile(join(data, 'logs', 'exports.jsonl'), `${JSON.stringify(entry('ex_a'))}\n{"at":"2026-10-30T08:01`, { flag: 'w' });
    await appendExportLog(data, entry('ex_b'));
    expect((await readExportLog(data)).map((e) => e.jobId)).toEqual(['ex_b', 'ex_a']);
  });
});
