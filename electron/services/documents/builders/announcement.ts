import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, ImprintInput, OfficialDocInput, TableBlock } from '../model';
import { WORD_JOINER } from '../title-lines';
import { contentBlocks, type OpinionContent } from './opinion';

/**
 * 测评结果通报: the announcement of a satisfaction vote's results (a 公文 with the 文件 header, like the opinion).
 * Input for one round or a whole meeting: several rounds are listed in the lead (their figures each) and their
 * evaluatees go into one table per voter group, numbered through; groups counted apart get tables of their own.
 */

/** Labels of the three grades (the settings' labels; 满意 / 基本满意 / 不满意 by default). */
export interface GradeLabelsInput {
  satisfied: string;
  basic: string;
  unsatisfied: string;
}

/** One evaluatee's figures in one voter group, as stored and graded (the caller computes valid, rate and grade). */
export interface ResultRowInput {
  name: string;
  /** 单位及职务, e.g. 县教育局局长. */
  position: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** Sheets with no mark for this person. */
  blank: number;
  /** Sheets with several or unreadable marks for this person. */
  invalid: number;
  /** 有效票 under the round's blank policy. */
  valid: number;
  /** 满意率 as formatted by the caller, e.g. 96.9%. */
  rateText: string;
  /** 等次: the graded outcome, e.g. 满意. */
  outcome: string;
}

/** One voter group of one round: the binding members, or a group counted apart (列席代表 …). */
export interface ResultGroupInput {
  /** 常委会组成人员, 列席代表, …. */
  label: string;
  /** True for the members present (the group whose result decides the grade). */
  binding: boolean;
  /** 应到 / 实到 / 发出 / 收回 of this group in this round. */
  entitled: number;
  present: number;
  issued: number;
  returned: number;
  rows: ResultRowInput[];
}

export interface AnnouncementRoundInput {
  /** How the round is named in the lead when there are several, e.g. 第一轮 or 第一轮（政府组成部门）. */
  label?: string;
  groups: ResultGroupInput[];
  /** 计票人 and 监票人 names. */
  tellers: string[];
  scrutineers: string[];
}

/** A rendered chart (renderResultsChartPng): PNG bytes and the printed size in millimetres. */
export interface ChartImageInput {
  png: Uint8Array;
  widthMm: number;
  heightMm: number;
  /** Caption under the chart, e.g. 图1 常委会组成人员测评结果. */
  caption?: string;
}

export interface AnnouncementInput {
  /** 发文字号, e.g. X人常〔2026〕12号. */
  docNumber: string;
  /** e.g. 关于2026年度工作评议民主测评结果的通报. */
  title: string;
  /** The vote's title from the settings (民主测评): the lead and the tables' captions use it. */
  voteTitle: string;
  /** 主送, e.g. 县人民政府，县监察委员会，县人民法院，县人民检察院 (optional for a 通报). */
  addressee?: string;
  /** 县第十九届人大常委会第二十三次会议. */
  meetingName: string;
  /** 'YYYY-MM-DD'. */
  meetingDate: string;
  /** The grading rule in words, quoted as it is (vote-rules.md). */
  ruleText: string;
  /** How the 满意率 is computed, in words (e.g. 满意率＝（满意票＋基本满意票）÷有效票). */
  rateText?: string;
  gradeLabels?: GradeLabelsInput;
  /** Paragraphs before the figures (the basis of the evaluation); a standard sentence when absent. */
  intro?: OpinionContent;
  rounds: AnnouncementRoundInput[];
  /** Charts placed after the tables (renderAnnouncementCharts gives one per voter group). */
  charts?: ChartImageInput[];
  /** Closing paragraphs (e.g. 希望被评议人员……); none when absent. */
  closing?: OpinionContent;
  signature: { organ: string; date: string; sealed?: boolean };
  imprint: ImprintInput;
}

export const DEFAULT_GRADE_LABELS_INPUT: GradeLabelsInput = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' };

