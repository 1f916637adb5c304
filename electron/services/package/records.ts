import { createHash } from 'node:crypto';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import type { Evaluation } from '../../../shared/domain/evaluations';

/**
 * What a meeting package carries, cut into records that are compared one by one: the settings, each
 * member, person, unit, evaluatee and criterion by id, the meeting's parts (record and agenda,
 * attendance, live state, question bank and draws, vote rounds, 列席人员), each evaluation by id.
 * A record's hash is the SHA-256 of its JSON with keys sorted, so the same content hashes the same
 * on both machines.
 */
export interface PackageContent {
  core: CoreData;
  meeting: MeetingData;
  evaluations: Evaluation[];
}

export interface PackageRecord {
  key: string;
  label: string;
  value: unknown;
}

const COLLECTIONS = [
  ['members', '组成人员'],
  ['people', '人员库'],
  ['units', '单位'],
  ['evaluatees', '被评议对象'],
  ['criteria', '评价标准'],
] as const;
type Collection = (typeof COLLECTIONS)[number][0];

const MEETING_PARTS = [
  ['meeting', '会议记录与议程'],
  ['attendance', '出席情况'],
  ['live', '会议现场进程'],
  ['questioning', '题库与随机询问'],
  ['votes', '测评轮次与计票'],
  ['attendees', '列席人员'],
] as const;
type MeetingPart = (typeof MEETING_PARTS)[number][0];

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

export function recordHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function nameOf(item: unknown): string {
  const o = item as { name?: unknown; title?: unknown };
  return typeof o.name === 'string' ? o.name : typeof o.title === 'string' ? o.title : '';
}

export function packageRecords(content: PackageContent): PackageRecord[] {
  const out: PackageRecord[] = [{ key: 'settings', label: '设置', value: content.core.settings }];
  for (const [field, label] of COLLECTIONS) {
    for (const item of content.core[field] as readonly { id: string }[]) out.push({ key: `${field}/${item.id}`, label: `${label} ${nameOf(item)}`.trim(), value: item });
  }
  for (const [part, label] of MEETING_PARTS) {
    const value = content.meeting[part];
    if (value !== undefined) out.push({ key: `meeting/${part}`, label, value });
  }
  const evaluateeName = new Map(content.core.evaluatees.map((e) => [e.id, e.name]));
  for (const ev of content.evaluations) {
    out.push({ key: `evaluations/${ev.id}`, label: `评议 ${evaluateeName.get(ev.evaluateeId) ?? ev.evaluateeId}（${ev.year}年）`, value: ev });
  }
  return out;
}

export function recordHashes(content: PackageContent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of packageRecords(content)) out[r.key] = recordHash(r.value);
  return out;
}

/** The records of this folder that a package's keys name (the same cut, for comparison). */
export function recordsByKey(content: PackageContent): Map<string, PackageRecord> {
  return new Map(packageRecords(content).map((r) => [r.key, r]));
}

/**
 * Writes the chosen records into drafts of this folder's core and meeting and into the evaluations
 * to save (by id). Records are put in place by id; nothing missing from `records` is removed.
 */
export function applyRecords(
  target: { core: CoreData; meeting: MeetingData | null; evaluations: Map<string, Evaluation> },
  source: MeetingData,
  records: readonly PackageRecord[],
): { core: CoreData; meeting: MeetingData; evaluations: Map<string, Evaluation> } {
  const core = structuredClone(target.core) as CoreData;
  // A meeting new to this folder starts as the package's (its parts then replaced record by record).
  const meeting = structuredClone(target.meeting ?? source) as MeetingData;
  const evaluations = new Map(target.evaluations);
  for (const r of records) {
    const [head, id] = splitKey(r.key);
    if (head === 'settings') core.settings = structuredClone(r.value) as CoreData['settings'];
    else if (head === 'meeting' && id) (meeting as Record<MeetingPart, unknown>)[id as MeetingPart] = structuredClone(r.value);
    else if (head === 'evaluations' && id) evaluations.set(id, structuredClone(r.value) as Evaluation);
    else if (id && COLLECTIONS.some(([c]) => c === head)) {
      const list = core[head as Collection] as { id: string }[];
      const at = list.findIndex((x) => x.id === id);
      const value = structuredClone(r.value) as { id: string };
      if (at >= 0) list[at] = value;
      else list.push(value);
    }
  }
  return { core, meeting, evaluations };
}

function splitKey(key: string): [string, string | undefined] {
  const i = key.indexOf('/');
  return i < 0 ? [key, undefined] : [key.slice(0, i), key.slice(i + 1)];
}

/** The top-level fields in which two versions of a record differ, each side as short text. */
/** The fields a clerk sees side by side, by the names the desk's forms give them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '名称', role: '职务', gender: '性别', session: '届次', termStart: '任期开始日期', termEnd: '任期结束日期',
  rosterOrder: '名单顺序', active: '在任状态', note: '备注', kind: '类别', organisation: '工作单位', field: '职务或专业领域',
  contact: '联系方式', unitId: '所在单位', position: '职务', postKey: '岗位', appointmentDate: '任职日期', endedDate: '离任日期',
  endReason: '离任原因', category: '类别', predecessorId: '前任', meeting: '会议信息', agenda: '议程', attendance: '出席情况',
  attendees: '列席人员', live: '会议现场记录', votes: '测评记录', questioning: '随机询问', date: '日期', place: '地点',
  sitting: '会议次数', year: '年度', status: '状态', presidingMemberId: '主持人', recorder: '记录人', mode: '汇报方式',
  voteResult: '测评结果', evaluateeId: '被评议对象', meetingId: '评议会议', settings: '设置', criteria: '评价标准',
  handoff: '导出到会场记录', updatedAt: '修改时间',
};

export function fieldDiff(here: unknown, pkg: unknown): { field: string; here: string; package: string }[] {
  const short = (v: unknown) => {
    if (v === undefined) return '（无）';
    const s = typeof v === 'string' ? v : stableJson(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  };
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(here) || !isObj(pkg)) return [{ field: '内容', here: short(here), package: short(pkg) }];
  const fields = [...new Set([...Object.keys(here), ...Object.keys(pkg)])].sort();
  return fields.filter((f) => stableJson(here[f]) !== stableJson(pkg[f])).map((f) => ({ field: FIELD_LABELS[f] ?? f, here: short(here[f]), package: short(pkg[f]) }));
}
