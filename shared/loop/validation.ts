import { formatDateCn } from '../format/dates';
import type { OpinionItem } from './items';
import type { ItemVerdict } from './labels';
import { FILE_MAX_BYTES, type InterpellationStep, type InvestigationStep, type ItemCheck } from './schemas';
import { checkInterpellationProposers, checkInvestigationProposers, needsSecondAnswer, type Roster } from './thresholds';

/**
 * The loop's checks on bad input, each returning a Chinese message that names the rule (null when
 * the input is fine). The services refuse before writing anything.
 */

/** A rectification report cannot be dated, or received, before the opinion it answers was delivered. */
export function reportDateProblem(report: { reportDate: string | null; receivedOn: string }, deliveredOn: string | null): string | null {
  if (!deliveredOn) return '评议意见尚未送达，不能登记整改情况报告';
  const when = formatDateCn(deliveredOn);
  if (report.receivedOn < deliveredOn) return `收到日期（${formatDateCn(report.receivedOn)}）早于评议意见送达日期（${when}），整改情况报告应在送达之后`;
  if (report.reportDate !== null && report.reportDate < deliveredOn) {
    return `报告成文日期（${formatDateCn(report.reportDate)}）早于评议意见送达日期（${when}），整改情况报告应在送达之后`;
  }
  if (report.reportDate !== null && report.reportDate > report.receivedOn) {
    return `报告成文日期（${formatDateCn(report.reportDate)}）晚于收到日期（${formatDateCn(report.receivedOn)}）`;
  }
  return null;
}

/** A 回头看 verdict belongs to an item of this evaluation's issued opinion. */
export function verdictItemProblem(
  check: { opinionId: string; itemNo: number },
  opinion: { id: string; items: readonly Pick<OpinionItem, 'no'>[] },
): string | null {
  if (check.opinionId !== opinion.id) return `第${check.itemNo}项不是本评议的评议意见中的条目，不能在此评价`;
  if (!opinion.items.some((i) => i.no === check.itemNo)) return `评议意见中没有第${check.itemNo}项（共${opinion.items.length}项）`;
  return null;
}

export type SecondVoteCheck =
  | { kind: 'ok' }
  | { kind: 'confirm'; message: string }
  | { kind: 'refused'; message: string };

/**
 * The 满意度测评 comes after the rectification report. Before it arrived the office may still hold
 * the vote, but only confirming it and giving a reason. The re-report's vote (整改情况测评) needs no
 * written report: the meeting hears the evaluatee instead.
 */
export function secondVoteCheck(input: {
  kind: 'followUp' | 'reReport';
  reportReceived: boolean;
  confirmed: boolean;
  reason: string;
}): SecondVoteCheck {
  if (input.kind === 'reReport' || input.reportReceived) return { kind: 'ok' };
  const rule = '满意度测评应在收到整改情况报告之后进行';
  if (!input.confirmed) return { kind: 'confirm', message: `尚未收到整改情况报告。${rule}，确需提前测评的，请确认并说明理由。` };
  if (input.reason.trim() === '') return { kind: 'refused', message: `尚未收到整改情况报告，提前测评应说明理由（${rule}）` };
  return { kind: 'ok' };
}

/** An uploaded file (evidence, a package, a sheet) before it is staged: the size limit and an unreadable file, named. */
export function evidenceFileProblem(name: string, size: number | null): string | null {
  if (size === null) return `无法读取文件“${name}”，请确认文件存在且未被其他程序占用`;
  if (size > FILE_MAX_BYTES) return `文件“${name}”超过${FILE_MAX_BYTES / 1024 / 1024} MB，无法上传`;
  return null;
}

/**
 * A 质询案 as recorded: enough proposers, the answers after the 主任会议's decision, a verdict given
 * by proposers only, and a further answer only after more than half of them were not satisfied.
 */
export function interpellationProblems(step: InterpellationStep, roster: Roster): string[] {
  const problems = [...checkInterpellationProposers(step.proposers, roster).problems];
  if (step.decision && step.decision.date < step.proposedOn) problems.push('主任会议决定日期不能早于质询案提出日期');
  if (step.answers.length > 0 && !step.decision) problems.push('主任会议尚未决定答复方式，不能登记答复');
  const proposerIds = new Set(step.proposers.flatMap((p) => (p.memberId ? [p.memberId] : [])));
  const byId = new Map(roster.map((m) => [m.id, m.name]));
  step.answers.forEach((a, i) => {
    const which = `第${i + 1}次答复`;
    if (step.decision && a.date < step.decision.date) problems.push(`${which}的日期不能早于主任会议决定日期`);
    for (const id of a.notSatisfied) if (!proposerIds.has(id)) problems.push(`${byId.get(id) ?? id}不是本质询案的提案人，不能对${which}表示意见`);
    const prev = step.answers[i - 1];
    if (prev && !needsSecondAnswer(step.proposers.length, prev.notSatisfied.length)) {
      problems.push(`提案人过半数对答复不满意的，才能要求再作答复；第${i}次答复不满意的提案人未过半数`);
    }
  });
  return problems;
}

/** A 特定问题调查委员会 as recorded: the proposers' threshold, then proposal → report → 决议 in date order. */
export function investigationProblems(step: InvestigationStep, roster: Roster): string[] {
  const problems = [...checkInvestigationProposers(step.proposedBy, step.proposers, roster).problems];
  if (step.report && step.report.date < step.proposedOn) problems.push('调查报告日期不能早于提议日期');
  if (step.resolution && !step.report) problems.push('调查委员会尚未提出调查报告，不能登记决议或决定');
  if (step.resolution && step.report && step.resolution.date < step.report.date) problems.push('决议或决定的日期不能早于调查报告日期');
  return problems;
}

/**
 * The verdicts of a 回头看 record, item by item, for the ledger: each check must name an item of
 * this evaluation's issued opinion, and an item is judged once.
 */
export function checkedVerdicts(
  checks: readonly Pick<ItemCheck, 'opinionId' | 'itemNo' | 'verdict'>[],
  opinion: { id: string; items: readonly Pick<OpinionItem, 'no'>[] },
): { verdicts: Map<number, ItemVerdict>; problems: string[] } {
  const verdicts = new Map<number, ItemVerdict>();
  const problems: string[] = [];
  for (const c of checks) {
    const problem = verdictItemProblem(c, opinion);
    if (problem) problems.push(problem);
    else if (verdicts.has(c.itemNo)) problems.push(`第${c.itemNo}项已有回头看评价，不能重复评价`);
    else verdicts.set(c.itemNo, c.verdict);
  }
  return { verdicts, problems };
}
