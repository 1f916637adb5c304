import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultDocumentSettings,
  documentSettingsSchema,
  columnWidths,
  formTable,
  renderOfficialDocument,
  writeDocxAtomically,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { runStyles } from '../../../electron/services/documents/fonts';
import { element, elements, readDocx, sectionProperties } from './docx-xml';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fsp.rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-docx-'));
  dirs.push(dir);
  return dir;
}

describe('document settings', () => {
  it('has defaults for everything: standard fonts, 1.5 pt red line, the copy-to list, automatic header size', () => {
    const s = defaultDocumentSettings();
    expect(s.fontProfile).toBe('standard');
    expect(s.redLineSize).toBe(12);
    expect(s.copyTo).toEqual(['县委', '县人民政府', '县委组织部']);
    expect(s.issuingOffice).toBe('县人大常委会办公室');
    expect(s.organHeader).toEqual({ text: '某某县人民代表大会常务委员会文件', sizePt: null, scalePercent: null });
  });

  it('rejects out-of-range values with Chinese messages', () => {
    const result = documentSettingsSchema.safeParse({ redLineSize: 100, fontProfile: 'mac', organHeader: { text: '' } });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).join('\n') ?? '';
    expect(messages).toMatch(/红色分隔线粗细不能大于6磅/);
    expect(messages).toMatch(/字体方案/);
    expect(messages).toMatch(/发文机关标志不能为空/);
  });

  it('uses its own header size and scale when set, and its red line thickness', async () => {
    const settings = documentSettingsSchema.parse({ organHeader: { text: '某某县人大常委会文件', sizePt: 42, scalePercent: 80 }, redLineSize: 8 });
    const doc: OfficialDocInput = {
      kind: '公文',
      docNumber: 'X人常〔2024〕1号',
      title: '关于某事的通知',
      body: [{ text: '正文。' }],
      imprint: { issueDate: '2024-10-30' },
    };
    const { document } = readDocx(await renderOfficialDocument(doc, settings));
    expect(document).toMatch(/<w:w w:val="80"\/><w:sz w:val="84"\/>/);
    expect(elements(document, 'w:bottom').some((b) => b['w:color'] === 'FF0000' && b['w:sz'] === '8')).toBe(true);
  });
});

describe('forms', () => {
  it('a form has A4, the margins and the fonts, but no grid and no page numbers; its table fills the type area', async () => {
    const doc: OfficialDocInput = {
      kind: 'form',
      title: '满意度测评票',
      body: [
        { text: '请在每人对应的一栏内画“✓”，每人只能画一个“✓”。', flush: true },
        {
          type: 'table',
          table: {
            columns: [1, 2, 4, 1.5, 1.5, 1.5],
            header: [['序号', '姓名', '单位及职务', '满意', '基本满意', '不满意']],
            rows: [['1', '张明', '县教育局局长', '', '', '']],
            rowHeight: 800,
          },
        },
        { type: 'page-break' },
        { text: '满意度测评票', variant: 'title' },
      ],
    };
    const xml = readDocx(await renderOfficialDocument(doc, defaultDocumentSettings()));
    const sect = sectionProperties(xml.document)[0] ?? '';
    expect(element(sect, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(element(sect, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:left': '1588', 'w:bottom': '1984', 'w:right': '1474' });
    expect(element(sect, 'w:docGrid')?.['w:type']).not.toBe('lines');
    expect(sect).not.toMatch(/footerReference/);
    const widths = elements(xml.document, 'w:gridCol').map((c) => Number(c['w:w']));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8844);
    expect(xml.document).toMatch(/<w:tblHeader\/>/);
    expect(xml.document).toMatch(/<w:pageBreakBefore\/>/);
  });

  it('column widths follow the weights and sum to the width of the type area', () => {
    expect(columnWidths([1, 2, 1])).toEqual([2211, 4422, 2211]);
    expect(columnWidths([1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(8844);
    const { lines } = formTable({ columns: [1, 1, 1], header: [['a', 'b', 'c']], rows: [['1', '2', '3'], ['4', '5', '6']] }, runStyles('standard'));
    expect(lines).toBe(3);
  });
});

describe('writing a .docx atomically', () => {
  it('writes the bytes and leaves no temp file', async () => {
    const dir = await tempDir();
    const target = join(dir, '关于对张明同志履职情况的评议意见.docx');
    await writeDocxAtomically(target, Buffer.from('PK new'));
    expect(await fsp.readFile(target, 'utf8')).toBe('PK new');
    expect(await fsp.readdir(dir)).toEqual(['关于对张明同志履职情况的评议意见.docx']);
  });

  it('a write failing half-way keeps the previous file whole and removes the temp file', async () => {
    const dir = await tempDir();
    const target = join(dir, '评议意见.docx');
    await fsp.writeFile(target, 'old file');
    const failing: StoreFs = {
      ...nodeStoreFs,
      open: (async (path: string, flags: string) => {
        const handle = await fsp.open(path, flags);
        return new Proxy(handle, {
          get(h, key) {
            if (key === 'write') {
              return async (buffer: Uint8Array, offset: number, length: number, position: number) => {
                await h.write(buffer, offset, Math.floor(length / 2), position);
                throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
              };
            }
            const value = Reflect.get(h, key) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(h) : value;
          },
        });
      }) as StoreFs['open'],
    };
    await expect(writeDocxAtomically(target, Buffer.alloc(10_000, 1), failing)).rejects.toThrow(/no space/);
    expect(await fsp.readFile(target, 'utf8')).toBe('old file');
    expect(await fsp.readdir(dir)).toEqual(['评议意见.docx']);
  });

  it('a failing rename keeps the previous file and removes the temp file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'a.docx');
    await fsp.writeFile(target, 'old');
    const failing: StoreFs = { ...nodeStoreFs, rename: async () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) };
    await expect(writeDocxAtomically(target, Buffer.from('new'), failing)).rejects.toThrow(/EIO/);
    expect(await fsp.readFile(target, 'utf8')).toBe('old');
    expect(await fsp.readdir(dir)).toEqual(['a.docx']);
  });
});
