import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import { headerMetrics as generatorHeaderMetrics } from '../../../electron/services/documents/front-matter';
import { ApiError } from '../../../shared/api/errors';
import {
  defaultDocumentFormat,
  documentFormatSchema,
  documentSettingsFor,
  documentSettingsProblem,
  effectiveHeaderText,
  headerMetrics,
  headerWidthMm,
  type DocumentFormat,
} from '../../../shared/domain/document-settings';
import { coreSchema } from '../../../shared/domain/partitions';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/domain/settings';

const term = { session: 19, startYear: 2021, endYear: 2025 };
const qinglan = (documents: Partial<DocumentFormat> = {}): Settings => {
  const s = defaultSettings(2024);
  return {
    ...s,
    organisation: { ...s.organisation, fullName: '青岚县人民代表大会常务委员会', copyTo: ['县委', '县政府'], issuingOffice: '青岚县人大常委会办公室' },
    documents: { ...s.documents, ...documents },
  };
};

function messages(value: unknown): string {
  const result = documentFormatSchema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? '' : result.error.issues.map((i) => i.message).join(' | ');
}

describe('the 公文格式 settings (settings.documents)', () => {
  it('default to the standard fonts, an automatic header from the full name and a 1.5 pt red line', () => {
    expect(defaultDocumentFormat()).toEqual({ fontProfile: 'standard', organHeader: { text: null, sizePt: null, scalePercent: null }, redLineSize: 12 });
    expect(settingsSchema.parse({ term }).documents).toEqual(defaultDocumentFormat());
    expect(defaultSettings(2026).documents).toEqual(defaultDocumentFormat());
    // A part given keeps the defaults of the rest.
    expect(documentFormatSchema.parse({ organHeader: { sizePt: 40 } })).toEqual({
      fontProfile: 'standard',
      organHeader: { text: null, sizePt: 40, scalePercent: null },
      redLineSize: 12,
    });
  });

  it('refuse what cannot print, naming the field in Chinese', () => {
    expect(messages({ fontProfile: 'mac' })).toContain('字体方案应为公文标准字体或Windows自带字体');
    expect(messages({ organHeader: { sizePt: 80 } })).toContain('发文机关标志字号不能大于72磅');
    expect(messages({ organHeader: { sizePt: 12 } })).toContain('发文机关标志字号不能小于16磅');
    expect(messages({ organHeader: { sizePt: 36.3 } })).toContain('发文机关标志字号应为整磅或半磅');
    expect(messages({ organHeader: { scalePercent: 20 } })).toContain('发文机关标志字符缩放不能小于33%');
    expect(messages({ organHeader: { scalePercent: 90.5 } })).toContain('发文机关标志字符缩放应为整数');
    expect(messages({ organHeader: { text: '某'.repeat(31) } })).toContain('发文机关标志不能超过30个字');
    expect(messages({ redLineSize: 10.4 })).toContain('红色分隔线粗细应为0.125磅的整数倍');
    expect(messages({ redLineSize: 2 })).toContain('红色分隔线粗细不能小于0.5磅');
    expect(messages({ redLineSize: 56 })).toContain('红色分隔线粗细不能大于6磅');
    expect(messages({ redLineSize: null })).toContain('红色分隔线粗细应为数字');
  });

  it('load from a settings file written before they existed', () => {
    const old = { term, organisation: { fullName: '青岚县人民代表大会常务委员会' }, deadlines: {}, quorum: { rule: 'half-or-more' }, reportMinutes: 20, demo: false };
    const s = settingsSchema.parse(old);
    expect(s.documents).toEqual(defaultDocumentFormat());
    expect(s.quorum.rule).toBe('half-or-more');
    expect(coreSchema.parse({ settings: old }).settings.documents.fontProfile).toBe('standard');
  });
});

