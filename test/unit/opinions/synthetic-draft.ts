import { contentLength, type OpinionContent, type OpinionParagraph } from '../../../shared/domain/opinions';
import { PHRASES as DOCUMENT_PHRASES, seedState, xorshift } from '../documents/fixtures';

/**
 * Synthetic opinion drafts for the benchmark and the layout screenshots: about `chars` characters of
 * plausible all-Chinese text in the four sections, with （一） headings, numbered items and the
 * deadlines sentence, deterministic for a seed.
 */

/** The documents' filler phrases and two more. */
const PHRASES = [...DOCUMENT_PHRASES, '重点项目推进力度需要加大', '制度建设还不够健全'];

function random(seed: number) {
  let s = seedState(seed);
  return () => (s = xorshift(s));
}

function sentences(next: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const parts = Array.from({ length: 2 + (next() % 3) }, () => PHRASES[next() % PHRASES.length] ?? '');
    out += `${parts.join('，')}。`;
  }
  return out;
}

export function syntheticDraft(name: string, seed = 1, chars = 1500): OpinionContent {
  const next = random(seed);
  const p = (level: OpinionParagraph['level'], n: number): OpinionParagraph => ({ level, text: sentences(next, n) });
  const content: OpinionContent = {
    addressee: `${name}同志`,
    lead: [
      {
        level: 0,
        text: `根据《中华人民共和国各级人民代表大会常务委员会监督法》和县人大常委会年度工作评议实施方案，县人大常委会组织调研组，采取座谈走访、听取汇报、查阅资料、问卷调查等方式，对${name}同志履职情况进行了事前调研，并进行了满意度测评。现将评议意见反馈如下。`,
      },
    ],
    sections: {
      basicEvaluation: [p(0, 3), p(0, 2)],
      problems: [{ level: 0, text: '结合事前调研和询问情况，主要存在以下问题：' }, { level: 2, text: `服务意识有待增强。${sentences(next, 2)}` }, p(3, 1), p(3, 1), { level: 2, text: `整改落实不够到位。${sentences(next, 2)}` }],
      suggestions: [{ level: 0, text: '针对存在的问题，提出以下意见和建议：' }, p(3, 2), p(3, 2), p(3, 1)],
      rectification: [
        { level: 0, text: `请${name}同志对照本评议意见，认真研究制定整改措施，明确整改责任和时限，切实抓好整改落实。请于收到本意见之日起15日内报送整改方案，6个月内将整改落实情况书面报告县人大常委会。` },
      ],
    },
  };
  // Grow or trim the basic evaluation until the whole is about `chars` long.
  while (contentLength(content) < chars - 40) content.sections.basicEvaluation.push(p(0, 1));
  return content;
}
