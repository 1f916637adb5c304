import { ApiError } from '../../../shared/api/errors';
import { citedTitle } from '../../../shared/domain/settings';
import { opinionTitleText } from '../../../shared/domain/opinions';
import { formatDateCn } from '../../../shared/format/dates';
import { LOOP_LABELS, ITEM_VERDICTS } from '../../../shared/loop/labels';
import { summariseLedger } from '../../../shared/loop/ledger';
import type { InterpellationStep, ResultUse } from '../../../shared/loop/schemas';
import type {
  FollowUpReportInput,
  InterpellationInput,
  LedgerTableInput,
  ResultUseRegisterInput,
  SupervisionLetterInput,
} from '../documents';
import { positionOf } from '../meeting-docs/round-docs';
import { recordFor, type EvaluationFacts } from '../opinions/opinion-data';
import { deliveredVersion, loopOf, overdueOn, periodText } from './loop-facts';

/**
 * Store records → the generator's inputs for the closed loop's papers. Words come from the settings (the organ's
 * full and short names, the law the county cites, the deadlines' periods) and the records; nothing is invented. Each
 * refusal is an ApiError with a Chinese message naming what is missing.
 */

const who = (f: EvaluationFacts) => {
  const post = positionOf(f.core, f.evaluatee.id).position;
  return { name: f.evaluatee.name, post };
};

export function delivered(f: EvaluationFacts) {
  const d = deliveredVersion(recordFor(f.year, f.evaluation.id));
  if (!d) throw new ApiError('conflict', '评议意见尚未印发并送达，没有整改期限可以督办。');
  return d;
}

/** 督办函 of an overdue case, dated `date`, asking for the paper by `replyBy`. */
export function letterInput(f: EvaluationFacts, args: { docNumber: string; date: string; replyBy: string }): SupervisionLetterInput {
  const org = f.core.settings.organisation;
  const d = delivered(f);
  if (f.unitName.trim() === '') throw new ApiError('conflict', '该被评议对象没有登记所在单位，督办函无处主送；请先在“人员”中登记单位。');
  if (args.date < d.deliveredOn) throw new ApiError('invalid_args', `督办函的成文日期（${formatDateCn(args.date)}）不能早于评议意见送达日期（${formatDateCn(d.deliveredOn)}）。`);
  if (args.replyBy < args.date) {
    throw new ApiError('invalid_args', `报送期限（${formatDateCn(args.replyBy)}）不能早于督办函的成文日期（${formatDateCn(args.date)}）。`, [
      { path: 'replyBy', message: '报送期限早于成文日期' },
    ]);
  }
  const overdue = overdueOn(f, args.date);
  if (overdue.length === 0) throw new ApiError('conflict', `截至${formatDateCn(args.date)}，该评议没有逾期未报的整改方案或整改情况报告，不需要督办函。`);
  const { name, post } = who(f);
  return {
    organ: org.fullName,
    shortName: org.shortName,
    docNumber: args.docNumber,
    addressee: f.unitName,
    evaluateeName: name,
    ...(post ? { evaluateePost: post } : {}),
    opinion: { title: opinionTitleText(name), docNumber: d.docNumber, deliveredOn: d.deliveredOn },
    overdue: overdue.map((o) => ({ what: o.label, period: periodText(o.kind, f.core.settings.deadlines), due: o.due })),
    replyBy: args.replyBy,
    date: args.date,
  };
}

/** 回头看调研报告 from the evaluation's 回头看 record; the item texts from the ledger (frozen at issue). */
export function followUpInput(f: EvaluationFacts, date: string | undefined): FollowUpReportInput {
  const loop = loopOf(f.year);
  const record = loop.followUps.find((r) => r.evaluationId === f.evaluation.id);
  if (!record) throw new ApiError('conflict', '该评议还没有回头看记录，请先登记回头看（调研组、活动和逐项核查）。');
  const on = date ?? record.endDate;
  if (on < record.endDate) throw new ApiError('invalid_args', `报告日期（${formatDateCn(on)}）不能早于回头看结束日期（${formatDateCn(record.endDate)}）。`);
  const d = deliveredVersion(recordFor(f.year, f.evaluation.id));
  const { name, post } = who(f);
  const textOf = (opinionId: string, itemNo: number) => loop.ledger.find((e) => e.evaluationId === f.evaluation.id && e.opinionId === opinionId && e.itemNo === itemNo)?.itemText ?? '';
  return {
    evaluateeName: name,
    ...(post ? { evaluateePost: post } : {}),
    opinion: d ? { title: opinionTitleText(name), docNumber: d.docNumber } : null,
    groupName: record.groupName.trim() || `${f.core.settings.organisation.shortName}回头看调研组`,
    members: record.group.map((m) => ({ role: m.role, name: m.name, post: m.post })),
    startDate: record.startDate,
    endDate: record.endDate,
    activities: record.activities.map((a) => ({ date: a.date, activity: a.activity, ...(a.place ? { place: a.place } : {}) })),
    checks: record.checks.map((c) => ({ itemNo: c.itemNo, itemText: textOf(c.opinionId, c.itemNo), checked: c.checked, verdict: LOOP_LABELS.itemVerdict[c.verdict] })),
    verdictOrder: ITEM_VERDICTS.map((v) => LOOP_LABELS.itemVerdict[v]),
    summary: record.summary,
    date: on,
  };
}

