import { z } from 'zod';
import { ApiError } from '../api/errors';
import { describeIssues, issuesOf } from '../api/validation';
import type { Organisation } from './settings';

/**
 * Settings of the Word documents (公文格式), in two shapes:
 * - `documentFormatSchema` is what the app's settings container stores (`settings.documents`): only
 *   what the organisation settings do not already hold — the font profile, the red header's own text
 *   (null: the full name with 文件), size and horizontal scale (null: automatic), and the red line;
 * - `documentSettingsSchema` is what the generator renders with, computed from both by
 *   `documentSettingsFor` (the organisation gives the header's default text, the 版记's copy-to list
 *   and issuing office).
 * Every field has a default and every message names the field in Chinese.
 */

export const FONT_PROFILES = ['standard', 'windows'] as const;
export type FontProfileName = (typeof FONT_PROFILES)[number];

export const FONT_PROFILE_LABELS: Record<FontProfileName, string> = {
  standard: '公文标准字体（仿宋_GB2312、方正小标宋简体、楷体_GB2312、黑体）',
  windows: 'Windows 自带字体（仿宋、宋体、楷体、黑体）',
};

export const DEFAULT_COPY_TO = ['县委', '县人民政府', '县委组织部'] as const;
export const DEFAULT_ISSUING_OFFICE = '县人大常委会办公室';

