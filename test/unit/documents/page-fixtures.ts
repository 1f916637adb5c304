import type { OfficialDocInput } from '../../../electron/services/documents';
import { planDocument } from '../../../electron/services/documents/render';
import type { OpinionContent, OpinionParagraph } from '../../../shared/domain/opinions';
import { syntheticDraft } from '../opinions/synthetic-draft';
import { chineseText } from './fixtures';
import { opinionPair } from './page-ends';

/**
 * Opinions whose pages the preview and the generator must break alike: short, long, numbered items, and one whose
 * body ends on the last line of a page (the signature then carries body lines to its page).
 */

const p = (level: OpinionParagraph['level'], text: string): OpinionParagraph => ({ level, text });

export function shortOpinion(): OpinionContent {
  return {
    addressee: '张明同志',
    lead: [p(0, `根据县人大常委会2024年度工作评议实施方案，${chineseText(2, 3)}现将评议意见反馈如下。`)],
    sections: {
      basicEvaluation: [p(0, chineseText(2, 5))],
      problems: [p(0, chineseText(1, 6))],
      suggestions: [p(0, chineseText(1, 7))],
      rectification: [p(0, '请于收到本意见之日起6个月内将整改落实情况书面报告县人大常委会。')],
    },
  };
}

export function longOpinion(): OpinionContent {
  return syntheticDraft('张明', 5, 4200);
}

/** Runs of 1. and （1） items, （一） headings with body text after them and on their own, a 1. heading over （1） items. */
export function numberedOpinion(): OpinionContent {
  const items = (level: 3 | 4, count: number, seed: number) => Array.from({ length: count }, (_, i) => p(level, chineseText(1 + (i % 2), seed + i)));
  return {
    addressee: '张明同志',
    lead: [p(0, chineseText(3, 41))],
    sections: {
      basicEvaluation: [p(2, `依法履职意识较强。${chineseText(3, 42)}`), p(2, `服务大局成效明显。${chineseText(2, 43)}`), p(0, chineseText(2, 44))],
      problems: [p(0, '主要存在以下问题：'), ...items(3, 7, 50)],
      suggestions: [p(2, '关于依法行政'), ...items(3, 3, 60), p(2, '关于队伍建设'), p(3, '加强学习培训。'), ...items(4, 5, 70)],
      rectification: [p(0, chineseText(2, 80)), p(0, '请于收到本意见之日起6个月内将整改落实情况书面报告县人大常委会。')],
    },
  };
}

/**
 * A draft whose body, set without the signature rule, would end on the last line of a page: the generator carries
 * its last two lines to the signature's page, so its page before ends two lines short.
 */
export function signatureAtPageEnd(): { content: OpinionContent; doc: OfficialDocInput } {
  for (let sentences = 1; sentences <= 40; sentences++) {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const content = shortOpinion();
      content.sections.rectification = [p(0, `${chineseText(sentences, 90 + seed)}请于收到本意见之日起6个月内将整改落实情况书面报告县人大常委会。`)];
      const pair = opinionPair(content);
      const plan = planDocument(pair.doc, pair.settings);
      const carry = plan.estimate.carry;
      if (!carry || carry.breakAt === 0) continue;
      const headEnd = plan.estimate.at[carry.box]?.at(-1) ?? 0;
      if (headEnd % 22 === 19) return { content, doc: pair.doc };
    }
  }
  throw new Error('no draft ends on the last line of a page');
}
