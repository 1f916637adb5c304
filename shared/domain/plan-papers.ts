import { z } from 'zod';
import { docPrefixProblem } from '../format/doc-number';
import { dateField, intField, objectError, optionalText, requiredText } from './fields';

/**
 * The plan's papers: the 五年计划 sent up to the county committee as a 请示 (上行文), the 年度计划 and the
 * annual 评议工作公告. Three records:
 * - `upwardSchema` (settings.upward): who sends papers up to the county committee — an organ of its own, such as
 *   the Standing Committee's 党组, and its 机关代字. Both empty by default: the organisation's full name and 机关代字
 *   are used then (the Standing Committee reports itself).
 * - `publicNoticeSchema` (year partition `notice`): what the clerk enters for the year's public notice — how the
 *   public sends opinions and the period for them. A period that ends before it starts is refused naming 截止日期.
 * - `numberedRequestSchema` (发文登记 `register.requests` of the year of its number): the 请示 the app numbered, with
 *   the 签发人 and 附注 it carried, so a reprint and the next export start from them.
 */

const prefixField = (label: string) =>
  optionalText(label, 12).refine((p) => p === '' || docPrefixProblem(p) === null, {
    error: (issue) => `${label}：${docPrefixProblem(String(issue.input)) ?? '无效'}`,
  });

export const upwardSchema = z.object(
  {
    /** 上行文发文机关, e.g. 中共××县人民代表大会常务委员会党组; '' = the organisation's full name. */
    organ: optionalText('上行文发文机关', 40),
    /** Its 机关代字 (e.g. ×人常党); '' = the organisation's. */
    docPrefix: prefixField('上行文代字'),
    /** 主送机关 of a 请示; '' = 县委. */
    addressee: optionalText('上行文主送机关', 40),
  },
  objectError('上行文设置'),
);
export type UpwardSettings = z.infer<typeof upwardSchema>;

/** The organ and 机关代字 a paper to the county committee goes out under. */
export function upwardOrgan(settings: { organisation: { fullName: string; docPrefix: string }; upward?: UpwardSettings | undefined }): { organ: string; docPrefix: string; addressee: string } {
  const own = settings.upward;
  return {
    organ: own?.organ.trim() || settings.organisation.fullName,
    docPrefix: own?.docPrefix.trim() || settings.organisation.docPrefix,
    addressee: own?.addressee.trim() || DEFAULT_UPWARD_ADDRESSEE,
  };
}

export const DEFAULT_UPWARD_ADDRESSEE = '县委';

const noticeObject = z.object({
  /** How the public sends opinions: address, telephone, e-mail …, one per line, as the clerk writes them. */
  channels: requiredText('意见反映渠道', 500),
  /** The period for opinions: first and last day. */
  from: dateField('征求意见开始日期'),
  to: dateField('征求意见截止日期'),
});

export const publicNoticeSchema = noticeObject.superRefine((n, ctx) => {
  if (n.from && n.to && n.to < n.from) ctx.addIssue({ code: 'custom', message: '征求意见截止日期不能早于开始日期', path: ['to'] });
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

const stamp = z.string({ error: '时间应为文字' });

export const REQUEST_KINDS = ['计划请示'] as const;

export const numberedRequestSchema = z.object({
  kind: z.enum(REQUEST_KINDS, { error: '请示种类无效' }),
  docNumber: requiredText('发文字号', 40),
  title: requiredText('请示标题', 200),
  /** The term the plan covers (its first year): one 请示 per term, a reprint keeps its number. */
  termStart: intField('计划起始年份', 1949, 2100),
  date: dateField('成文日期'),
  signer: requiredText('签发人', 30),
  contactName: requiredText('联系人', 30),
  contactPhone: requiredText('联系电话', 40),
  firstExportedAt: stamp,
  exportedAt: stamp,
  exports: intField('导出次数', 1, 100000).default(1),
});
export type NumberedRequest = z.infer<typeof numberedRequestSchema>;

/** Who holds a 请示's number: the plan of one term. */
export function requestKey(termStart: number): string {
  return `计划请示:${termStart}`;
}
