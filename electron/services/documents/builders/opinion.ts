import type { BodyBlock, BodyParagraph, ImprintInput, OfficialDocInput } from '../model';
import { WORD_JOINER } from '../title-lines';

/**
 * 评议意见: the opinion the Standing Committee sends an evaluated officer after the vote (a 公文 with the
 * 文件 header). The four sections are fixed by the county's evaluation rules; their content comes from the draft.
 */

/** A section's text: paragraphs as strings (body text) or with a level for its own （一）/1. headings. */
export type OpinionContent = string | readonly (string | BodyParagraph)[];

export interface OpinionInput {
  /** 发文字号, e.g. X人常〔2024〕5号. */
  docNumber: string;
  /** Name of the evaluated officer: 关于对{name}同志履职情况的评议意见. */
  evaluateeName: string;
  /** 主送: the officer (张三同志) or the unit. */
  addressee: string;
  /** （2024年10月28日县第十九届人大常委会第二十三次主任会议通过）. */
  titleNote?: string;
  /** The basis, the research methods, the meeting and the vote result. */
  lead: OpinionContent;
  basicEvaluation: OpinionContent;
  problems: OpinionContent;
  suggestions: OpinionContent;
  /** With the deadlines, e.g. 请于收到本意见之日起15日内报送整改方案…. */
  rectification: OpinionContent;
  attachments?: string[];
  signature: { organ: string; date: string; sealed?: boolean };
  imprint: ImprintInput;
}

export const OPINION_SECTIONS = ['一、基本评价', '二、存在的问题', '三、意见和建议', '四、整改要求'] as const;

/** 关于对张三同志履职情况的评议意见; the name is glued so the title never breaks inside it. */
export function opinionTitle(name: string): string {
  const glued = [...name.trim()].join(WORD_JOINER);
  return `关于对${glued}同志履职情况的评议意见`;
}

export function contentBlocks(content: OpinionContent): BodyParagraph[] {
  const list = typeof content === 'string' ? content.split(/\n+/) : content;
  return list
    .map((p) => (typeof p === 'string' ? { text: p.trim() } : p))
    .filter((p) => p.text.trim() !== '');
}

export function buildOpinionDocument(input: OpinionInput): OfficialDocInput {
  const sections = [input.basicEvaluation, input.problems, input.suggestions, input.rectification];
  const body: BodyBlock[] = [...contentBlocks(input.lead)];
  OPINION_SECTIONS.forEach((heading, i) => {
    body.push({ level: 1, text: heading }, ...contentBlocks(sections[i] ?? ''));
  });
  return {
    kind: '公文',
    docNumber: input.docNumber,
    title: opinionTitle(input.evaluateeName),
    ...(input.titleNote ? { titleNote: input.titleNote } : {}),
    addressee: input.addressee,
    body,
    ...(input.attachments ? { attachments: input.attachments } : {}),
    signature: { organ: input.signature.organ, date: input.signature.date, sealed: input.signature.sealed ?? true },
    imprint: input.imprint,
    properties: { title: `关于对${input.evaluateeName.trim()}同志履职情况的评议意见`, subject: '评议意见' },
  };
}