describe('an old data folder', () => {
  let services: AppServices | undefined;
  afterEach(async () => {
    await services?.close();
    services = undefined;
  });

  it('opens with its core file lacking settings.documents, which then read as the defaults and can be saved', async () => {
    const home = await mkdtemp(join(tmpdir(), 'pingyi-docfmt-'));
    const open = () => createAppServices({ homeDir: home, mode: 'browser', version: 'test', log: silentLogger, backupOnStart: false });
    services = await open();
    const dataDir = services.dataDir;
    await services.close();
    services = undefined;

    // Take the documents settings out of the stored file, as a version before this one wrote it.
    const file = join(dataDir, 'core.json');
    const envelope = JSON.parse(await readFile(file, 'utf8')) as { data: { settings: Record<string, unknown> } };
    delete envelope.data.settings.documents;
    await writeFile(file, JSON.stringify(envelope));

    services = await open();
    const call = async (name: string, args: unknown): Promise<Settings> => {
      const reply = await services!.dispatch('desk', name, args);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.result as Settings;
    };
    const settings = await call('settings.get', {});
    expect(settings.documents).toEqual(defaultDocumentFormat());
    const saved = await call('settings.update', { settings: { ...settings, documents: { ...settings.documents, fontProfile: 'windows', redLineSize: 16 } } });
    expect(saved.documents).toMatchObject({ fontProfile: 'windows', redLineSize: 16 });
    const stored = JSON.parse(await readFile(file, 'utf8')) as { data: { settings: Settings } };
    expect(stored.data.settings.documents).toMatchObject({ fontProfile: 'windows', redLineSize: 16 });
  });
});

describe('the generator settings from the organisation and 公文格式', () => {
  it('derive the red header from the full name when no own text is given (null or blank)', () => {
    const s = documentSettingsFor(qinglan());
    expect(s).toEqual({
      fontProfile: 'standard',
      organHeader: { text: '青岚县人民代表大会常务委员会文件', sizePt: null, scalePercent: null },
      redLineSize: 12,
      copyTo: ['县委', '县政府'],
      issuingOffice: '青岚县人大常委会办公室',
    });
    expect(documentSettingsFor(qinglan({ organHeader: { text: '   ', sizePt: null, scalePercent: null } })).organHeader.text).toBe('青岚县人民代表大会常务委员会文件');
    // A full name already ending in 文件 is not doubled; without 公文格式 settings the defaults apply.
    const org = { ...qinglan().organisation, fullName: '青岚县人大常委会文件' };
    expect(documentSettingsFor({ organisation: org }).organHeader.text).toBe('青岚县人大常委会文件');
  });

  it('take the font profile, the own header text, size and scale and the red line from 公文格式', () => {
    const s = documentSettingsFor(qinglan({ fontProfile: 'windows', organHeader: { text: '青岚县人大常委会文件', sizePt: 42, scalePercent: 80 }, redLineSize: 20 }));
    expect(s).toMatchObject({ fontProfile: 'windows', organHeader: { text: '青岚县人大常委会文件', sizePt: 42, scalePercent: 80 }, redLineSize: 20 });
    expect(s.copyTo).toEqual(['县委', '县政府']);
  });

  it('refuse a full name too long for the header unless a shorter header is given, and say so for 设置', () => {
    const long = qinglan();
    long.organisation.fullName = '某某省某某市某某县某某自治县人民代表大会常务委员会机关办公室';
    expect(() => documentSettingsFor(long)).toThrow(ApiError);
    expect(() => documentSettingsFor(long)).toThrow(/机关设置不能用于公文：发文机关标志不能超过30个字/);
    expect(documentSettingsProblem(long)).toMatch(/超过30个字，请填写较短的发文机关标志/);
    const own = { ...long, documents: { ...long.documents, organHeader: { text: '某某县人大常委会文件', sizePt: null, scalePercent: null } } };
    expect(documentSettingsProblem(own)).toBeNull();
    expect(effectiveHeaderText(own)).toBe('某某县人大常委会文件');
    expect(documentSettingsFor(own).organHeader.text).toBe('某某县人大常委会文件');
  });

  it('size the header as the generator does, automatic or given, about 150 mm wide when automatic', () => {
    const cases = [
      { text: '青岚县人民代表大会常务委员会文件', sizePt: null, scalePercent: null },
      { text: '青岚县人大常委会文件', sizePt: null, scalePercent: null },
      { text: '青岚县人民代表大会常务委员会文件', sizePt: 40, scalePercent: null },
      { text: '青岚县人民代表大会常务委员会文件', sizePt: null, scalePercent: 90 },
      { text: '某某县人大文件', sizePt: 30.5, scalePercent: 120 },
    ];
    for (const header of cases) expect(headerMetrics(header)).toEqual(generatorHeaderMetrics(header));
    const auto = { text: '青岚县人民代表大会常务委员会文件', sizePt: null, scalePercent: null };
    expect(headerWidthMm(auto)).toBeGreaterThan(145);
    expect(headerWidthMm(auto)).toBeLessThan(155);
    expect(headerMetrics({ text: '青岚县人民代表大会常务委员会文件', sizePt: 40, scalePercent: 80 })).toEqual({ size: 80, scale: 80 });
  });
});
