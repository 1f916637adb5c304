import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/services/deps';
import { nodeStoreFs } from '../../../electron/services/store/store-fs';
import { DesktopFilePort, type DesktopFilePortOptions, type DialogApi } from '../../../electron/shell/file-dialogs';
import {
  EXPORT_FOLDER_FILE,
  fileFilters,
  fileFolderMemory,
  dataFolderDialogOptions,
  folderDialogOptions,
  freeName,
  parseFolderMemory,
  saveDialogOptions,
  saveDialogTitle,
  startFolder,
  withExtension,
  chosenTarget,
  type FolderMemory,
} from '../../../electron/shell/save-dialog';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'pingyi-dlg-'));
  dirs.push(d);
  return d;
}

const DOCX = '关于对张明同志履职情况的评议意见.docx';

describe('save dialog decisions', () => {
  it('titles and filters follow the extension, in Chinese, with 所有文件 last', () => {
    expect(saveDialogTitle(DOCX)).toBe('保存Word文档');
    expect(saveDialogTitle('会议评议意见.zip')).toBe('保存压缩包');
    expect(saveDialogTitle('测评记录.csv')).toBe('保存表格（CSV）');
    expect(saveDialogTitle('说明')).toBe('保存文件');
    expect(fileFilters(DOCX)).toEqual([
      { name: 'Word 文档', extensions: ['docx'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
    expect(fileFilters('a.ZIP')[0]).toEqual({ name: '压缩包', extensions: ['zip'] });
    expect(fileFilters('a.xyz')[0]).toEqual({ name: 'XYZ 文件', extensions: ['xyz'] });
    expect(fileFilters('说明')).toEqual([{ name: '所有文件', extensions: ['*'] }]);
  });

  it('opens in the remembered folder while it exists, else in Documents', () => {
    const folders = new Set(['/home/办公室/导出']);
    const isFolder = (p: string) => folders.has(p);
    expect(startFolder('/home/办公室/文档', undefined, isFolder)).toBe('/home/办公室/文档');
    expect(startFolder('/home/办公室/文档', '/home/办公室/导出', isFolder)).toBe('/home/办公室/导出');
    expect(startFolder('/home/办公室/文档', '/media/U盘/导出', isFolder)).toBe('/home/办公室/文档');
    expect(startFolder('/home/办公室/文档', '导出', () => true)).toBe('/home/办公室/文档');
  });

  it('suggests a name that overwrites nothing', () => {
    const there = new Set(['/d/关于对张明同志履职情况的评议意见.docx', '/d/关于对张明同志履职情况的评议意见（2）.docx']);
    expect(freeName('/d', DOCX, (p) => there.has(p))).toBe('关于对张明同志履职情况的评议意见（3）.docx');
    expect(freeName('/e', DOCX, (p) => there.has(p))).toBe(DOCX);
    const options = saveDialogOptions(DOCX, '/d', (p) => there.has(p));
    expect(options).toEqual({
      title: '保存Word文档',
      defaultPath: '/d/关于对张明同志履职情况的评议意见（3）.docx',
      buttonLabel: '保存',
      filters: fileFilters(DOCX),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    expect(folderDialogOptions('/d')).toMatchObject({ title: '选择导出到的文件夹', defaultPath: '/d', properties: expect.arrayContaining(['openDirectory']) });
  });

  it('adds the extension a Linux dialog leaves off', () => {
    expect(withExtension('/d/评议意见', DOCX)).toBe('/d/评议意见.docx');
    expect(withExtension('/d/评议意见.DOCX', DOCX)).toBe('/d/评议意见.DOCX');
    expect(withExtension('/d/评议意见.txt', DOCX)).toBe('/d/评议意见.txt.docx');
    expect(withExtension('/d/说明', '说明')).toBe('/d/说明');
  });

  it('never replaces a file the dialog did not confirm: an added extension that names an existing file takes a free name', () => {
    const taken = new Set(['/d/评议意见.docx', '/d/评议意见（2）.docx']);
    const exists = (p: string) => taken.has(p);
    expect(chosenTarget('/d/评议意见', DOCX, exists)).toBe('/d/评议意见（3）.docx');
    expect(chosenTarget('/d/新意见', DOCX, exists)).toBe('/d/新意见.docx');
    // The path the dialog returned (and confirmed overwriting) is written as chosen.
    expect(chosenTarget('/d/评议意见.docx', DOCX, exists)).toBe('/d/评议意见.docx');
  });

  it('remembers the last folder in the app folder; a garbled or relative entry means none', async () => {
    const home = await tempDir();
    const memory = fileFolderMemory(home);
    expect(memory.load()).toBeUndefined();
    await memory.save('/home/办公室/导出');
    expect(JSON.parse(await readFile(join(home, EXPORT_FOLDER_FILE), 'utf8'))).toEqual({ folder: '/home/办公室/导出' });
    expect(fileFolderMemory(home).load()).toBe('/home/办公室/导出');
    expect(parseFolderMemory('{"folder":"导出"}')).toBeUndefined();
    expect(parseFolderMemory('{"folder":')).toBeUndefined();
    expect(parseFolderMemory('{"folder":3}')).toBeUndefined();
    const errors: unknown[] = [];
    await fileFolderMemory(join(home, 'missing', 'deeper'), (e) => errors.push(e)).save('/x');
    expect(errors).toHaveLength(1);
  });
});

/** Electron's dialog, answering what the user would choose; it records what it was shown. */
function fakeDialog(answers: { save?: string | null; folder?: string | null }) {
  const shown: { kind: 'save' | 'open'; modalTo: unknown; options: Record<string, unknown> }[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      const [win, options] = args.length === 2 ? args : [undefined, args[0]];
      shown.push({ kind: 'save', modalTo: win, options: options as Record<string, unknown> });
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' };
    },
    showOpenDialog: async (...args: unknown[]) => {
      const [win, options] = args.length === 2 ? args : [undefined, args[0]];
      shown.push({ kind: 'open', modalTo: win, options: options as Record<string, unknown> });
      return answers.folder ? { canceled: false, filePaths: [answers.folder] } : { canceled: true, filePaths: [] };
    },
  } as unknown as DialogApi;
  return { dialog, shown };
}

function memoryOf(initial?: string): FolderMemory & { saved: string[] } {
  let current = initial;
  const saved: string[] = [];
  return {
    saved,
    load: () => current,
    async save(folder) {
      current = folder;
      saved.push(folder);
    },
  };
}

/** A stand-in for the desk's BrowserWindow: the port only passes it on to the dialog. */
const deskWindow = { id: 'desk-window' } as unknown as NonNullable<ReturnType<DesktopFilePortOptions['windowOf']>>;

describe('DesktopFilePort', () => {
  it('asks with a save dialog modal to the calling window, then writes the file atomically where chosen', async () => {
    const docs = await tempDir();
    const out = join(docs, '导出');
    await mkdir(out);
    const { dialog, shown } = fakeDialog({ save: join(out, '评议意见') });
    const memory = memoryOf();
    const port = new DesktopFilePort({ dialog, windowOf: (role) => (role === 'desk' ? deskWindow : undefined), documentsDir: docs, memory, log: silentLogger });
    const bytes = new TextEncoder().encode('PK docx');
    const result = await port.deliver({ role: 'desk' }, { fileName: DOCX, contentType: 'x', bytes });
    expect(result).toEqual({ kind: 'saved', path: join(out, '评议意见.docx'), fileName: '评议意见.docx', bytes: bytes.length });
    expect(await readFile(join(out, '评议意见.docx'), 'utf8')).toBe('PK docx');
    // No temp file is left beside it.
    expect(await readdir(out)).toEqual(['评议意见.docx']);
    expect(shown).toEqual([{ kind: 'save', modalTo: deskWindow, options: saveDialogOptions(DOCX, docs) }]);
    // The next dialog opens where this one saved.
    expect(memory.saved).toEqual([out]);
    await port.deliver({ role: 'console' }, { fileName: DOCX, contentType: 'x', bytes });
    expect(shown[1]).toMatchObject({ modalTo: undefined, options: { defaultPath: join(out, DOCX) } });
  });

  it('writes nothing when the dialog is closed, and nothing half when the write fails', async () => {
    const docs = await tempDir();
    const closed = new DesktopFilePort({ dialog: fakeDialog({ save: null }).dialog, windowOf: () => undefined, documentsDir: docs, memory: memoryOf(), log: silentLogger });
    expect(await closed.deliver({ role: 'desk' }, { fileName: DOCX, contentType: 'x', bytes: new Uint8Array([1]) })).toEqual({ kind: 'cancelled' });
    expect(await closed.destination({ role: 'desk' }, { fileName: 'a.zip', contentType: 'x' })).toBeNull();
    expect(await readdir(docs)).toEqual([]);

    await writeFile(join(docs, DOCX), 'the old one');
    const fs = {
      ...nodeStoreFs,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const failing = new DesktopFilePort({ dialog: fakeDialog({ save: join(docs, DOCX) }).dialog, windowOf: () => undefined, documentsDir: docs, memory: memoryOf(), log: silentLogger, fs });
    await expect(failing.deliver({ role: 'desk' }, { fileName: DOCX, contentType: 'x', bytes: new Uint8Array([1, 2, 3]) })).rejects.toThrow('ENOSPC');
    expect(await readdir(docs)).toEqual([DOCX]);
    expect(await readFile(join(docs, DOCX), 'utf8')).toBe('the old one');
  });

  it('chooses a folder with a folder dialog and remembers it; a path typed into the page is never used', async () => {
    const docs = await tempDir();
    const { dialog, shown } = fakeDialog({ folder: docs });
    const memory = memoryOf();
    const port = new DesktopFilePort({ dialog, windowOf: () => deskWindow, documentsDir: docs, memory, log: silentLogger });
    expect(await port.chooseFolder({ role: 'desk' })).toBe(docs);
    expect(shown[0]).toEqual({ kind: 'open', modalTo: deskWindow, options: folderDialogOptions(docs) });
    expect(memory.saved).toEqual([docs]);
    // A typed path (even a valid one) only opens the dialog again; the dialog's answer is used.
    expect(await port.chooseFolder({ role: 'desk' }, '/etc')).toBe(docs);
    expect(shown).toHaveLength(2);
    const closed = new DesktopFilePort({ dialog: fakeDialog({ folder: null }).dialog, windowOf: () => undefined, documentsDir: docs, memory, log: silentLogger });
    expect(await closed.chooseFolder({ role: 'desk' }, docs)).toBeNull();
  });

  it('the data-folder move target comes from its own folder dialog, never from the page', async () => {
    const docs = await tempDir();
    const { dialog, shown } = fakeDialog({ folder: join(docs, '新数据') });
    const port = new DesktopFilePort({ dialog, windowOf: () => deskWindow, documentsDir: docs, memory: memoryOf(), log: silentLogger });
    expect(await port.chooseDataFolder({ role: 'desk' }, '/tmp/whatever')).toBe(join(docs, '新数据'));
    expect(shown).toEqual([{ kind: 'open', modalTo: deskWindow, options: dataFolderDialogOptions(docs) }]);
    expect(dataFolderDialogOptions(docs)).toMatchObject({ buttonLabel: '迁移到此文件夹', properties: expect.arrayContaining(['openDirectory', 'createDirectory']) });
    const closed = new DesktopFilePort({ dialog: fakeDialog({ folder: null }).dialog, windowOf: () => undefined, documentsDir: docs, memory: memoryOf(), log: silentLogger });
    expect(await closed.chooseDataFolder({ role: 'desk' })).toBeNull();
  });
});