/** Limits of the header, the red line and the header text, shared by both shapes and the 设置 screen. */
export const HEADER_TEXT_MAX = 30;
export const HEADER_SIZE_RANGE = { min: 16, max: 72 } as const;
export const HEADER_SCALE_RANGE = { min: 33, max: 200 } as const;
/** Eighths of a point (OOXML border w:sz): 0.5 pt to 6 pt, 1.5 pt by default. */
export const RED_LINE_RANGE = { min: 4, max: 48 } as const;
export const DEFAULT_RED_LINE_SIZE = 12;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`);

const headerSizeField = z
  .number({ error: '发文机关标志字号应为数字' })
  .min(HEADER_SIZE_RANGE.min, `发文机关标志字号不能小于${HEADER_SIZE_RANGE.min}磅`)
  .max(HEADER_SIZE_RANGE.max, `发文机关标志字号不能大于${HEADER_SIZE_RANGE.max}磅`)
  .multipleOf(0.5, '发文机关标志字号应为整磅或半磅，如36或36.5')
  .nullable()
  .default(null);

const headerScaleField = z
  .number({ error: '发文机关标志字符缩放应为数字' })
  .int('发文机关标志字符缩放应为整数')
  .min(HEADER_SCALE_RANGE.min, `发文机关标志字符缩放不能小于${HEADER_SCALE_RANGE.min}%`)
  .max(HEADER_SCALE_RANGE.max, `发文机关标志字符缩放不能大于${HEADER_SCALE_RANGE.max}%`)
  .nullable()
  .default(null);

const fontProfileField = z.enum(FONT_PROFILES, { error: '字体方案应为公文标准字体或Windows自带字体' }).default('standard');

const redLineField = z
  .number({ error: '红色分隔线粗细应为数字' })
  .int('红色分隔线粗细应为0.125磅的整数倍，如1.5')
  .min(RED_LINE_RANGE.min, `红色分隔线粗细不能小于${RED_LINE_RANGE.min / 8}磅`)
  .max(RED_LINE_RANGE.max, `红色分隔线粗细不能大于${RED_LINE_RANGE.max / 8}磅`)
  .default(DEFAULT_RED_LINE_SIZE);

// ---- the generator's settings ------------------------------------------------------------------

export const organHeaderSchema = z.object({
  /** 发文机关标志, printed red above the document number. */
  text: text('发文机关标志', HEADER_TEXT_MAX).default('某某县人民代表大会常务委员会文件'),
  /**
   * Font size in points; null = automatic (36 pt, larger for short names so the header still
   * fills the line). Real headers are set in a size of the organ's choosing, not in 二号.
   */
  sizePt: headerSizeField,
  /** Horizontal scale in percent; null = automatic, so the header is about 150 mm wide. */
  scalePercent: headerScaleField,
});

export const documentSettingsSchema = z.object({
  fontProfile: fontProfileField,
  organHeader: organHeaderSchema.prefault({}),
  /** Red separator line under the document number, in eighths of a point (12 = 1.5 pt). */
  redLineSize: redLineField,
  /** 抄送 list of the imprint block; a document may add its own recipients. */
  copyTo: z
    .array(text('抄送机关', 40), { error: '抄送机关应为列表' })
    .max(20, '抄送机关不能超过20个')
    .default(() => [...DEFAULT_COPY_TO]),
  /** 印发机关 of the imprint block. */
  issuingOffice: text('印发机关', 40).default(DEFAULT_ISSUING_OFFICE),
});

export type OrganHeaderSettings = z.infer<typeof organHeaderSchema>;
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;
export type DocumentSettingsInput = z.input<typeof documentSettingsSchema>;

export function defaultDocumentSettings(): DocumentSettings {
  return documentSettingsSchema.parse({});
}

// ---- what the settings container stores ---------------------------------------------------------

export const documentFormatSchema = z.object({
  fontProfile: fontProfileField,
  organHeader: z
    .object({
      /** Own text of the red header; null or blank = the organisation's full name with 文件. */
      text: z
        .string({ error: '发文机关标志应为文字' })
        .trim()
        .max(HEADER_TEXT_MAX, `发文机关标志不能超过${HEADER_TEXT_MAX}个字`)
        .nullable()
        .default(null),
      sizePt: headerSizeField,
      scalePercent: headerScaleField,
    })
    .prefault({}),
  redLineSize: redLineField,
});

export type DocumentFormat = z.infer<typeof documentFormatSchema>;

export function defaultDocumentFormat(): DocumentFormat {
  return documentFormatSchema.parse({});
}

/** The red header from the full name: "XX县人民代表大会常务委员会" → "XX县人民代表大会常务委员会文件". */
export function organHeaderText(fullName: string): string {
  const name = fullName.trim();
  return name.endsWith('文件') ? name : `${name}文件`;
}

/** What the generator's settings are made from: the app's `Settings` (or the two parts of it). */
export interface DocumentSettingsSource {
  organisation: Pick<Organisation, 'fullName' | 'copyTo' | 'issuingOffice'>;
  documents?: DocumentFormat;
}

/** The red header text that will print: the own text when given, else the full name with 文件. */
export function effectiveHeaderText(source: DocumentSettingsSource): string {
  const own = source.documents?.organHeader.text?.trim() ?? '';
  return own !== '' ? own : organHeaderText(source.organisation.fullName);
}

/**
 * The generator's settings from the organisation and the 公文格式 settings. Throws an ApiError
 * ('invalid_args') naming the field when the combination cannot make a document (a full name too long
 * for the red header and no shorter header text given).
 */
export function documentSettingsFor(source: DocumentSettingsSource): DocumentSettings {
  const format = source.documents ?? defaultDocumentFormat();
  const parsed = documentSettingsSchema.safeParse({
    fontProfile: format.fontProfile,
    organHeader: { text: effectiveHeaderText(source), sizePt: format.organHeader.sizePt, scalePercent: format.organHeader.scalePercent },
    redLineSize: format.redLineSize,
    copyTo: source.organisation.copyTo,
    issuingOffice: source.organisation.issuingOffice,
  });
  if (parsed.success) return parsed.data;
  throw new ApiError('invalid_args', `机关设置不能用于公文：${describeIssues(issuesOf(parsed.error))}。请在“设置”中修改。`);
}

/** Why the settings cannot make a document, for the 设置 screen (null when they can). */
export function documentSettingsProblem(source: DocumentSettingsSource): string | null {
  const header = effectiveHeaderText(source);
  if ([...header].length > HEADER_TEXT_MAX) {
    return `由机关全称生成的发文机关标志“${header}”超过${HEADER_TEXT_MAX}个字，请填写较短的发文机关标志`;
  }
  return null;
}

// ---- the header's size and scale ----------------------------------------------------------------

const TWIPS_PER_MM = 1440 / 25.4;
/** Automatic header: about 150 mm wide. */
const HEADER_TARGET_WIDTH = Math.round(150 * TWIPS_PER_MM);
const HEADER_DEFAULT_PT = 36;
const HEADER_AUTO_MAX_PT = 54;

export interface HeaderMetrics {
  /** Half-points, as the run's w:sz. */
  size: number;
  /** Percent, as the run's w:w. */
  scale: number;
}

/**
 * Size and horizontal scale of the organ header: the settings' own when given; otherwise 36 pt squeezed (or a
 * larger size for a short name) so the header is about 150 mm wide, as real headers fill most of the line.
 */
export function headerMetrics(header: Pick<OrganHeaderSettings, 'text' | 'sizePt' | 'scalePercent'>): HeaderMetrics {
  const chars = Math.max(1, [...header.text].length);
  let pt = header.sizePt ?? HEADER_DEFAULT_PT;
  if (header.sizePt === null && header.scalePercent === null) {
    // A short name at 36 pt would leave the line half empty: grow it (up to 54 pt) before stretching.
    pt = Math.min(HEADER_AUTO_MAX_PT, Math.max(pt, HEADER_TARGET_WIDTH / 20 / chars));
  }
  const natural = chars * pt * 20;
  const scale = header.scalePercent ?? Math.max(HEADER_SCALE_RANGE.min, Math.min(100, Math.round((HEADER_TARGET_WIDTH / natural) * 100)));
  return { size: Math.round(pt * 2), scale };
}

/** The header's printed width in millimetres (full-width characters at its size and scale). */
export function headerWidthMm(header: Pick<OrganHeaderSettings, 'text' | 'sizePt' | 'scalePercent'>): number {
  const { size, scale } = headerMetrics(header);
  const chars = [...header.text].length;
  return (chars * (size / 2) * (scale / 100) * 25.4) / 72;
}
