import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, BodyParagraph, OfficialDocInput } from '../model';
import { WORD_JOINER } from '../title-lines';
import { compositionText, type ResearchMemberInput } from './research-report';

/**
 * 回头看调研报告 (问效调研): the follow-up group's report on how the evaluatee carried out the opinion — a meeting paper
 * built from the 回头看 record: the group and its dates, 一、调研活动 (each activity with its date and place),
 * 二、逐项核查情况 (per opinion item what was checked and the group's verdict), 三、总体评价 (the verdict counts and
 * the group's summary), signed by the group.
 */

export interface FollowUpActivityInput {
  /** 'YYYY-MM-DD'. */
  date: string;
  activity: string;
  place?: string;
}

export interface FollowUpCheckInput {
  itemNo: number;
  /** The item as issued (the ledger's frozen text), or '' when the ledger has none. */
  itemText: string;
  checked: string;
  /** 整改到位 / 基本到位 / 未到位. */
  verdict: string;
}

export interface FollowUpReportInput {
  evaluateeName: string;
  /** 县教育局局长. */
  evaluateePost?: string;
  opinion: { title: string; docNumber: string } | null;
  /** Who signs: 县人大常委会回头看调研组 by default. */
  groupName?: string;
  members: ResearchMemberInput[];
  /** 'YYYY-MM-DD'. */
  startDate: string;
  endDate: string;
  activities: FollowUpActivityInput[];
  checks: FollowUpCheckInput[];
  /** The verdict labels in their order, for the counts: 整改到位, 基本到位, 未到位. */
  verdictOrder: readonly string[];
  summary: string;
  /** 'YYYY-MM-DD': the report's date. */
  date: string;
}

export const FOLLOW_UP_SECTIONS = ['一、调研活动', '二、逐项核查情况', '三、总体评价'] as const;
export const DEFAULT_FOLLOW_UP_GROUP = '县人大常委会回头看调研组';

const CN_NUMBERS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99; the （N） headings of a paper). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n <= 10) return CN_NUMBERS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_NUMBERS[tens]}十${ones === 0 ? '' : CN_NUMBERS[ones]}`;
}

/** The item's own heading: its number dropped, up to its first 。 (the whole text when it has none). */
export function itemHeading(text: string): string {
  const bare = text.trim().replace(/^(（[一二三四五六七八九十百]+）|[一二三四五六七八九十]+、|\d+[.．、]\s*|（\d+）)/u, '');
  const end = bare.search(/[。；！？]/u);
  return (end < 0 ? bare : bare.slice(0, end)).trim();
}

/** 关于张明同志落实评议意见情况的回头看调研报告. */
export function followUpTitle(name: string): string {
  return `关于${[...name.trim()].join(WORD_JOINER)}同志落实评议意见情况的回头看调研报告`;
}

const sentence = (text: string) => {
  const t = text.trim();
  return t === '' ? '' : /[。！？”）]$/u.test(t) ? t : `${t}。`;
};

export function buildFollowUpReportDocument(input: FollowUpReportInput): OfficialDocInput {
  if (input.evaluateeName.trim() === '') throw new RangeError('回头看调研报告的被评议人姓名不能为空');
  if (input.endDate < input.startDate) throw new RangeError('回头看的结束日期不能早于开始日期');
  const group = input.groupName?.trim() || DEFAULT_FOLLOW_UP_GROUP;
  const composition = compositionText(input.members);
  const who = input.evaluateePost?.trim() ? `${input.evaluateeName.trim()}同志（${input.evaluateePost.trim()}）` : `${input.evaluateeName.trim()}同志`;
  const period =
    input.startDate === input.endDate ? `${formatDateCn(input.startDate)}` : `${formatDateCn(input.startDate)}至${formatDateCn(input.endDate)}`;
  const opinion = input.opinion ? `《${input.opinion.title.trim()}》（${input.opinion.docNumber.trim()}）` : '评议意见';
  const body: BodyBlock[] = [
    { text: `${period}，${group}对${who}落实${opinion}提出的意见和建议的情况进行了回头看调研。${composition ? `调研组由${composition}。` : ''}现将调研情况报告如下。` },
    { level: 1, text: FOLLOW_UP_SECTIONS[0] },
  ];
  const activities = [...input.activities].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (activities.length === 0) body.push({ text: '（未记录调研活动。）' });
  activities.forEach((a, i) => {
    const place = a.place?.trim() ? `（${a.place.trim()}）` : '';
    body.push({ level: 3, text: `${i + 1}. ${formatDateCn(a.date)}${place}，${sentence(a.activity)}` });
  });
  body.push({ level: 1, text: FOLLOW_UP_SECTIONS[1] });
  const checks = [...input.checks].sort((a, b) => a.itemNo - b.itemNo);
  if (checks.length === 0) body.push({ text: '（未记录逐项核查情况。）' });
  for (const c of checks) {
    const heading = itemHeading(c.itemText);
    const head: BodyParagraph = {
      level: 2,
      text: heading ? `（${chineseNumber(c.itemNo)}）关于“${heading}”。` : `（${chineseNumber(c.itemNo)}）关于第${c.itemNo}项意见和建议。`,
    };
    const checked = sentence(c.checked);
    body.push(checked ? { ...head, runIn: checked } : head);
    body.push({ text: `调研组评价：${c.verdict}。` });
  }
  body.push({ level: 1, text: FOLLOW_UP_SECTIONS[2] });
  if (checks.length > 0) {
    const counts = input.verdictOrder.map((v) => ({ v, n: checks.filter((c) => c.verdict === v).length })).filter((x) => x.n > 0);
    body.push({ text: `调研组逐项核查意见和建议${checks.length}项，其中${counts.map((x) => `${x.v}${x.n}项`).join('、')}。` });
  }
  for (const p of input.summary.split(/\n+/).map((s) => s.trim()).filter((s) => s !== '')) body.push({ text: p });
  const title = followUpTitle(input.evaluateeName);
  return {
    kind: 'meeting-paper',
    title,
    body,
    signature: { organ: group, date: input.date, sealed: false },
    properties: { title: title.replaceAll(WORD_JOINER, ''), subject: '回头看调研报告' },
  };
}