export function interpellationStep(f: EvaluationFacts, stepId: string): InterpellationStep {
  const step = loopOf(f.year).escalation.find((s) => s.id === stepId && s.evaluationId === f.evaluation.id);
  if (!step) throw new ApiError('not_found', '找不到该质询案，可能已被删除。');
  if (step.kind !== 'interpellation') throw new ApiError('invalid_args', `该监督措施是${LOOP_LABELS.escalationKind[step.kind]}，不是质询案。`);
  return step;
}

/** 质询案 as its proposers put it: addressed to the Standing Committee, signed by each proposer. */
export function interpellationInput(f: EvaluationFacts, step: InterpellationStep): InterpellationInput {
  const org = f.core.settings.organisation;
  if (step.proposers.length === 0) throw new ApiError('conflict', '该质询案还没有提案人。');
  const { name, post } = who(f);
  return {
    addressee: org.fullName,
    shortName: org.shortName,
    law: citedTitle(f.core.settings.legalBasis.law),
    object: step.object,
    subject: post ? `${name}同志（${post}）` : `${name}同志`,
    proposers: step.proposers.map((p) => p.name),
    questions: step.questions,
    reasons: step.reasons,
    date: step.proposedOn,
  };
}

/** 整改台账 of the evaluation: its ledger entries with the opinion's number and delivery under the title. */
export function ledgerInput(f: EvaluationFacts): LedgerTableInput {
  const entries = loopOf(f.year).ledger.filter((e) => e.evaluationId === f.evaluation.id);
  if (entries.length === 0) throw new ApiError('conflict', '该评议的整改台账还没有条目（评议意见印发后按意见和建议逐项建立）。');
  const d = deliveredVersion(recordFor(f.year, f.evaluation.id));
  const sum = summariseLedger(entries);
  const counts = Object.entries(sum.byStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${LOOP_LABELS.itemStatus[s as keyof typeof LOOP_LABELS.itemStatus]}${n}项`);
  return {
    title: `${f.evaluatee.name}同志评议意见整改台账`,
    heading: d ? [`评议意见：${d.docNumber}　送达日期：${formatDateCn(d.deliveredOn)}`] : [],
    rows: entries.map((e) => ({
      itemNo: e.itemNo,
      itemText: e.itemText,
      measures: e.measures,
      responsible: e.responsible,
      dueDate: e.dueDate,
      progress: [...e.progress].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      status: LOOP_LABELS.itemStatus[e.status],
      verdict: e.verdict ? LOOP_LABELS.itemVerdict[e.verdict] : '',
    })),
    summary: `共${sum.items}项：${counts.join('，')}。`,
  };
}

/** A results-use line as printed. */
function useRow(u: ResultUse, about: string) {
  return {
    date: u.date,
    kind: LOOP_LABELS.resultUseKind[u.kind],
    docNumber: u.docNumber,
    recipient: u.recipient,
    how: LOOP_LABELS.deliveryMode[u.how],
    note: u.note,
    about,
  };
}

/** 结果运用登记表 of one evaluation. */
export function resultUsesInput(f: EvaluationFacts): ResultUseRegisterInput {
  const uses = loopOf(f.year).resultUses.filter((u) => u.evaluationId === f.evaluation.id);
  const d = deliveredVersion(recordFor(f.year, f.evaluation.id));
  return {
    title: `${f.evaluatee.name}同志评议结果运用登记表`,
    heading: d ? [`${opinionTitleText(f.evaluatee.name)}（${d.docNumber}）`] : [],
    rows: uses.map((u) => useRow(u, '')),
  };
}

/** 结果运用登记表 of a year: every line of the partition, each with whose evaluation it is ('' for a meeting's 通报). */
export function yearResultUsesInput(year: number, uses: readonly ResultUse[], nameOf: (evaluationId: string) => string): ResultUseRegisterInput {
  return {
    title: `${year}年度评议结果运用登记表`,
    rows: uses.map((u) => useRow(u, u.evaluationId ? nameOf(u.evaluationId) : '')),
  };
}
