/**
 * The figures' names and definitions as shown beside every figure, on the screen and on paper.
 * One catalog, so the statistics screen, the annual report and the tests use the same words.
 */

export const FIGURE_KEYS = [
  'heardHeads',
  'heardJudicial',
  'heardJudges',
  'heardProsecutors',
  'heardTotal',
  'written',
  'opinionsIssued',
  'itemsDelivered',
  'rectificationRate',
  'satisfactionRate',
  'onTimeReports',
  'failing',
  'escalations',
  'coverage',
  'grades',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURE_LABELS: Readonly<Record<FigureKey, string>> = {
  heardHeads: '听取政府组成部门负责人到会汇报',
  heardJudicial: '听取员额法官、员额检察官到会汇报',
  heardJudges: '其中员额法官',
  heardProsecutors: '其中员额检察官',
  heardTotal: '听取到会汇报合计',
  written: '书面报告（另计）',
  opinionsIssued: '印发评议意见',
  itemsDelivered: '送达意见建议条目',
  rectificationRate: '整改率',
  satisfactionRate: '满意率',
  onTimeReports: '按期报送整改情况报告',
  failing: '测评为不满意',
  escalations: '进一步监督措施',
  coverage: '本届评议覆盖率',
  grades: '测评等次分布',
};

export const DEFINITIONS: Readonly<Record<FigureKey, string>> = {
  heardHeads: '所选年度的评议中，政府组成部门负责人在已召开的常委会会议上到会汇报的人数（书面报告另计）。',
  heardJudicial: '所选年度的评议中，员额法官、员额检察官在已召开的常委会会议上到会汇报的人数（书面报告另计）。',
  heardJudges: '员额法官到会汇报的人数。',
  heardProsecutors: '员额检察官到会汇报的人数。',
  heardTotal: '各类被评议对象到会汇报人数之和。每年听取政府组成部门负责人到会汇报的人数与设置中的目标（默认每年5—6人）比较。',
  written: '以书面报告方式接受评议的人数，不计入到会汇报。',
  opinionsIssued: '所选年度的评议中，已印发（有发文字号）的评议意见份数。',
  itemsDelivered: '已送达的评议意见中，“意见和建议”部分顶层编号段落的条数（以最后印发的版本为准）。',
  rectificationRate:
    '整改率＝台账状态为“已完成”，或为“需长期坚持”且回头看评价为“整改到位”或“基本到位”的条目数 ÷ 已送达评议意见中整改情况报告期限已过的条目数。',
  satisfactionRate:
    '各评议对象民主测评结果轮次（最后一次已公布或已更正、未作废的轮次）中常委会组成人员一组的票数相加计算；作废轮次、彩排、满意度测评和整改情况测评、另行计票的列席人员组均不计入。',
  onTimeReports: '整改情况报告在期限（送达之日起按设置的月数）内收到的份数 ÷ 期限已过或已收到报告的份数；测评为不满意、改为再次报告的不计。',
  failing: '民主测评结果为不满意（规则的不通过等次）的人数。',
  escalations: '记录在案的询问、质询案、特定问题调查委员会和相应决定的件数。',
  coverage: '本届起始年度至所选年度，已到会汇报或书面报告并经会议评议的人数 ÷ 本届任职期间应评议的被评议对象人数（继任者另计）。',
  grades: '民主测评结果轮次中常委会组成人员一组的等次，按人数统计。',
};

/** Why a rate has no value: shown as "—" beside it, never 0% or NaN. */
export const NO_RECORDS = {
  noRound: '所选期间没有已公布的民主测评结果',
  noDelivered: '所选期间没有已送达的评议意见',
  noDue: '所选期间没有整改情况报告期限已过的意见条目',
  noReportDue: '所选期间没有期限已过或已收到的整改情况报告',
  noEvaluatees: '本届没有应评议的被评议对象',
} as const;
