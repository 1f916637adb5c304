import { z } from 'zod';
import { DEFAULT_COPY_TO } from '../../../shared/domain/settings';

/**
 * Settings of the Word documents. Defined here for now; the lead moves the schema into the app's
 * settings container later (as `documents: documentSettingsSchema.prefault({})`), which is why
 * every field has a default and the messages name the field in Chinese.
 */

export const FONT_PROFILES = ['standard', 'windows'] as const;
export type FontProfileName = (typeof FONT_PROFILES)[number];

export const FONT_PROFILE_LABELS: Record<FontProfileName, string> = {
  standard: '公文标准字体（仿宋_GB2312、方正小标宋简体、楷体_GB2312、黑体）',
  windows: 'Windows 自带字体（仿宋、宋体、楷体、黑体）',
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过${max}个字`);

export const organHeaderSchema = z.object({
  /** 发文机关标志, printed red above the document number. */
  text: text('发文机关标志', 30).default('某某县人民代表大会常务委员会文件'),
  /**
   * Font size in points; null = automatic (36 pt, larger for short names so the header still
   * fills the line). Real headers are set in a size of the organ's choosing, not in 二号.
   */
  sizePt: z
    .number({ error: '发文机关标志字号应为数字' })
    .min(16, '发文机关标志字号不能小于16磅')
    .max(72, '发文机关标志字号不能大于72磅')
    .nullable()
    .default(null),
  /** Horizontal scale in percent; null = automatic, so the header is about 150 mm wide. */
  scalePercent: z
    .number({ error: '发文机关标志字符缩放应为数字' })
    .int('发文机关标志字符缩放应为整数')
    .min(33, '发文机关标志字符缩放不能小于33%')
    .max(200, '发文机关标志字符缩放不能大于200%')
    .nullable()
    .default(null),
});

export const documentSettingsSchema = z.object({
  fontProfile: z.enum(FONT_PROFILES, { error: '字体方案应为公文标准字体或Windows自带字体' }).default('standard'),
  organHeader: organHeaderSchema.prefault({}),
  /** Red separator line under the document number, in eighths of a point (12 = 1.5 pt). */
  redLineSize: z
    .number({ error: '红色分隔线粗细应为数字' })
    .int('红色分隔线粗细应为整数')
    .min(4, '红色分隔线粗细不能小于0.5磅')
    .max(48, '红色分隔线粗细不能大于6磅')
    .default(12),
  /** 抄送 list of the imprint block; a document may add its own recipients. */
  copyTo: z
    .array(text('抄送机关', 40), { error: '抄送机关应为列表' })
    .max(20, '抄送机关不能超过20个')
    .default(() => [...DEFAULT_COPY_TO]),
  /** 印发机关 of the imprint block. */
  issuingOffice: text('印发机关', 40).default('县人大常委会办公室'),
});

export type OrganHeaderSettings = z.infer<typeof organHeaderSchema>;
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;
export type DocumentSettingsInput = z.input<typeof documentSettingsSchema>;

export function defaultDocumentSettings(): DocumentSettings {
  return documentSettingsSchema.parse({});
}
