import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserFilePort, checkExportFolder, numberedName, uniqueName, uniquePath } from '../../../electron/services/file-port';
import { createDownloads } from '../../../electron/services/host/downloads';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('BrowserFilePort', () => {
  it('offers a file as a one-time download for the calling role, under a cleaned name', async () => {
    const downloads = createDownloads();
    const port = new BrowserFilePort(downloads);
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const result = await port.deliver({ role: 'console' }, { fileName: '../县第十九届/测评记录:第1轮.csv', contentType: 'text/csv; charset=utf-8', bytes });
    expect(result).toMatchObject({ kind: 'download', fileName: '测评记录_第1轮.csv', bytes: 4 });
    if (result.kind !== 'download') throw new Error(result.kind);
    const id = decodeURIComponent(result.url.replace('/console/download/', ''));
    expect(result.url).toMatch(/^\/console\/download\/[A-Za-z0-9_-]+$/);
    expect(downloads.take('desk', id)).toBeUndefined();
    expect(downloads.take('console', id)).toMatchObject({ fileName: '测评记录_第1轮.csv', contentType: 'text/csv; charset=utf-8', body: bytes });
    expect(downloads.take('console', id)).toBeUndefined();
  });

  it('registers nothing until the destination is completed', async () => {
    const downloads = createDownloads();
    const destination = await new BrowserFilePort(downloads).destination({ role: 'desk' }, { fileName: '评议意见.zip', contentType: 'application/zip' });
    expect(destination.fileName).toBe('评议意见.zip');
    const done = await destination.complete(new Uint8Array([1]));
    expect(done.kind).toBe('download');
  });
});

describe('folder checks and free names', () => {
  it('accepts an existing absolute folder only, with the field named in every message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-fp-'));
    dirs.push(dir);
    await writeFile(join(dir, 'f.txt'), 'x');
    expect(await checkExportFolder(` ${dir}/ `)).toBe(`${dir}/`);
    await expect(checkExportFolder('')).rejects.toMatchObject({ code: 'invalid_args', issues: [{ path: 'folder' }] });
    await expect(checkExportFolder(undefined)).rejects.toThrow(/^导出文件夹：请填写/);
    await expect(checkExportFolder('./导出')).rejects.toThrow(/^导出文件夹：“\.\/导出”不是完整路径/);
    await expect(checkExportFolder(join(dir, 'nope'))).rejects.toThrow(/^导出文件夹：找不到文件夹/);
    await expect(checkExportFolder(join(dir, 'f.txt'))).rejects.toThrow(/是一个文件，不是文件夹/);
  });

  it('numbers names the Chinese way and finds free ones', async () => {
    expect(numberedName('评议意见.docx', 1)).toBe('评议意见.docx');
    expect(numberedName('评议意见.docx', 2)).toBe('评议意见（2）.docx');
    expect(numberedName('会议评议意见', 3)).toBe('会议评议意见（3）');
    expect(numberedName('.hidden', 2)).toBe('.hidden（2）');
    const taken = new Set(['a.docx', 'a（2）.docx']);
    expect(uniqueName('a.docx', (n) => taken.has(n))).toBe('a（3）.docx');
    const dir = await mkdtemp(join(tmpdir(), 'pingyi-fp-'));
    dirs.push(dir);
    await mkdir(join(dir, '评议意见'));
    expect(await uniquePath(dir, '评议意见')).toBe(join(dir, '评议意见（2）'));
    expect(await uniquePath(dir, '测评票')).toBe(join(dir, '测评票'));
  });
});
