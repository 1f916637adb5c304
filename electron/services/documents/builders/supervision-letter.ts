import { formatDateCn } from '../../../../shared/format/dates';
import { daysUntil } from '../../../../shared/loop/deadlines';
import type { BodyBlock, OfficialDocInput } from '../model';
import { WORD_JOINER } from '../title-lines';

/**
 * 督办函: the Standing Committee's letter (信函格式) to the unit of an evaluatee whose rectification paper is overdue.
 * It states what is overdue — the opinion by title, number and delivery date, each deadline with the period the
 * settings give and its day — and asks for the paper by the day the office sets. Every date comes from the records
 * or from the office; the builder invents none.
 */

export interface OverdueItemInput {
  /** 整改情况报告 or 整改方案 (LOOP_LABELS.deadline). */
  what: string;
  /** The period as the opinion set it: 6个月, 15日. */
  period: string;
  /** 'YYYY-MM-DD': the due day (shared/loop deadlines). */
  due: string;
}

export interface SupervisionLetterInput {
  /** 发文机关标志 and 署名: the organ's full name (settings). */
  organ: string;
  /** The organ in running text: 县人大常委会 (settings). */
  shortName: string;
  /** X人常函〔2026〕3号. */
  docNumber: string;
  /** 主送: the evaluatee's unit. */
  addressee: string;
  evaluateeName: string;
  /** 县教育局局长, for the lead (optional). */
  evaluateePost?: string;
  opinion: { title: string; docNumber: string; deliveredOn: string };
  overdue: OverdueItemInput[];
  /** 'YYYY-MM-DD': the day the office asks the paper by. */
  replyBy: string;
  /** 'YYYY-MM-DD': 成文日期; the overdue days are counted to it. */
  date: string;
}

const glue = (text: string) => [...text.trim()].join(WORD_JOINER);

/** 关于督促报送张明同志评议意见整改情况报告的函. */
export function supervisionLetterTitle(name: string, whats: readonly string[]): string {
  return `关于督促报送${glue(name)}同志评议意见${whats.join('和')}的函`;
}

export function buildSupervisionLetterDocument(input: SupervisionLetterInput): OfficialDocInput {
  const required: [string, string][] = [
    [input.organ, '发文机关'],
    [input.addressee, '主送单位'],
    [input.evaluateeName, '被评议人姓名'],
    [input.opinion.title, '评议意见标题'],
    [input.opinion.docNumber, '评议意见文号'],
  ];
  for (const [value, field] of required) if (value.trim() === '') throw new RangeError(`督办函的${field}不能为空`);
  if (input.overdue.length === 0) throw new RangeError('没有逾期未报的整改材料，不需要督办函');
  if (input.replyBy < input.date) throw new RangeError(`报送期限（${formatDateCn(input.replyBy)}）不能早于督办函的成文日期（${formatDateCn(input.date)}）`);
  for (const o of input.overdue) {
    if (daysUntil(o.due, input.date) >= 0) throw new RangeError(`${o.what}的期限（${formatDateCn(o.due)}）尚未届满，不需要督办`);
  }
  const whats = input.overdue.map((o) => o.what);
  const who = input.evaluateePost?.trim() ? `${input.evaluateeName.trim()}同志（${input.evaluateePost.trim()}）` : `${input.evaluateeName.trim()}同志`;
  const org = input.shortName.trim();
  const delivered = `${formatDateCn(input.opinion.deliveredOn)}，${org}将《${input.opinion.title.trim()}》（${input.opinion.docNumber.trim()}）送达${who}。`;
  const rules = input.overdue.map((o) => `收到评议意见之日起${o.period}内（即${formatDateCn(o.due)}前）报送${o.what}`);
  const late = input.overdue.map((o) => -daysUntil(o.due, input.date));
  const overdueText = late.length === 1 ? `已逾期${late[0]}日` : `分别已逾期${late.join('日和')}日`;
  const missing = `按照评议意见的要求，应于${rules.join('，')}。截至${formatDateCn(input.date)}，${org}尚未收到${whats.join('和')}，${overdueText}。`;
  const body: BodyBlock[] = [
    { text: delivered + missing },
    { text: `请你单位认真落实评议意见提出的整改要求，于${formatDateCn(input.replyBy)}前将${whats.join('和')}书面报送${org}。` },
    { text: '特此函告。' },
  ];
  const title = supervisionLetterTitle(input.evaluateeName, whats);
  return {
    kind: 'letter',
    docNumber: input.docNumber,
    letterhead: input.organ,
    title,
    addressee: input.addressee,
    body,
    signature: { organ: input.organ, date: input.date, sealed: true },
    properties: { title: title.replaceAll(WORD_JOINER, ''), subject: '督办函' },
  };
}
