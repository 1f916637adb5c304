import type { BodyBlock, OfficialDocInput, TableBlock } from '../model';
import { pageRows } from '../form-layout';
import { DEFAULT_GRADE_LABELS_INPUT, breakLabel, type GradeLabelsInput } from './announcement';

/**
 * 测评票: the paper ballot (a form). One file holds N identical sheets, one per page; nothing on a sheet tells
 * one from another (no serial number), so the vote stays anonymous. A group counted apart gets its own file
 * with its own title (民主测评票（列席代表）). The title is the vote's title from the settings with 票.
 */

export interface BallotEvaluateeInput {
  name: string;
  /** 单位及职务. */
  position: string;
}

export interface BallotInput {
  /** 县第十九届人大常委会第二十三次会议. */
  meetingName: string;
  /** The vote's title from the settings (民主测评, 满意度测评, 整改情况测评); the ballot is its 票. */
  voteTitle: string;
  /** Label of a group counted apart (列席代表); absent for the members' ballot. */
  groupLabel?: string;
  evaluatees: BallotEvaluateeInput[];
  /** Sheets in the file (defaultBallotSheets for the members). */
  sheets: number;
  gradeLabels?: GradeLabelsInput;
  /** Blank = 弃权 (the round's blank policy 'abstain'): the instructions then say so instead of calling a blank invalid. */
  blankIsAbstention?: boolean;
  /** Replaces the standard instructions (one paragraph each). */
  instructions?: string[];
}

/** Spare sheets beyond one per member (spoilt sheets are replaced on the spot). */
export const SPARE_BALLOT_SHEETS = 2;
/** A ballot file is printed in one go: more sheets than a county meeting could need is a typing error. */
export const MAX_BALLOT_SHEETS = 500;

/** Sheets to print for the members: one each and two spare. */
export function defaultBallotSheets(memberCount: number): number {
  if (!Number.isInteger(memberCount) || memberCount < 0) throw new RangeError(`组成人员人数应为不小于0的整数，现为${String(memberCount)}`);
  return memberCount + SPARE_BALLOT_SHEETS;
}

/** 民主测评票, or 民主测评票（列席代表） for a group counted apart. */
export function ballotTitle(voteTitle: string, groupLabel?: string): string {
  const title = voteTitle.trim();
  if (title === '') throw new RangeError('测评名称不能为空');
  const label = groupLabel?.trim();
  return label ? `${title}票（${label}）` : `${title}票`;
}

export function ballotInstructions(labels: GradeLabelsInput, blankIsAbstention = false): string[] {
  const grades = `“${labels.satisfied}”“${labels.basic}”“${labels.unsatisfied}”`;
  return [
    `1.请对每名被测评对象在${grades}三栏中选择一栏划“√”，每人只能划一个“√”。`,
    blankIsAbstention
      ? '2.对某一被测评对象不划“√”的，视为弃权；划两个以上“√”的，对该被测评对象的测评无效。'
      : '2.对某一被测评对象不划“√”或者划两个以上“√”的，对该被测评对象的测评无效。',
    '3.本票实行无记名投票，请勿署名，不得作其他标记。',
  ];
}

/**
 * Twips of type area a sheet keeps for its table: 225 mm less eleven lines (two of title, a blank line, 说明 and six
 * of instructions, one spare).
 */
const TABLE_ROOM = 12755 - 11 * 579;
/** 1.2 cm rows to mark in comfortably; never below 0.8 cm. */
const ROW_HEIGHT = 680;
const MIN_ROW_HEIGHT = 460;

/** A table's rule under each row (0.5 pt). */
const RULE = 10;

/**
 * The table of a sheet: on its page with rows shrunk as far as 0.8 cm, or, for a longer list, at 1.2 cm spread evenly
 * over the pages it needs (never a row or two alone on the second page), the header on each.
 */
function ballotTables(input: BallotInput, labels: GradeLabelsInput): BodyBlock[] {
  const rows = input.evaluatees.length + 1;
  const fitted = Math.floor(TABLE_ROOM / rows) - RULE;
  const table = (from: number, to: number, rowHeight: number): TableBlock => ({
    type: 'table',
    table: {
      // Twips at 四号: 序号 two characters, 姓名 four, each grade three (a four-character label is broken in two),
      // leaving 单位及职务 thirteen characters a line.
      columns: [760, 1300, 3784, 1000, 1000, 1000],
      header: [['序号', '姓名', '单位及职务', breakLabel(labels.satisfied), breakLabel(labels.basic), breakLabel(labels.unsatisfied)]],
      rows: input.evaluatees.slice(from, to).map((e, i) => [String(from + i + 1), e.name.trim(), { text: e.position.trim(), align: 'left' }, '', '', '']),
      rowHeight,
    },
  });
  if (fitted >= MIN_ROW_HEIGHT) return [table(0, input.evaluatees.length, Math.min(ROW_HEIGHT, fitted))];
  const perPage = pageRows(input.evaluatees.length, { rowHeight: ROW_HEIGHT, headerHeight: ROW_HEIGHT, linesBefore: 11, linesAfter: 0 });
  const out: BodyBlock[] = [];
  let from = 0;
  perPage.forEach((count, page) => {
    if (page > 0) out.push({ type: 'page-break' });
    out.push(table(from, from + count, ROW_HEIGHT));
    from += count;
  });
  return out;
}

/**
 * 测评票 as a form: `sheets` identical sheets, one a page, each with the meeting name and title, the instructions and
 * the table. Nothing differs between sheets and nothing numbers them (the 序号 column numbers the evaluatees).
 * Rows shrink to 0.8 cm to keep up to 12 evaluatees on one page; a longer list runs over two pages, spread evenly.
 */
export function buildBallotDocument(input: BallotInput): OfficialDocInput {
  if (input.meetingName.trim() === '') throw new RangeError('测评票的会议名称不能为空');
  if (input.evaluatees.length === 0) throw new RangeError('测评票至少要有一名被测评对象');
  input.evaluatees.forEach((e, i) => {
    if (e.name.trim() === '') throw new RangeError(`测评票第${i + 1}名被测评对象的姓名为空`);
  });
  if (!Number.isInteger(input.sheets) || input.sheets < 1 || input.sheets > MAX_BALLOT_SHEETS) {
    throw new RangeError(`测评票张数应为1至${MAX_BALLOT_SHEETS}的整数，现为${String(input.sheets)}`);
  }
  const labels = input.gradeLabels ?? DEFAULT_GRADE_LABELS_INPUT;
  const title = `${input.meetingName.trim()}\n${ballotTitle(input.voteTitle, input.groupLabel)}`;
  const instructions = input.instructions && input.instructions.length > 0 ? input.instructions : ballotInstructions(labels, input.blankIsAbstention ?? false);
  const sheet: BodyBlock[] = [
    { text: '', flush: true },
    { text: '说明：', flush: true },
    ...instructions.map((text) => ({ text: text.trim() })),
    ...ballotTables(input, labels),
  ];
  const body: BodyBlock[] = [...sheet];
  for (let i = 1; i < input.sheets; i++) body.push({ type: 'page-break' }, { variant: 'title', text: title }, ...sheet);
  return {
    kind: 'form',
    title,
    body,
    properties: { title: `${input.meetingName.trim()}${ballotTitle(input.voteTitle, input.groupLabel)}`, subject: '测评票' },
  };
}
