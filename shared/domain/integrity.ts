import type { ApiIssue } from '../api/errors';
import type { Evaluatee } from './evaluatees';
import { HEARING_PURPOSE_LABELS } from './meetings';
import type { CoreData, MeetingData, YearData } from './partitions';

/**
 * Checks across records that a schema of one record cannot see: references that must exist,
 * numbers that must be unique. Pure; each issue has the dotted path of the offending field and a
 * Chinese sentence naming the record, so a screen can show it as it is and the store can refuse
 * a change that would introduce one.
 */

export type IntegrityIssue = ApiIssue;

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string | number): Map<string | number, number[]> {
  const seen = new Map<string | number, number[]>();
  items.forEach((item, i) => {
    const k = keyOf(item);
    seen.set(k, [...(seen.get(k) ?? []), i]);
  });
  return new Map([...seen].filter(([, idx]) => idx.length > 1));
}

function duplicateIds(items: readonly { id: string }[], path: string, what: string): IntegrityIssue[] {
  return [...duplicates(items, (x) => x.id)].map(([id, idx]) => ({ path: `${path}.${idx[1]}.id`, message: `${what}编号重复：${id}` }));
}

export function checkCore(core: CoreData): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  issues.push(...duplicateIds(core.members, 'members', '组成人员'));
  issues.push(...duplicateIds(core.units, 'units', '单位'));
  issues.push(...duplicateIds(core.evaluatees, 'evaluatees', '被评议对象'));
  issues.push(...duplicateIds(core.criteria, 'criteria', '评价标准'));

  for (const [order, idx] of duplicates(core.members, (m) => m.rosterOrder)) {
    const names = idx.map((i) => core.members[i]?.name).join('、');
    issues.push({ path: `members.${idx[1]}.rosterOrder`, message: `名单顺序${order}重复：${names}` });
  }
  for (const [name, idx] of duplicates(core.units, (u) => u.name)) {
    issues.push({ path: `units.${idx[1]}.name`, message: `单位名称重复：${name}` });
  }
  for (const [order, idx] of duplicates(core.criteria, (c) => c.order)) {
    issues.push({ path: `criteria.${idx[1]}.order`, message: `评价标准顺序${order}重复` });
  }

  const units = new Map(core.units.map((u) => [u.id, u]));
  const evaluatees = new Set(core.evaluatees.map((e) => e.id));
  core.evaluatees.forEach((e, i) => {
    const unit = units.get(e.unitId);
    if (!unit) {
      issues.push({ path: `evaluatees.${i}.unitId`, message: `被评议对象“${e.name}”的所在单位不存在` });
    } else if (e.category === '员额法官' && unit.kind !== 'court') {
      issues.push({ path: `evaluatees.${i}.unitId`, message: `员额法官“${e.name}”的所在单位应为人民法院，现为${unit.name}` });
    } else if (e.category === '员额检察官' && unit.kind !== 'procuratorate') {
      issues.push({ path: `evaluatees.${i}.unitId`, message: `员额检察官“${e.name}”的所在单位应为人民检察院，现为${unit.name}` });
    }
    if (e.successorOf !== undefined && (e.successorOf === e.id || !evaluatees.has(e.successorOf))) {
      issues.push({ path: `evaluatees.${i}.successorOf`, message: `被评议对象“${e.name}”的前任记录不存在` });
    }
  });
  return issues;
}

export function checkYear(data: YearData, core: Pick<CoreData, 'evaluatees'>, meetingIds?: ReadonlySet<string>): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [...duplicateIds(data.evaluations, 'evaluations', '评议')];
  const byId = new Map<string, Evaluatee>(core.evaluatees.map((e) => [e.id, e]));
  data.evaluations.forEach((ev, i) => {
    if (ev.year !== data.year) issues.push({ path: `evaluations.${i}.year`, message: `评议年度${ev.year}与所在年度${data.year}不一致` });
    if (!byId.has(ev.evaluateeId)) issues.push({ path: `evaluations.${i}.evaluateeId`, message: `${data.year}年计划中的被评议对象不存在` });
    if (ev.meetingId !== undefined && meetingIds && !meetingIds.has(ev.meetingId)) {
      issues.push({ path: `evaluations.${i}.meetingId`, message: `${byId.get(ev.evaluateeId)?.name ?? '被评议对象'}的评议会议不存在` });
    }
  });
  for (const [evaluateeId, idx] of duplicates(data.evaluations, (ev) => ev.evaluateeId)) {
    const name = byId.get(String(evaluateeId))?.name ?? '被评议对象';
    issues.push({ path: `evaluations.${idx[1]}.evaluateeId`, message: `${name}在${data.year}年计划中出现${idx.length}次` });
  }
  return issues;
}

