import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveJobView } from '../../../shared/api/package-types';
import { ArchiveCancelled, writeArchive } from '../../../electron/services/package/archive';
import { STORE_SCHEMA_VERSION } from '../../../electron/services/store';
import { cleanup, host, tempDir, type Host } from './helpers';

afterEach(cleanup);

async function finished(h: Host, jobId: string): Promise<ArchiveJobView> {
  for (let i = 0; i < 3000; i++) {
    const view = await h.call('archive.status', { jobId });
    if (view.state !== 'running') return view;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('archive did not end');
}

const manifest = { schemaVersion: STORE_SCHEMA_VERSION, appVersion: 'test', createdAt: '2026-10-01T02:00:00.000Z', machine: 'desk', folderId: 'df_000000000000000000000000' };

describe('完整备份 and 从备份恢复', () => {
  it('cancelled half-way, an archive leaves no file behind', async () => {
    const desk = await host('pingyi-ar-');
    const target = await tempDir('pingyi-usb-');
    let calls = 0;
    const run = writeArchive({
      store: desk.s.store,
      target: join(target, 'a.zip'),
      includeBackups: true,
      manifest,
      isCancelled: () => calls >= 3,
      onProgress: () => void calls++,
    });
    await expect(run).rejects.toBeInstanceOf(ArchiveCancelled);
    expect(calls).toBe(3);
    expect(await readdir(target)).toEqual([]);
  });

  it('a cancel through the call ends the job as cancelled, with nothing in the folder', async () => {
    const desk = await host('pingyi-ar-');
    const target = await tempDir('pingyi-usb-');
    const started = await desk.call('archive.start', { includeBackups: true, folder: target });
    if (started.kind !== 'started') throw new Error('not started');
    await desk.call('archive.cancel', { jobId: started.job.jobId });
    const end = await finished(desk, started.job.jobId);
    // The cancel may come after the last file: then the archive is whole, never partial.
    if (end.state === 'cancelled') expect(await readdir(target)).toEqual([]);
    else expect(end.state).toBe('done');
    expect((await readdir(target)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('writes the folder (backups only when asked) with a manifest, and restores it into a new folder it then uses, keeping the old one', async () => {
    const desk = await host('pingyi-ar-');
    const usb = await tempDir('pingyi-usb-');
    const members = await desk.call('members.list', {});
    await desk.call('members.update', { member: { ...members[0]!, note: '备份前最后的修改' } });

    const started = await desk.call('archive.start', { includeBackups: false, folder: usb });
    if (started.kind !== 'started') throw new Error('not started');
    const end = await finished(desk, started.job.jobId);
    expect(end).toMatchObject({ state: 'done' });
    expect(end.done).toBe(end.total);
    const [name] = await readdir(usb);
    expect(name).toMatch(/^人大工作评议-完整备份-\d{8}-\d{6}\.zip$/);
    const bytes = new Uint8Array(await readFile(join(usb, name!)));
    const entries = unzipSync(bytes);
    const m = JSON.parse(strFromU8(entries['manifest.json']!)) as { format: string; includesBackups: boolean; files: { path: string }[] };
    expect(m.format).toBe('pingyi-archive');
    expect(m.includesBackups).toBe(false);
    const paths = m.files.map((f) => f.path);
    expect(paths).toContain('core.json');
    expect(paths).toContain('folder-id.json');
    expect(paths.some((p) => p.startsWith('backups/'))).toBe(false);
    expect(paths).not.toContain('.lock');

    const withBackups = await desk.call('archive.start', { includeBackups: true, folder: usb });
    if (withBackups.kind !== 'started') throw new Error('not started');
    const end2 = await finished(desk, withBackups.job.jobId);
    const m2 = JSON.parse(strFromU8(unzipSync(new Uint8Array(await readFile(end2.path!)))['manifest.json']!)) as { files: { path: string }[] };
    expect(m2.files.some((f) => f.path.startsWith('backups/'))).toBe(true);

    // Restore on another host (the USB stick carried to another computer).
    const other = await host('pingyi-restore-');
    const oldDir = other.s.dataDir;
    const newDir = join(await tempDir('pingyi-new-'), '恢复的数据');
    const restored = await other.call('archive.restore', { uploadId: other.stage(name!, bytes), targetDir: newDir });
    expect(restored).toMatchObject({ kind: 'restored', dataDir: newDir, previousDir: oldDir });
    expect(other.s.dataDir).toBe(newDir);
    expect((await other.call('members.list', {})).find((x) => x.id === members[0]!.id)?.note).toBe('备份前最后的修改');
    expect(await readdir(oldDir)).toContain('core.json');
  });

  it('refuses an archive edited by hand, and a folder that is not empty', async () => {
    const desk = await host('pingyi-ar-');
    const usb = await tempDir('pingyi-usb-');
    const started = await desk.call('archive.start', { includeBackups: false, folder: usb });
    if (started.kind !== 'started') throw new Error('not started');
    const path = (await finished(desk, started.job.jobId)).path!;
    const bytes = new Uint8Array(await readFile(path));
    const cut = bytes.slice(0, bytes.length - 30);
    expect((await desk.refusal('archive.restore', { uploadId: desk.stage('a.zip', cut), targetDir: join(usb, 'x') })).message).toContain('不完整');
    const full = await tempDir('pingyi-full-');
    await writeFile(join(full, 'something.txt'), 'x');
    expect((await desk.refusal('archive.restore', { uploadId: desk.stage('a.zip', bytes), targetDir: full })).message).toContain('不是空文件夹');
  });
});

describe('从备份恢复 from a path typed in browser mode (an archive too big to upload)', () => {
  it('reads the file on the host’s computer, and refuses a path that is not a file', async () => {
    const desk = await host('pingyi-ar-');
    const usb = await tempDir('pingyi-usb-');
    const started = await desk.call('archive.start', { includeBackups: true, folder: usb });
    if (started.kind !== 'started') throw new Error('not started');
    const path = (await finished(desk, started.job.jobId)).path!;
    expect((await desk.refusal('archive.restore', { archivePath: 'relative.zip', targetDir: join(usb, 'x') })).message).toContain('不是完整路径');
    expect((await desk.refusal('archive.restore', { archivePath: join(usb, 'none.zip'), targetDir: join(usb, 'x') })).message).toContain('找不到文件');
    expect((await desk.refusal('archive.restore', { archivePath: usb, targetDir: join(usb, 'x') })).message).toContain('不是文件');
    const other = await host('pingyi-restore-');
    const target = join(await tempDir('pingyi-new-'), 'data');
    expect(await other.call('archive.restore', { archivePath: path, targetDir: target })).toMatchObject({ kind: 'restored', dataDir: target });
    expect(other.s.dataDir).toBe(target);
  });
});
