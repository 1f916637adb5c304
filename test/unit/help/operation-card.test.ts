import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOperationCardDocument, documentSettingsSchema, renderOfficialDocument, type TableBlock } from '../../../electron/services/documents';
import { operationCardInput } from '../../../electron/services/help/operation-card';
import { defaultSettings, settingsSchema } from '../../../shared/domain/settings';
import { CONSOLE_KEYS, QUESTIONING_KEYS, SHEET_ENTRY_KEYS } from '../../../shared/live/console-keys';
import { shortcutFor } from '../../../renderer/src/console/shortcuts';
import { questioningKeyFor } from '../../../renderer/src/console/questioning/questioning-keys';
import { readDocx, textOf } from '../documents/docx-xml';
import { convertToPdf, renderingUnavailable, writeFontConfig } from '../documents/libreoffice';

/*
 * 会议当天操作卡: what it lists comes from the keys the console acts on and the county's settings, and the Word file
 * is one A4 page (a form: A4 portrait, no page number) — counted in LibreOffice where it is installed.
 */

const settings = settingsSchema.parse({
  ...defaultSettings(2026),
  organisation: { ...defaultSettings(2026).organisation, fullName: '青岚县人民代表大会常务委员会' },
});

function cardText(): string {
  const doc = buildOperationCardDocument(operationCardInput(settings));
  const table = doc.body.find((b): b is TableBlock => b.type === 'table')!;
  return table.table.rows.flat().map((c) => (typeof c === 'string' ? c : c.text)).join('\n');
}

/** The key as a KeyboardEvent would carry it. */
function eventOf(label: string): Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> {
  const named: Record<string, string> = { '→': 'ArrowRight', '←': 'ArrowLeft', 空格: ' ', Esc: 'Escape' };
  const ctrl = label.startsWith('Ctrl+');
  const key = named[label] ?? (ctrl ? label.slice(5).toLowerCase() : label.length === 1 ? label.toLowerCase() : label);
  return { key, code: '', ctrlKey: ctrl, metaKey: false, altKey: false, shiftKey: false };
}

describe('会议当天操作卡', () => {
  it('lists every key the console and the 随机询问 panel act on, and only those', () => {
    const text = cardText();
    for (const k of CONSOLE_KEYS) {
      expect(text).toContain(k.label);
      for (const key of k.keys) expect(shortcutFor(eventOf(key)), `console key ${key}`).not.toBeNull();
    }
    for (const k of QUESTIONING_KEYS) {
      expect(text).toContain(k.label);
      expect(questioningKeyFor(eventOf(k.key)), `questioning key ${k.key}`).toBe(k.action);
    }
    for (const k of SHEET_ENTRY_KEYS) expect(text).toContain(k.label);
    expect(text).toContain('1 满意　2 基本满意　3 不满意　0 空白　9 无效');
    expect(text).toContain('F1/?');
  });

  it('names the votes and grades as the settings do', () => {
    const custom = settingsSchema.parse({
      ...settings,
      voteTitles: { meeting: '工作评议测评', followUp: '满意度测评', reReport: '整改情况测评' },
      votes: { gradeLabels: { satisfied: '好', basic: '较好', unsatisfied: '差' }, blankPolicy: 'abstain' },
    });
    const doc = buildOperationCardDocument(operationCardInput(custom));
    const text = JSON.stringify(doc.body);
    expect(text).toContain('四、工作评议测评（满意度测评、整改情况测评操作相同）');
    expect(text).toContain('1 好　2 较好　3 差　0 弃权');
    expect(text).not.toContain('民主测评');
  });

  it('refuses an empty organ or key list in Chinese', () => {
    const input = operationCardInput(settings);
    expect(() => buildOperationCardDocument({ ...input, organ: ' ' })).toThrow('操作卡的机关名称不能为空');
    expect(() => buildOperationCardDocument({ ...input, questioningKeys: [] })).toThrow('操作卡的随机询问快捷键不能为空');
  });

  it('is an A4 form without page numbers', async () => {
    const bytes = await renderOfficialDocument(buildOperationCardDocument(operationCardInput(settings)), documentSettingsSchema.parse({}));
    const parts = readDocx(bytes);
    expect(parts.document).toContain('w:w="11906"');
    expect(parts.document).toContain('w:h="16838"');
    expect(parts.document).not.toContain('w:orient="landscape"');
    expect(textOf(parts.document)).toContain('会议当天操作卡');
    for (const part of Object.values(parts.parts)) expect(part).not.toContain('PAGE');
  });

  const unavailable = renderingUnavailable();
  if (unavailable) console.log(`[help] the card's page count is not rendered: ${unavailable}`);
  it.skipIf(unavailable !== null).each(['standard', 'windows'] as const)('fits one page as LibreOffice renders it (font profile %s)', { timeout: 180_000 }, async (fontProfile) => {
    const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-card-'));
    try {
      const docx = join(dir, 'card.docx');
      await fsp.writeFile(docx, await renderOfficialDocument(buildOperationCardDocument(operationCardInput(settings)), documentSettingsSchema.parse({ fontProfile })));
      const pdf = await convertToPdf(docx, await writeFontConfig(dir));
      expect(await pdfPages(pdf)).toBe(1);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

async function pdfPages(pdf: string): Promise<number> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { stdout } = await promisify(execFile)('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
}