/**
 * The agenda against the people (and, when given, the plan of the meeting's year): every item
 * refers to an existing evaluatee, nobody reports twice, the meeting's own vote covers people heard
 * at this meeting. Hearings and later votes belong to earlier evaluations (any year): the plan and
 * the reports of this meeting do not apply to them, only that each is held once per meeting.
 */
export function checkMeeting(data: MeetingData, core: Pick<CoreData, 'evaluatees'>, plan?: YearData): IntegrityIssue[] {
  const { meeting } = data;
  const issues: IntegrityIssue[] = [...duplicateIds(meeting.agenda, 'meeting.agenda', '议程')];
  const byId = new Map<string, Evaluatee>(core.evaluatees.map((e) => [e.id, e]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const reported = new Set<string>();
  const voted = new Set<string>();
  const heard = new Set<string>();
  const planned = plan && plan.year === meeting.year ? new Map(plan.evaluations.map((ev) => [ev.evaluateeId, ev])) : undefined;

  meeting.agenda.forEach((item, i) => {
    const at = `meeting.agenda.${i}`;
    if (item.kind === 'report') {
      if (!byId.has(item.evaluateeId)) {
        issues.push({ path: `${at}.evaluateeId`, message: `议程第${i + 1}项的被评议对象不存在` });
        return;
      }
      if (reported.has(item.evaluateeId)) issues.push({ path: `${at}.evaluateeId`, message: `${nameOf(item.evaluateeId)}在议程中重复出现` });
      reported.add(item.evaluateeId);
      const ev = planned?.get(item.evaluateeId);
      if (planned && !ev) {
        issues.push({ path: `${at}.evaluateeId`, message: `${nameOf(item.evaluateeId)}未列入${meeting.year}年评议计划` });
      } else if (ev?.meetingId !== undefined && ev.meetingId !== meeting.id) {
        issues.push({ path: `${at}.evaluateeId`, message: `${nameOf(item.evaluateeId)}的${meeting.year}年评议已安排在其他会议` });
      }
      return;
    }
    if (item.kind === 'hearing') {
      if (!byId.has(item.evaluateeId)) issues.push({ path: `${at}.evaluateeId`, message: `议程第${i + 1}项的被评议对象不存在` });
      const key = `${item.purpose}:${item.evaluationId}`;
      if (heard.has(key)) issues.push({ path: `${at}.evaluationId`, message: `${nameOf(item.evaluateeId)}的${HEARING_PURPOSE_LABELS[item.purpose]}在议程中重复出现` });
      heard.add(key);
      return;
    }
    if (item.voteKind !== 'meeting' && item.evaluationIds.length !== item.evaluateeIds.length) {
      issues.push({ path: `${at}.evaluationIds`, message: `“${item.title}”应为每名被测评对象注明所属评议` });
    }
    item.evaluateeIds.forEach((id, j) => {
      const key = item.voteKind === 'meeting' ? id : `${item.voteKind}:${item.evaluationIds[j] ?? id}`;
      if (!byId.has(id)) issues.push({ path: `${at}.evaluateeIds.${j}`, message: `“${item.title}”的被测评对象不存在` });
      else if (voted.has(key)) issues.push({ path: `${at}.evaluateeIds.${j}`, message: `${nameOf(id)}在本次会议中重复列入测评` });
      voted.add(key);
    });
  });
  meeting.agenda.forEach((item, i) => {
    if (item.kind !== 'vote' || item.voteKind !== 'meeting') return;
    item.evaluateeIds.forEach((id, j) => {
      if (byId.has(id) && !reported.has(id)) {
        issues.push({ path: `meeting.agenda.${i}.evaluateeIds.${j}`, message: `${nameOf(id)}列入了“${item.title}”，但议程中没有其汇报` });
      }
    });
  });
  return issues;
}
