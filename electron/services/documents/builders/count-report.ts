import { formatDateCn } from '../../../../shared/format/dates';
import { fieldLines } from '../form-layout';
import type { BodyBlock, OfficialDocInput } from '../model';
import { checkCount, DEFAULT_GRADE_LABELS_INPUT, breakLabel, type GradeLabelsInput, type ResultRowInput } from './announcement';

/** 计票结果报告单 of one voter group in one round: the tellers' report, signed by tellers and scrutineers. */

/** One evaluatee's counts in the group: the 通报's row without 满意率 and 等次. */
export type CountRowInput = Omit<ResultRowInput, 'rateText' | 'outcome'>;

export interface CountReportInput {
  meetingName: string;
  /** Round name, e.g. 第一轮. */
  roundLabel: string;
  /** Label of a group counted apart; absent for the members. */
  groupLabel?: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  entitled: number;
  present: number;
  /** 发出 / 收回 sheets. */
  issued: number;
  returned: number;
  gradeLabels?: GradeLabelsInput;
  rows: CountRowInput[];
  /** 计票人 and 监票人, printed with a line to sign beside each. */
  tellers: string[];
  scrutineers: string[];
}

/** 1.1 cm: a signature line. */
const SIGN_ROW_HEIGHT = 620;

/** 核对 line: every evaluatee's five counts add up to the sheets returned, or which do not. */
function checkLine(input: CountReportInput): string {
  const wrong = input.rows
    .map((r) => ({ name: r.name.trim(), total: r.satisfied + r.basic + r.unsatisfied + r.blank + r.invalid }))
    .filter((r) => r.total !== input.returned);
  if (wrong.length === 0) return `核对：每名被测评对象各项票数之和均等于收回票数（${input.returned}张）。`;
  return `核对：${wrong.map((r) => `${r.name}各项票数之和为${r.total}张`).join('；')}，与收回票数${input.returned}张不符。`;
}

/**
 * 计票结果报告单 as a form: the round and the group, 应到/实到/发出/收回, per evaluatee the five counts, 有效票 and the
 * total, the check, then 计票人 and 监票人 printed by name with a box to sign, and the date.
 */
export function buildCountReportDocument(input: CountReportInput): OfficialDocInput {
  if (input.meetingName.trim() === '') throw new RangeError('计票结果报告单的会议名称不能为空');
  if (input.rows.length === 0) throw new RangeError('计票结果报告单没有被测评对象');
  checkCount(input.entitled, '应到人数');
  checkCount(input.present, '实到人数');
  checkCount(input.issued, '发出票数');
  checkCount(input.returned, '收回票数');
  for (const r of input.rows) {
    for (const [value, field] of [
      [r.satisfied, '满意票数'],
      [r.basic, '基本满意票数'],
      [r.unsatisfied, '不满意票数'],
      [r.blank, '空白票数'],
      [r.invalid, '无效票数'],
      [r.valid, '有效票数'],
    ] as const) {
      checkCount(value, `${r.name}的${field}`);
    }
  }
  if (input.tellers.length === 0) throw new RangeError('计票结果报告单须列明计票人');
  if (input.scrutineers.length === 0) throw new RangeError('计票结果报告单须列明监票人');
  const labels = input.gradeLabels ?? DEFAULT_GRADE_LABELS_INPUT;
  const group = input.groupLabel?.trim() || '常委会组成人员';
  const body: BodyBlock[] = [
    ...fieldLines([`测评轮次：${input.roundLabel.trim()}`, `投票人员：${group}`]),
    { text: `应到${input.entitled}人，实到${input.present}人；发出测评票${input.issued}张，收回${input.returned}张。`, flush: true },
    {
      type: 'table',
      table: {
        small: true,
        // Twips at 小四; 空白, 无效 two characters, 有效票 three, 基本满意 in two lines; the table widens what must not wrap.
        columns: [660, 1130, 2134, 660, 660, 900, 660, 660, 720, 660],
        header: [['序号', '姓名', '单位及职务', breakLabel(labels.satisfied), breakLabel(labels.basic), breakLabel(labels.unsatisfied), '空白', '无效', '有效票', '合计']],
        rows: input.rows.map((r, i) => [
          String(i + 1),
          r.name.trim(),
          { text: r.position.trim(), align: 'left' },
          String(r.satisfied),
          String(r.basic),
          String(r.unsatisfied),
          String(r.blank),
          String(r.invalid),
          String(r.valid),
          String(r.satisfied + r.basic + r.unsatisfied + r.blank + r.invalid),
        ]),
      },
    },
    { text: checkLine(input), flush: true },
    { text: '', flush: true },
    {
      type: 'table',
      table: {
        columns: [2000, 2600, 4244],
        header: [['职责', '姓名', '签名']],
        rows: [
          ...input.tellers.map((name) => ['计票人', name.trim(), '']),
          ...input.scrutineers.map((name) => ['监票人', name.trim(), '']),
        ],
        rowHeight: SIGN_ROW_HEIGHT,
      },
    },
    { text: '', flush: true },
    { text: formatDateCn(input.date), align: 'right', flush: true },
  ];
  const title = `${input.meetingName.trim()}\n计票结果报告单`;
  return {
    kind: 'form',
    title,
    body,
    properties: { title: `${input.meetingName.trim()}${input.roundLabel.trim()}计票结果报告单`, subject: '计票结果报告单' },
  };
}
