import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/services/deps';
import { DesktopFilePort, type DialogApi } from '../../../electron/shell/file-dialogs';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function port(temp: string | undefined, openPath?: (p: string) => Promise<string>) {
  const dialog = {} as DialogApi;
  return new DesktopFilePort({
    dialog,
    windowOf: () => undefined,
    documentsDir: '/nowhere',
    memory: { load: () => undefined, save: async () => undefined },
    log: silentLogger,
    ...(openPath ? { openPath } : {}),
    ...(temp ? { tempDir: temp } : {}),
  });
}

describe('the desktop opens a stored evidence file', () => {
  it('writes a copy in the temp folder under its own name and hands it to the system', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'pingyi-open-'));
    dirs.push(temp);
    const opened: string[] = [];
    const result = await port(temp, async (p) => {
      opened.push(p);
      return '';
    }).open({ role: 'desk' }, { fileName: '整改/签到表.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF') });
    expect(result).toEqual({ kind: 'opened', fileName: '签到表.pdf', bytes: 4 });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.startsWith(join(temp, 'pingyi-open'))).toBe(true);
    expect(opened[0]!.endsWith('签到表.pdf')).toBe(true);
    expect(await readFile(opened[0]!, 'utf8')).toBe('%PDF');
  });

  it('says why when the system cannot open it', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'pingyi-open-'));
    dirs.push(temp);
    await expect(port(temp, async () => '没有关联的程序').open({ role: 'desk' }, { fileName: 'a.xyz', contentType: 'application/octet-stream', bytes: new Uint8Array([1]) })).rejects.toThrow(
      '无法打开“a.xyz”：没有关联的程序',
    );
    await expect(port(undefined).open({ role: 'desk' }, { fileName: 'a.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]) })).rejects.toThrow('此版本不能直接打开文件。');
  });
});
