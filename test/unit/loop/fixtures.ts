import type { OpinionParagraph, OpinionVersion } from '../../../shared/domain/opinions';

export const para = (level: OpinionParagraph['level'], text: string): OpinionParagraph => ({ level, text });

/** A version of an opinion with the given 意见和建议; issued and delivered on `delivered` unless null (a draft). */
export function opinionVersion(no: number, suggestions: OpinionParagraph[], delivered: string | null, reason = no > 1 ? '更正' : ''): OpinionVersion {
  return {
    no,
    createdAt: '2024-10-30T08:00:00Z',
    updatedAt: '2024-10-30T08:00:00Z',
    reason,
    content: {
      addressee: '张三同志',
      lead: [para(0, '根据……')],
      sections: { basicEvaluation: [para(0, '较好')], problems: [para(2, '问题一。')], suggestions, rectification: [para(0, '六个月内报告')] },
    },
    council: delivered ? { date: '2024-11-01', sitting: 23 } : null,
    issue: delivered ? { docNumber: `X人常〔2024〕${no + 10}号`, issueDate: '2024-11-05' } : null,
    delivery: delivered ? { date: delivered, receivedBy: '李四' } : null,
  };
}
