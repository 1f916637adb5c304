import type { BodyBlock, OfficialDocInput } from '../model';
import { WORD_JOINER } from '../title-lines';

/**
 * 质询案: the proposal members of the Standing Committee put jointly in writing (a meeting paper): the object (the
 * organ questioned), the questions, the content and reasons, signed by each proposer in a signature block with the
 * date it was proposed. The law cited is the one the settings name; the paper states no article number of its own.
 */

export interface InterpellationInput {
  /** 主送: the Standing Committee's full name. */
  addressee: string;
  /** The organ in running text: 县人大常委会. */
  shortName: string;
  /** 《中华人民共和国各级人民代表大会常务委员会监督法》, as the settings cite it. */
  law: string;
  /** The organ questioned: 县教育局. */
  object: string;
  /** Whose rectification it is about: 张明同志（县教育局局长）; optional. */
  subject?: string;
  proposers: string[];
  questions: string;
  reasons: string;
  /** 'YYYY-MM-DD': 提出日期. */
  date: string;
}

export const INTERPELLATION_SECTIONS = ['一、质询对象', '二、质询的问题', '三、质询的内容和理由'] as const;

export function interpellationTitle(object: string): string {
  return `关于对${[...object.trim()].join(WORD_JOINER)}的质询案`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ text: p }));

export function buildInterpellationDocument(input: InterpellationInput): OfficialDocInput {
  const object = input.object.trim();
  if (object === '') throw new RangeError('质询对象不能为空');
  const proposers = input.proposers.map((p) => p.trim()).filter((p) => p !== '');
  if (proposers.length === 0) throw new RangeError('质询案的提案人不能为空');
  if (input.questions.trim() === '') throw new RangeError('质询的问题不能为空');
  if (input.reasons.trim() === '') throw new RangeError('质询的内容和理由不能为空');
  const about = input.subject?.trim() ? `，就${input.subject.trim()}落实评议意见、整改有关问题` : '';
  const law = input.law.trim() ? `依照${input.law.trim()}的有关规定，` : '';
  const body: BodyBlock[] = [
    { text: `${law}我们${proposers.length}名${input.shortName.trim()}组成人员联名${about}，对${object}提出质询案。` },
    { level: 1, text: INTERPELLATION_SECTIONS[0] },
    { text: object },
    { level: 1, text: INTERPELLATION_SECTIONS[1] },
    ...paragraphs(input.questions),
    { level: 1, text: INTERPELLATION_SECTIONS[2] },
    ...paragraphs(input.reasons),
  ];
  const title = interpellationTitle(object);
  return {
    kind: 'meeting-paper',
    title,
    addressee: input.addressee,
    body,
    signature: { organ: '提案人（签名）：', signers: proposers, date: input.date, sealed: false },
    properties: { title: title.replaceAll(WORD_JOINER, ''), subject: '质询案' },
  };
}