/** A count a teller can write down: a whole number from 0. */
export function checkCount(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${field}应为不小于0的整数，现为${String(value)}`);
  return value;
}

function checkRow(row: ResultRowInput, where: string): void {
  if (row.name.trim() === '') throw new RangeError(`${where}的姓名为空`);
  const at = `${where}${row.name}的`;
  checkCount(row.satisfied, `${at}满意票数`);
  checkCount(row.basic, `${at}基本满意票数`);
  checkCount(row.unsatisfied, `${at}不满意票数`);
  checkCount(row.blank, `${at}空白票数`);
  checkCount(row.invalid, `${at}无效票数`);
  checkCount(row.valid, `${at}有效票数`);
}

/** 张三、李四 */
export function nameList(names: readonly string[]): string {
  return names.map((n) => n.trim()).filter((n) => n !== '').join('、');
}

function sentence(text: string): string {
  const t = text.trim();
  return /[。！？.]$/.test(t) ? t : `${t}。`;
}

/** 实到 against 应到: the quorum a round needs (more than half of the members). */
function quorumText(group: ResultGroupInput): string {
  return group.present * 2 > group.entitled ? '超过应到人数的半数，符合规定人数' : '未超过应到人数的半数';
}

/** One round's figures for the lead: who voted, how many sheets went out and came back, who counted. */
function roundParagraphs(round: AnnouncementRoundInput, several: boolean): string[] {
  // The label usually names the vote already (…民主测评（第一轮）): 测评 is added only when it does not.
  const label = round.label?.trim() ?? '';
  const prefix = several && label ? `${label.includes('测评') ? label : `${label}测评`}，` : '';
  const parts: string[] = [];
  for (const group of round.groups) {
    if (group.binding) {
      parts.push(
        `${group.label}应到${group.entitled}人，实到${group.present}人，${quorumText(group)}；发出测评票${group.issued}张，收回${group.returned}张`,
      );
    } else {
      parts.push(`${group.label}实到${group.present}人，发出测评票${group.issued}张，收回${group.returned}张，单独计票，其结果不计入常委会组成人员的测评结果`);
    }
  }
  const out = [`${prefix}${parts.join('；')}。`];
  const tellers = nameList(round.tellers);
  const scrutineers = nameList(round.scrutineers);
  if (tellers || scrutineers) {
    const who = [tellers ? `${tellers}同志为计票人` : '', scrutineers ? `${scrutineers}同志为监票人` : ''].filter(Boolean).join('，');
    out[0] += `${who}。`;
  }
  return out;
}

/** The evaluatees of every round in one list per voter group, the members' group first. */
export function resultGroups(rounds: readonly AnnouncementRoundInput[]): { label: string; binding: boolean; rows: ResultRowInput[] }[] {
  const groups: { label: string; binding: boolean; rows: ResultRowInput[] }[] = [];
  for (const round of rounds) {
    for (const group of round.groups) {
      let target = groups.find((g) => g.label === group.label);
      if (!target) {
        target = { label: group.label, binding: group.binding, rows: [] };
        groups.push(target);
      }
      target.rows.push(...group.rows);
    }
  }
  return groups.sort((a, b) => Number(b.binding) - Number(a.binding));
}

/** A four-character table header or grade (基本满意) broken in two lines of two; shorter ones as they are. */
export const breakLabel = (label: string): string => (label.length >= 4 ? `${label.slice(0, 2)}\n${label.slice(2)}` : label);

/** 序号 | 姓名 | 单位及职务 | 有效票 | 满意 | 基本满意 | 不满意 | 满意率 | 等次 in 小四, headers broken to fit. */
export function resultsTable(rows: readonly ResultRowInput[], labels: GradeLabelsInput): TableBlock {
  return {
    type: 'table',
    table: {
      small: true,
      // Twips at 小四: two, four and three characters plus the cell margins; 满意率 fits 100.0%; a four-character
      // 等次 (基本满意) is broken in two like the headers, leaving 单位及职务 eight characters a line.
      columns: [660, 1130, 2174, 880, 660, 660, 880, 900, 900],
      header: [['序号', '姓名', '单位及职务', '有效票', breakLabel(labels.satisfied), breakLabel(labels.basic), breakLabel(labels.unsatisfied), '满意率', '等次']],
      rows: rows.map((r, i) => [
        String(i + 1),
        r.name.trim(),
        { text: r.position.trim(), align: 'left' },
        String(r.valid),
        String(r.satisfied),
        String(r.basic),
        String(r.unsatisfied),
        r.rateText,
        breakLabel(r.outcome.trim()),
      ]),
    },
  };
}

/** 注: the blank and invalid sheets of each evaluatee (none: said so). */
function sheetsNote(rows: readonly ResultRowInput[]): string {
  const noted = rows
    .filter((r) => r.blank > 0 || r.invalid > 0)
    .map((r) => {
      const parts = [r.blank > 0 ? `空白票${r.blank}张` : '', r.invalid > 0 ? `无效票${r.invalid}张` : ''].filter(Boolean);
      return `${r.name.trim()}${parts.join('、')}`;
    });
  if (noted.length === 0) return '注：各被测评对象均无空白票和无效票。';
  const rest = noted.length < rows.length ? '；其余被测评对象无空白票和无效票' : '';
  return `注：空白票和无效票情况为${noted.join('；')}${rest}。`;
}

/**
 * 测评结果通报 as a 公文. Layout: lead, 一、测评基本情况 (per round: 应到/实到 and quorum, 无记名投票, sheets issued and
 * returned, tellers and scrutineers; the rule quoted), 二、测评结果 (表N per voter group, every round's evaluatees in
 * one table numbered through, a note on blank and invalid sheets under each; then the charts with their captions),
 * closing paragraphs, signature, 版记.
 */
export function buildAnnouncementDocument(input: AnnouncementInput): OfficialDocInput {
  if (input.title.trim() === '') throw new RangeError('通报标题不能为空');
  if (input.voteTitle.trim() === '') throw new RangeError('测评名称不能为空');
  if (input.rounds.length === 0) throw new RangeError('测评结果通报至少要有一轮测评结果');
  if (input.ruleText.trim() === '') throw new RangeError('测评等次规则（文字）不能为空');
  input.rounds.forEach((round, r) => {
    if (round.groups.length === 0) throw new RangeError(`第${r + 1}轮测评没有计票结果`);
    for (const group of round.groups) {
      const where = `第${r + 1}轮${group.label}`;
      checkCount(group.entitled, `${where}应到人数`);
      checkCount(group.present, `${where}实到人数`);
      checkCount(group.issued, `${where}发出票数`);
      checkCount(group.returned, `${where}收回票数`);
      if (group.rows.length === 0) throw new RangeError(`${where}没有被测评对象`);
      for (const row of group.rows) checkRow(row, where);
    }
  });
  const labels = input.gradeLabels ?? DEFAULT_GRADE_LABELS_INPUT;
  const several = input.rounds.length > 1;
  const groups = resultGroups(input.rounds);
  const evaluatees = groups.find((g) => g.binding)?.rows.length ?? groups[0]?.rows.length ?? 0;

  const body: BodyBlock[] = [];
  const intro = input.intro
    ? contentBlocks(input.intro)
    : [{ text: `${formatDateCn(input.meetingDate)}，${input.meetingName.trim()}对${evaluatees}名被评议人员的履职情况进行了${input.voteTitle.trim()}。现将测评结果通报如下。` }];
  body.push(...intro);

  body.push({ level: 1, text: '一、测评基本情况' });
  body.push({ text: `测评采取无记名投票方式，按${labels.satisfied}、${labels.basic}、${labels.unsatisfied}三个等次进行。` });
  for (const round of input.rounds) for (const text of roundParagraphs(round, several)) body.push({ text });
  body.push({ text: `测评等次按照以下规则确定：${sentence(input.ruleText)}${input.rateText ? sentence(input.rateText) : ''}` });

  body.push({ level: 1, text: '二、测评结果' });
  const tableNames = groups.map((g, i) => `表${i + 1}`).join('、');
  body.push({ text: `测评结果见${tableNames}${input.charts && input.charts.length > 0 ? '及图示' : ''}。` });
  groups.forEach((group, i) => {
    body.push({ text: `表${i + 1}　${group.label}${input.voteTitle.trim()}结果`, align: 'center', flush: true });
    body.push(resultsTable(group.rows, labels));
    body.push({ text: sheetsNote(group.rows) });
  });
  for (const chart of input.charts ?? []) {
    body.push({ type: 'image', png: chart.png, widthMm: chart.widthMm, heightMm: chart.heightMm, description: chart.caption ?? '测评结果图' });
    if (chart.caption) body.push({ text: chart.caption, align: 'center', flush: true });
  }
  if (input.closing) body.push(...contentBlocks(input.closing));

  const title = input.title.trim();
  return {
    kind: '公文',
    docNumber: input.docNumber,
    title,
    ...(input.addressee ? { addressee: input.addressee } : {}),
    body,
    signature: { organ: input.signature.organ, date: input.signature.date, sealed: input.signature.sealed ?? true },
    imprint: input.imprint,
    properties: { title: title.replaceAll(WORD_JOINER, ''), subject: '测评结果通报' },
  };
}
