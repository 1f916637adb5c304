import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { FileDestination } from '../../../electron/services/file-port';
import { runBatch, type BatchItem, type BatchProgress, type BatchSink } from '../../../electron/services/exports/runner';
import { FolderSink, ZipSink } from '../../../electron/services/exports/sinks';
import { nodeStoreFs } from '../../../electron/services/store/store-fs';
import { zipEntries } from './zip-headers';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'pingyi-batch-'));
  dirs.push(d);
  return d;
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const item = (fileName: string, text = fileName, before?: () => void): BatchItem => ({
  fileName,
  render: async () => {
    before?.();
    return bytesOf(text);
  },
});

/** A destination that keeps what it was given, as the save dialog's file or the download would. */
function memoryDestination(fileName = '导出.zip'): FileDestination & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return {
    fileName,
    received,
    async complete(bytes): Promise<FileDelivery> {
      received.push(bytes);
      return { kind: 'download', url: '/desk/download/x', fileName, bytes: bytes.length };
    },
  };
}

const NAMES = ['关于对张明同志履职情况的评议意见.docx', '关于对李华同志履职情况的评议意见.docx', '关于对王芳同志履职情况的评议意见.docx'];

describe('runBatch', () => {
  it('renders one item at a time, reports progress before each and at the end, and commits once', async () => {
    const progress: BatchProgress[] = [];
    const log: string[] = [];
    const sink: BatchSink<string> = {
      async add(name, bytes) {
        log.push(`add ${name} ${bytes.length}`);
        return name;
      },
      async commit() {
        log.push('commit');
        return 'ok';
      },
      async discard() {
        log.push('discard');
      },
    };
    let yields = 0;
    const items = NAMES.map((n) => item(n, n, () => log.push(`render ${n}`)));
    const outcome = await runBatch(items, sink, {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
      yieldNow: async () => {
        yields++;
      },
    });
    expect(outcome).toEqual({ state: 'done', result: 'ok', files: NAMES.map((n) => ({ name: n, bytes: bytesOf(n).length })) });
    expect(progress).toEqual([
      { done: 0, total: 3, current: NAMES[0] },
      { done: 1, total: 3, current: NAMES[1] },
      { done: 2, total: 3, current: NAMES[2] },
      { done: 3, total: 3, current: null },
    ]);
    expect(log).toEqual([...NAMES.flatMap((n) => [`render ${n}`, `add ${n} ${bytesOf(n).length}`]), 'commit']);
    // The event loop gets a turn before every item and before the commit.
    expect(yields).toBe(4);
  });

  it('yields to the event loop between items, so a cancel sent meanwhile is served', async () => {
    const controller = new AbortController();
    const rendered: string[] = [];
    // A timer (macrotask) cancels while the batch runs: it only fires if the runner yields.
    setTimeout(() => controller.abort(), 0);
    const slow = Array.from({ length: 200 }, (_, i) => item(`${i}.txt`, 'x', () => rendered.push(String(i))));
    const outcome = await runBatch(slow, new ZipSink(memoryDestination()), { signal: controller.signal });
    expect(outcome.state).toBe('cancelled');
    expect(rendered.length).toBeLessThan(200);
  });

  it('cancelled mid-way into a folder leaves nothing: no staging folder, no target folder', async () => {
    const parent = await tempDir();
    const controller = new AbortController();
    const items = NAMES.map((n, i) => item(n, n, () => i === 1 && controller.abort()));
    const sink = new FolderSink(parent, '第二十三次会议评议意见');
    const staged: string[] = [];
    const watched: BatchSink<unknown> = {
      add: async (name, bytes) => {
        const got = await sink.add(name, bytes);
        staged.push(...(await readdir(sink.stagingPath!)));
        return got;
      },
      commit: () => sink.commit(),
      discard: () => sink.discard(),
    };
    const outcome = await runBatch(items, watched, { signal: controller.signal });
    expect(outcome).toEqual({ state: 'cancelled', files: [] });
    // The first file had been written (into the hidden staging folder) before the cancel…
    expect(staged).toEqual([NAMES[0]]);
    // …and is gone with it.
    expect(await readdir(parent)).toEqual([]);
  });

  it('a failure in item k leaves nothing, in a folder and in a zip', async () => {
    const parent = await tempDir();
    const failing = (k: number) => NAMES.map((n, i) => (i === k ? { fileName: n, render: () => Promise.reject(new Error('字体缺失')) } : item(n)));
    const folder = await runBatch(failing(2), new FolderSink(parent, '评议意见'), { signal: new AbortController().signal });
    expect(folder).toMatchObject({ state: 'failed', fileName: NAMES[2], files: [] });
    expect((folder as { error: Error }).error.message).toBe('字体缺失');
    expect(await readdir(parent)).toEqual([]);

    const destination = memoryDestination();
    const zip = await runBatch(failing(1), new ZipSink(destination), { signal: new AbortController().signal });
    expect(zip).toMatchObject({ state: 'failed', fileName: NAMES[1] });
    expect(destination.received).toEqual([]);
  });

  it('a failing write (disk full) in the folder leaves nothing either', async () => {
    const parent = await tempDir();
    let writes = 0;
    const fs = {
      ...nodeStoreFs,
      open: (async (...args: Parameters<typeof nodeStoreFs.open>) => {
        if (++writes === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return nodeStoreFs.open(...args);
      }) as typeof nodeStoreFs.open,
    };
    const outcome = await runBatch(NAMES.map((n) => item(n)), new FolderSink(parent, '评议意见', fs), { signal: new AbortController().signal });
    expect(outcome).toMatchObject({ state: 'failed', fileName: NAMES[1] });
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('folder target', () => {
  it('appears whole under its name, or a numbered one when that exists; duplicate file names are numbered', async () => {
    const parent = await tempDir();
    await mkdir(join(parent, '评议意见'));
    await writeFile(join(parent, '评议意见', '旧文件.docx'), 'old');
    const items = [item(NAMES[0]!, 'a'), item(NAMES[0]!, 'b'), item('a/b\\c:d.docx', 'c')];
    const outcome = await runBatch(items, new FolderSink(parent, '评议意见'), { signal: new AbortController().signal });
    if (outcome.state !== 'done') throw new Error(outcome.state);
    expect(outcome.result.path).toBe(join(parent, '评议意见（2）'));
    expect(outcome.files.map((f) => f.name)).toEqual([NAMES[0], NAMES[0]!.replace('.docx', '（2）.docx'), 'c_d.docx']);
    expect((await readdir(outcome.result.path)).sort()).toEqual(outcome.files.map((f) => f.name).sort());
    expect(await readFile(join(outcome.result.path, NAMES[0]!.replace('.docx', '（2）.docx')), 'utf8')).toBe('b');
    // The folder that was there is untouched; no staging folder is left.
    expect(await readFile(join(parent, '评议意见', '旧文件.docx'), 'utf8')).toBe('old');
    expect((await readdir(parent)).sort()).toEqual(['评议意见', '评议意见（2）']);
  });
});

describe('zip target', () => {
  async function zipOf(names: readonly string[]): Promise<Uint8Array> {
    const destination = memoryDestination();
    const outcome = await runBatch(
      names.map((n) => item(n, `内容：${n}`)),
      new ZipSink(destination, new Date(2026, 10, 2, 9, 30)),
      { signal: new AbortController().signal },
    );
    expect(outcome.state).toBe('done');
    expect(destination.received).toHaveLength(1);
    return destination.received[0]!;
  }

  it('stores Chinese names in UTF-8 with the EFS flag (bit 11) set, in local and central headers', async () => {
    const zip = await zipOf([...NAMES, 'readme.txt']);
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.name)).toEqual([...NAMES, 'readme.txt']);
    for (const e of entries.slice(0, 3)) {
      expect(e.localFlags & 0x0800).toBe(0x0800);
      expect(e.centralFlags & 0x0800).toBe(0x0800);
      // Stored, not deflated again: a .docx is compressed already.
      expect(e.method).toBe(0);
    }
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual([...NAMES, 'readme.txt']);
    expect(new TextDecoder().decode(back[NAMES[1]!])).toBe(`内容：${NAMES[1]}`);
  });

  it('reads back with the Chinese names in Python’s zipfile and in unzip', async () => {
    const dir = await tempDir();
    const path = join(dir, '评议意见.zip');
    await writeFile(path, await zipOf(NAMES));
    // zipfile decodes a name as UTF-8 only when bit 11 is set (else as cp437, which garbles it).
    const script = 'import sys, zipfile, json; print(json.dumps([i.filename for i in zipfile.ZipFile(sys.argv[1]).infolist()], ensure_ascii=False))';
    const py = execFileSync('python3', ['-c', script, path], { encoding: 'utf8' });
    expect(JSON.parse(py)).toEqual(NAMES);
    const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
    for (const name of NAMES) expect(listing).toContain(name);
    // Unpacked by unzip under the same names, readable.
    const out = join(dir, 'out');
    execFileSync('unzip', ['-q', path, '-d', out], { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
    expect((await readdir(out)).sort()).toEqual([...NAMES].sort());
    expect(await readFile(join(out, NAMES[0]!), 'utf8')).toBe(`内容：${NAMES[0]}`);
  });
});
