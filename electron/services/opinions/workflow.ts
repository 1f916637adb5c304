import { ApiError } from '../../../shared/api/errors';
import {
  OPINION_STATUS_LABELS,
  currentVersion,
  draftProblems,
  versionStatus,
  type CouncilStep,
  type DeliveryStep,
  type IssueStep,
  type OpinionContent,
  type OpinionRecord,
  type OpinionStatus,
  type OpinionVersion,
} from '../../../shared/domain/opinions';
import { formatDateCn, yearOfIsoDate } from '../../../shared/format/dates';
import { formatDocNumber } from '../../../shared/format/doc-number';
import { assertUnused, validDocNumber, type UsedNumber } from './numbering';

/**
 * The workflow of one opinion as pure changes to its record: 草稿 → 主任会议审定 → 印发 → 送达.
 * Each step is dated on the current version and checks the step before it. Issuing freezes the
 * version; a later change (`revise`) starts a new version with a reason and leaves the old ones
 * exactly as they were printed and delivered.
 */

/** The current version, after checking the window acted on it and it is in one of `allowed`. */
function current(record: OpinionRecord, versionNo: number, allowed: readonly OpinionStatus[], action: string): OpinionVersion {
  const v = currentVersion(record);
  if (v.no !== versionNo) throw new ApiError('conflict', `该评议意见已有第${v.no}版（可能在其他窗口修改过），请刷新后再${action}。`);
  const status = versionStatus(v);
  if (!allowed.includes(status)) {
    const frozen = v.issue ? '已印发的评议意见不能直接修改，如需更改请“修订”生成新版本。' : '';
    throw new ApiError('conflict', `该评议意见当前为“${OPINION_STATUS_LABELS[status]}”，不能${action}。${frozen}`);
  }
  return v;
}

export function saveDraft(record: OpinionRecord, versionNo: number, content: OpinionContent, now: string): OpinionVersion {
  const v = current(record, versionNo, ['draft'], '修改');
  v.content = content;
  v.updatedAt = now;
  return v;
}

export function approve(record: OpinionRecord, versionNo: number, council: CouncilStep, ctx: { meetingDate: string | null; now: string }): OpinionVersion {
  const v = current(record, versionNo, ['draft'], '提交审定');
  const problems = draftProblems(v.content);
  if (problems.length > 0) throw new ApiError('conflict', `草稿尚未完成，不能登记审定：${problems.join('；')}。`);
  if (ctx.meetingDate && council.date < ctx.meetingDate) {
    throw new ApiError('invalid_args', `主任会议审定日期不能早于评议会议日期（${formatDateCn(ctx.meetingDate)}）`, [
      { path: 'council.date', message: '审定日期早于评议会议日期' },
    ]);
  }
  v.council = { date: council.date, sitting: council.sitting ?? null };
  v.updatedAt = ctx.now;
  return v;
}

/** Back from 已审定 to 草稿 (a correction the council asked for before issuing). */
export function reopen(record: OpinionRecord, versionNo: number, now: string): OpinionVersion {
  const v = current(record, versionNo, ['approved'], '退回修改');
  v.council = null;
  v.updatedAt = now;
  return v;
}

export function issue(record: OpinionRecord, versionNo: number, step: IssueStep, ctx: { used: readonly UsedNumber[]; now: string }): OpinionVersion {
  const v = current(record, versionNo, ['approved'], '印发');
  const number = validDocNumber(step.docNumber);
  if (number.year !== yearOfIsoDate(step.issueDate)) {
    throw new ApiError('invalid_args', `发文字号的年份〔${number.year}〕应与印发日期的年份（${yearOfIsoDate(step.issueDate)}年）一致`, [
      { path: 'issue.docNumber', message: '年份与印发日期不一致' },
    ]);
  }
  if (v.council && step.issueDate < v.council.date) {
    throw new ApiError('invalid_args', `印发日期不能早于主任会议审定日期（${formatDateCn(v.council.date)}）`, [{ path: 'issue.issueDate', message: '印发日期早于审定日期' }]);
  }
  assertUnused(number, ctx.used, record.id);
  v.issue = { docNumber: formatDocNumber(number.prefix, number.year, number.seq), issueDate: step.issueDate };
  v.updatedAt = ctx.now;
  return v;
}

export function deliver(record: OpinionRecord, versionNo: number, step: DeliveryStep, now: string): OpinionVersion {
  const v = current(record, versionNo, ['issued'], '登记送达');
  if (v.issue && step.date < v.issue.issueDate) {
    throw new ApiError('invalid_args', `送达日期不能早于印发日期（${formatDateCn(v.issue.issueDate)}）`, [{ path: 'delivery.date', message: '送达日期早于印发日期' }]);
  }
  v.delivery = { date: step.date, receivedBy: step.receivedBy };
  v.updatedAt = now;
  return v;
}

/**
 * A change to an issued opinion: a new draft version with the text of the last one and the reason.
 * It goes through the council and is issued again (under its own number, if the office keeps it).
 */
export function revise(record: OpinionRecord, versionNo: number, reason: string, now: string): OpinionVersion {
  const v = current(record, versionNo, ['issued', 'delivered'], '修订');
  const next: OpinionVersion = {
    no: v.no + 1,
    createdAt: now,
    updatedAt: now,
    reason: reason.trim(),
    content: structuredClone(v.content),
    council: null,
    issue: null,
    delivery: null,
  };
  record.versions.push(next);
  return next;
}

/** The delivery that starts the rectification deadlines: the latest delivered version, the one in force. */
export function deliveredVersion(record: Pick<OpinionRecord, 'versions'>): OpinionVersion | null {
  return [...record.versions].reverse().find((v) => v.delivery !== null) ?? null;
}
