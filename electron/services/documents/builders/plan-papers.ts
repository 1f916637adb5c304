import { formatDateCn } from '../../../../shared/format/dates';
import { parseDocNumber } from '../../../../shared/format/doc-number';
import { meetingNamePrefix } from '../../../../shared/format/chinese-numerals';
import type { BodyBlock, BodyParagraph, OfficialDocInput, TableInput } from '../model';

/**
 * The plan's papers, from plain data (names, units and posts as the caller formats them, dates as YYYY-MM-DD):
 * - 请示 (公文, 上行文): the term's plan sent to the county committee, with 签发人, 附注 and the attachment table of who
 *   is evaluated in which year by category;
 * - 年度计划 (meeting paper): the year's evaluations, their meetings and the steps;
 * - 评议工作公告 (meeting paper, and the same words as plain text to paste online): who is evaluated this year, when,
 *   how the public sends opinions and until when.
 * Every figure is counted here from the rows given; the words of the county (organ, short name, law, vote titles,
 * periods) come in through the input. Bad input throws a RangeError naming the field.
 */

/** The categories in the order the papers list them; anything else goes last under its own name. */
export const PLAN_CATEGORIES = ['政府组成部门负责人', '员额法官', '员额检察官', '其他'] as const;

export interface PlanPersonInput {
  name: string;
  category: string;
  /** 单位及职务 as printed: 县教育局局长. */
  unitAndPost: string;
}

export interface PlanYearInput {
  year: number;
  persons: PlanPersonInput[];
}

export interface PlanRequestInput {
  /** 发文机关 (the 党组, or the Standing Committee itself): signs the paper. */
  organ: string;
  /** 机关简称 in running text: 县人大常委会. */
  shortName: string;
  /** 主送机关: 县委. */
  addressee: string;
  docNumber: string;
  signer: string;
  contactName: string;
  contactPhone: string;
  /** 成文日期 and 印发日期. */
  date: string;
  /** 五年计划 (or 六年计划 for a six-year term). */
  planName: string;
  /** 第十九届 */
  session: string;
  startYear: number;
  endYear: number;
  /** The law and the county's measure, cited in 书名号 (either may be ''). */
  law: string;
  measure: string;
  /** Every year of the term, in order, with whom it evaluates. */
  years: PlanYearInput[];
  /** Appointees of the term not planned in any year yet. */
  unplanned: number;
  voteTitle: string;
  followUpVoteTitle: string;
  reportMonths: number;
  /** 印发机关 of the 版记. */
  issuingOffice: string;
}

const need = (value: string, field: string) => {
  if (value.trim() === '') throw new RangeError(`${field}不能为空`);
  return value.trim();
};

function checkDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`${field}格式应为 2024-10-28`);
  return value;
}

/** 政府组成部门负责人3人、员额法官1人 — categories with nobody left out; '' for nobody. */
export function categoryCounts(persons: readonly PlanPersonInput[]): string {
  const counts = new Map<string, number>();
  for (const p of persons) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
  return orderedCategories([...counts.keys()])
    .map((c) => `${c}${counts.get(c)}人`)
    .join('、');
}

function orderedCategories(categories: readonly string[]): string[] {
  const rank = (c: string) => {
    const i = (PLAN_CATEGORIES as readonly string[]).indexOf(c);
    return i < 0 ? PLAN_CATEGORIES.length : i;
  };
  return [...new Set(categories)].sort((a, b) => rank(a) - rank(b));
}

/** Persons of a year in category order (the order within a category as given). */
function byCategory(persons: readonly PlanPersonInput[]): PlanPersonInput[] {
  const order = orderedCategories(persons.map((p) => p.category));
  return order.flatMap((c) => persons.filter((p) => p.category === c));
}

function basis(law: string, measure: string): string {
  const titles = `${law.trim()}${measure.trim()}`;
  return titles === '' ? '' : `根据${titles}，`;
}

// ---------------------------------------------------------------- 请示

/** 关于县第十九届人大常委会任期内工作评议五年计划的请示: the committee named as its meetings are (县第十九届人大常委会). */
export function planRequestTitle(input: Pick<PlanRequestInput, 'session' | 'shortName' | 'planName'>): string {
  return `关于${meetingNamePrefix(input.shortName)}${input.session}人大常委会任期内工作评议${input.planName}的请示`;
}

