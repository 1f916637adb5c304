import type { OfficialDocInput, TableCellInput } from '../model';

/** One key (or several that do the same) and what it does, as the console lists it. */
export interface CardKeyLine {
  keys: readonly string[];
  label: string;
}

export interface OperationCardInput {
  /** The organ's full name (the document's properties; the card itself is the same for every meeting). */
  organ: string;
  /** The three votes' titles from the settings: 民主测评, 满意度测评, 整改情况测评 by default. */
  voteTitles: { meeting: string; followUp: string; reReport: string };
  /** The console's keys, the 随机询问 panel's own, a ballot sheet's marks and its entry keys, the key sheet's. */
  consoleKeys: readonly CardKeyLine[];
  questioningKeys: readonly CardKeyLine[];
  markKeys: readonly CardKeyLine[];
  sheetKeys: readonly CardKeyLine[];
  helpKeys: readonly CardKeyLine[];
}

const COLUMNS = [18, 32, 18, 32];
/** 小四 text in single-spaced rows: the whole card fits one A4 page. */
const ROW_HEIGHT = 360;

const keysText = (k: CardKeyLine) => k.keys.join('/');
const section = (text: string): TableCellInput[] => [{ text, span: 4, bold: true, align: 'left' }];
const line = (text: string): TableCellInput[] => [{ text, span: 4, align: 'left' }];

/** Two key lines a row (key, what it does, key, what it does); an odd last line leaves the right half empty. */
function keyRows(lines: readonly CardKeyLine[]): TableCellInput[][] {
  const rows: TableCellInput[][] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const pair = lines.slice(i, i + 2);
    const cells = pair.flatMap((k): TableCellInput[] => [{ text: keysText(k), bold: true }, { text: k.label, align: 'left' }]);
    rows.push(pair.length === 2 ? cells : [...cells, { text: '' }, { text: '' }]);
  }
  return rows;
}

/**
 * 会议当天操作卡: one A4 page for the operator's desk — before the meeting, the console's keys, 随机询问's keys, the vote
 * (its steps and the keys of a ballot sheet) and what to do when something goes wrong. A form (A4, margins, fonts),
 * one ruled 小四 table so it stays on one page; the keys come from the lists the console acts on.
 */
export function buildOperationCardDocument(input: OperationCardInput): OfficialDocInput {
  if (input.organ.trim() === '') throw new RangeError('操作卡的机关名称不能为空');
  const lists: [readonly CardKeyLine[], string][] = [
    [input.consoleKeys, '会议现场快捷键'],
    [input.questioningKeys, '随机询问快捷键'],
    [input.markKeys, '测评票按键'],
    [input.sheetKeys, '逐张录入按键'],
    [input.helpKeys, '快捷键一览的按键'],
  ];
  for (const [list, what] of lists) if (list.length === 0) throw new RangeError(`操作卡的${what}不能为空`);
  const t = input.voteTitles;
  const marks = input.markKeys.map((k) => `${keysText(k)} ${k.label}`).join('　');
  const rows: TableCellInput[][] = [
    section('一、会前'),
    line('1. 从“会议”菜单打开“会议现场”（操作电脑）和“大屏”（投影）。'),
    line('　 浏览器模式：用启动时给出的两个地址打开，大屏按 F11 全屏。'),
    line('2. “选择会议”中点“开始正式会议”；演练点“彩排”，不影响正式记录。'),
    line('3. 签到：逐人标记出席、请假、缺席（可先点“全部出席”）。'),
    line('4. 顶部显示达到法定人数后，点“开始会议”，大屏显示会标。'),
    section('二、议程、计时与大屏'),
    ...keyRows([...input.consoleKeys, ...input.helpKeys]),
    line('在输入框中打字时按键不起作用；重置计时、结束会议需确认。'),
    section('三、随机询问（此环节按键优先：空格、+ 用于答复计时）'),
    ...keyRows(input.questioningKeys),
    section(`四、${t.meeting}（${t.followUp}、${t.reReport}操作相同）`),
    line('步骤：准备→发票→收票→计票→核对→公布结果；发票须达到法定人数。'),
    line('公布结果前，大屏只显示计票进度。'),
    line('逐张录入（唱票）：每张票每位被测评对象按一个键，再按 Enter 确认本张。'),
    line(`按键：${marks}`),
    ...keyRows(input.sheetKeys),
    line('汇总录入：直接录入各等次票数；两次计票核对：两人分别录入后逐格比对。'),
    section('五、意外情况'),
    line('每步操作先保存再显示到大屏；程序意外关闭后，重新打开会议现场即可继续。'),
    line('会议结束时点“结束会议”并输入“结束会议”确认，大屏显示闭幕会标。'),
  ];
  return {
    kind: 'form',
    title: '会议当天操作卡',
    body: [{ type: 'table', table: { columns: COLUMNS, rows, rowHeight: ROW_HEIGHT, small: true } }],
    properties: { title: '会议当天操作卡', subject: '会议当天操作卡', creator: input.organ.trim() },
  };
}