export function planTableTitle(input: Pick<PlanRequestInput, 'startYear' | 'endYear' | 'planName'>): string {
  return `工作评议${input.planName}安排表（${input.startYear}—${input.endYear}年）`;
}

/** The attachment table: 序号 | 年度 | 类别 | 姓名 | 单位及职务, by year, then category; a year with nobody says so. */
export function planTable(years: readonly PlanYearInput[]): TableInput {
  const rows: string[][] = [];
  let n = 0;
  for (const y of years) {
    const persons = byCategory(y.persons);
    if (persons.length === 0) rows.push(['', `${y.year}年`, '—', '尚未安排', '']);
    for (const p of persons) rows.push([String(++n), `${y.year}年`, p.category, p.name, p.unitAndPost]);
  }
  return { columns: [3, 4, 10, 4, 16], header: [['序号', '年度', '类别', '姓名', '单位及职务']], rows, small: true, align: 'center' };
}

export function buildPlanRequestDocument(input: PlanRequestInput): OfficialDocInput {
  const organ = need(input.organ, '发文机关');
  const shortName = need(input.shortName, '机关简称');
  const addressee = need(input.addressee, '主送机关');
  const signer = need(input.signer, '签发人');
  const contactName = need(input.contactName, '联系人');
  const contactPhone = need(input.contactPhone, '联系电话');
  const date = checkDate(input.date, '成文日期');
  if (!parseDocNumber(input.docNumber).ok) throw new RangeError(`发文字号“${input.docNumber}”不符合要求`);
  if (input.endYear < input.startYear) throw new RangeError('计划期结束年份不能早于起始年份');
  if (input.years.length === 0) throw new RangeError('计划年度不能为空');
  if (input.reportMonths < 1) throw new RangeError('整改情况报告期限应至少为1个月');
  const all = input.years.flatMap((y) => y.persons);
  const total = all.length + input.unplanned;
  if (total === 0) throw new RangeError('本届没有须评议的被评议对象，不能形成计划');

  const lead =
    `为加强对${shortName}任命人员的监督，${basis(input.law, input.measure)}${shortName}拟在${input.session}任期内（${input.startYear}—${input.endYear}年），` +
    `对${shortName}任命的政府组成部门负责人和员额法官、员额检察官分年度开展工作评议，实现本届任期内评议全覆盖。现将工作评议${input.planName}请示如下。`;
  const scope =
    `本届须评议的人员共${total}人。已列入年度安排${all.length}人，其中${categoryCounts(all) || '无'}` +
    (input.unplanned > 0 ? `；尚有${input.unplanned}人未列入年度安排。` : '。');
  const yearLines: BodyParagraph[] = input.years.map((y, i) => ({
    level: 2,
    text: `（${chineseIndex(i + 1)}）${y.year}年。`,
    runIn: y.persons.length === 0 ? '尚未安排评议对象。' : `评议${y.persons.length}人，其中${categoryCounts(y.persons)}。`,
  }));
  const steps =
    `每年组织调研组开展事前调研；在常委会会议上听取被评议对象的履职情况报告（或审议书面报告），组成人员进行询问，并进行${input.voteTitle}，当场公布结果；` +
    `评议意见经主任会议审定后印发被评议对象，被评议对象在收到评议意见之日起${input.reportMonths}个月内书面报告整改情况；其后组织回头看，进行${input.followUpVoteTitle}。`;
  const body: BodyBlock[] = [
    { text: lead },
    { level: 1, text: '一、评议对象' },
    { text: scope },
    { level: 1, text: '二、年度安排' },
    ...yearLines,
    { text: '各年度评议对象名单见附件。' },
    { level: 1, text: '三、评议方式' },
    { text: steps },
    { text: '妥否，请批示。' },
  ];
  const tableTitle = planTableTitle(input);
  return {
    kind: '公文',
    docNumber: input.docNumber.trim(),
    signer,
    title: planRequestTitle(input),
    addressee,
    body,
    attachments: [tableTitle],
    signature: { organ, date, sealed: true },
    note: `联系人：${contactName}，电话：${contactPhone}`,
    appendices: [{ label: '附件', title: tableTitle, body: [{ type: 'table', table: planTable(input.years) }] }],
    // A 请示 goes to one organ only: no copies.
    imprint: { copyTo: [], issuingOffice: need(input.issuingOffice, '印发机关'), issueDate: date },
  };
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseIndex(n: number): string {
  return NUMERALS[n] ?? String(n);
}

// ---------------------------------------------------------------- 年度计划

export interface PlanMeetingInput {
  name: string;
  date: string;
  /** Who it hears: 到会汇报 and 书面报告 counted apart. */
  reports: number;
  written: number;
}

export interface AnnualPlanEvaluationInput extends PlanPersonInput {
  /** 到会汇报 / 书面报告 */
  mode: string;
  /** The meeting's date as printed, or '' while none is scheduled. */
  meetingDate: string;
}

export interface AnnualPlanInput {
  /** The organ's full name: title and signature. */
  organ: string;
  shortName: string;
  year: number;
  planName: string;
  startYear: number;
  endYear: number;
  law: string;
  measure: string;
  evaluations: AnnualPlanEvaluationInput[];
  meetings: PlanMeetingInput[];
  /** Evaluations of the year on no meeting yet. */
  unscheduled: number;
  voteTitle: string;
  followUpVoteTitle: string;
  reportMonths: number;
  /** Days for a rectification plan, or null when the county asks for none. */
  planDays: number | null;
  date: string;
}

export function annualPlanTitle(input: Pick<AnnualPlanInput, 'organ' | 'year'>): string {
  return `${input.organ}${input.year}年度工作评议计划`;
}

export function buildAnnualPlanDocument(input: AnnualPlanInput): OfficialDocInput {
  const organ = need(input.organ, '机关全称');
  const shortName = need(input.shortName, '机关简称');
  const date = checkDate(input.date, '成文日期');
  if (input.evaluations.length === 0) throw new RangeError(`${input.year}年度计划中没有评议对象`);
  const persons = byCategory(input.evaluations) as AnnualPlanEvaluationInput[];
  const lead =
    `${basis(input.law, input.measure)}按照${shortName}工作评议${input.planName}（${input.startYear}—${input.endYear}年）的安排，` +
    `${input.year}年对${input.evaluations.length}名${shortName}任命人员开展工作评议，其中${categoryCounts(input.evaluations)}。`;
  const table: TableInput = {
    columns: [3, 4, 10, 15, 5],
    header: [['序号', '姓名', '类别', '单位及职务', '汇报方式']],
    rows: persons.map((p, i) => [String(i + 1), p.name, p.category, p.unitAndPost, p.mode]),
    small: true,
    align: 'center',
  };
  const when: BodyBlock[] = input.meetings.map((m) => ({
    text:
      `${formatDateCn(checkDate(m.date, '会议日期'))}召开${m.name}，` +
      [m.reports > 0 ? `听取${m.reports}人到会汇报` : '', m.written > 0 ? `审议${m.written}人书面报告` : ''].filter(Boolean).join('、') +
      `，并进行${input.voteTitle}。`,
  }));
  if (input.unscheduled > 0) when.push({ text: `尚有${input.unscheduled}人的评议会议未安排，会议确定后另行通知。` });
  const rectification =
    `评议意见经主任会议审定后印发被评议对象。被评议对象应在收到评议意见之日起` +
    (input.planDays !== null ? `${input.planDays}日内报送整改方案，` : '') +
    `${input.reportMonths}个月内将整改情况书面报告${shortName}。`;
  const body: BodyBlock[] = [
    { text: lead },
    { level: 1, text: '一、评议对象' },
    { type: 'table', table },
    { level: 1, text: '二、时间安排' },
    ...when,
    { level: 1, text: '三、方法步骤' },
    { level: 2, text: '（一）事前调研。', runIn: '评议会议前组成调研组，采取座谈走访、听取汇报、查阅资料、问卷调查、网上发布公告征求意见等方式了解被评议对象的履职情况，形成调研报告。' },
    { level: 2, text: '（二）会议评议。', runIn: `常委会会议听取被评议对象的履职情况报告（或审议书面报告），组成人员进行询问，并进行${input.voteTitle}，当场公布结果。` },
    { level: 2, text: '（三）整改落实。', runIn: rectification },
    { level: 2, text: '（四）跟踪问效。', runIn: `${shortName}组织回头看，听取整改情况报告，进行${input.followUpVoteTitle}。` },
  ];
  return {
    kind: 'meeting-paper',
    title: annualPlanTitle({ organ, year: input.year }),
    body,
    signature: { organ, date, sealed: false },
  };
}

// ---------------------------------------------------------------- 评议工作公告

export interface PublicNoticeInput {
  organ: string;
  shortName: string;
  year: number;
  law: string;
  measure: string;
  evaluatees: PlanPersonInput[];
  /** The meetings of the year that evaluate them. */
  meetings: { name: string; date: string }[];
  /** Evaluatees on no meeting yet. */
  unscheduled: number;
  /** As the clerk typed them, one channel a line. */
  channels: string;
  from: string;
  to: string;
  /** 发布日期 */
  date: string;
}

export function publicNoticeTitle(input: Pick<PublicNoticeInput, 'organ' | 'year'>): string {
  return `${input.organ}关于开展${input.year}年度工作评议征求意见的公告`;
}

/** The notice's paragraphs, shared by the Word paper and the plain text. */
function noticeParagraphs(input: PublicNoticeInput): { lead: string; persons: string[]; when: string; invite: string; channels: string[]; period: string } {
  need(input.organ, '机关全称');
  const shortName = need(input.shortName, '机关简称');
  if (input.evaluatees.length === 0) throw new RangeError(`${input.year}年度计划中没有评议对象，不能发布公告`);
  const channels = input.channels
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (channels.length === 0) throw new RangeError('意见反映渠道不能为空');
  checkDate(input.from, '征求意见开始日期');
  checkDate(input.to, '征求意见截止日期');
  checkDate(input.date, '发布日期');
  if (input.to < input.from) throw new RangeError('征求意见截止日期不能早于开始日期');
  const persons = byCategory(input.evaluatees).map((p, i) => `${i + 1}. ${p.name}，${p.unitAndPost}`);
  const meetings = input.meetings.map((m) => `${formatDateCn(m.date)}召开的${m.name}`);
  const when =
    meetings.length === 0
      ? '评议会议的时间确定后另行公告。'
      : `评议在${meetings.join('和')}上进行` + (input.unscheduled > 0 ? `；尚有${input.unscheduled}人的评议会议时间确定后另行公告。` : '。');
  return {
    lead: `${basis(input.law, input.measure)}${shortName}决定于${input.year}年对下列${input.evaluatees.length}名${shortName}任命人员开展工作评议：`,
    persons,
    when,
    invite: '欢迎社会各界和广大群众对上述人员的履职情况提出意见和建议。意见和建议可通过以下方式反映：',
    channels,
    period: `征求意见时间：${formatDateCn(input.from)}至${formatDateCn(input.to)}。`,
  };
}

export function buildPublicNoticeDocument(input: PublicNoticeInput): OfficialDocInput {
  const p = noticeParagraphs(input);
  const body: BodyBlock[] = [
    { text: p.lead },
    ...p.persons.map((text) => ({ text })),
    { text: p.when },
    { text: p.invite },
    ...p.channels.map((text) => ({ text })),
    { text: p.period },
    { text: '特此公告。' },
  ];
  return {
    kind: 'meeting-paper',
    title: publicNoticeTitle(input),
    body,
    signature: { organ: input.organ.trim(), date: input.date, sealed: true },
  };
}

/** The same notice as plain text to paste on a website: title, paragraphs indented with two full-width spaces, signature. */
export function publicNoticeText(input: PublicNoticeInput): string {
  const p = noticeParagraphs(input);
  const indent = (t: string) => `\u3000\u3000${t}`;
  return [
    publicNoticeTitle(input),
    '',
    indent(p.lead),
    ...p.persons.map(indent),
    indent(p.when),
    indent(p.invite),
    ...p.channels.map(indent),
    indent(p.period),
    indent('特此公告。'),
    '',
    input.organ.trim(),
    formatDateCn(input.date),
  ].join('\n');
}
