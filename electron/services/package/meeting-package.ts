import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { strToU8 } from 'fflate';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { PACKAGE_KIND_LABELS, type ConflictChoice, type PackageImportResult, type PackageKind, type PackagePreview } from '../../../shared/api/package-types';
import { evaluationSchema, type Evaluation } from '../../../shared/domain/evaluations';
import { idField } from '../../../shared/domain/fields';
import { checkCore, checkMeeting, checkYear } from '../../../shared/domain/integrity';
import { CORE_KEY, coreSchema, emptyCore, emptyYear, meetingKey, meetingSchema, yearKey, yearSchema, type CoreData, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { describeIssues } from '../../../shared/api/validation';
import type { ServiceContext } from '../api/service-context';
import { readCore, yearsOnRecord } from '../desk/desk-data';
import { STORE_SCHEMA_VERSION } from '../store';
import { errorForUser } from '../store/messages';
import { syncEvaluations } from '../vote/evaluation-sync';
import { syncLaterVotes } from '../vote/later-vote-sync';
import { buildContainer, manifestFileSchema, openContainer, readJsonFile, refuse } from './container';
import { folderId } from './folder-id';
import { planImport, resolvePlan, type ImportPlan } from './merge';
import { applyRecords, packageRecords, recordHashes, recordsByKey, type PackageContent, type PackageRecord } from './records';

/**
 * 会议包 and 会议结果包: see this folder's README. A package is a zip (`.pingyi`) of `core.json`,
 * `meeting.json` and `evaluations.json` with a manifest (container.ts).
 */

export const PACKAGE_FORMAT = 'pingyi-package';
export const PACKAGE_EXT = '.pingyi';
const packageId = z.string().regex(/^pk_[0-9a-f]{8,40}$/);
const hashes = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));

export const packageManifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.literal(1),
    kind: z.enum(['meeting', 'results']),
    schemaVersion: z.number().int().min(0),
    appVersion: z.string().max(100),
    createdAt: z.string().max(40),
    machine: z.string().max(200),
    folderId: z.string().max(80),
    packageId,
    meetingId: idField('mt', '会议'),
    meetingName: z.string().max(200),
    /** Results package: the meeting package it answers, the desk folder that made it and its record hashes. */
    basePackageId: packageId.optional(),
    homeFolderId: z.string().max(80).optional(),
    base: hashes.optional(),
    files: z.array(manifestFileSchema).max(10),
  })
  .refine((m) => m.kind === 'meeting' || (m.basePackageId && m.homeFolderId && m.base), { message: '会议结果包缺少原会议包的信息', path: ['basePackageId'] });
export type PackageManifest = z.infer<typeof packageManifestSchema>;

const FILES = { core: 'core.json', meeting: 'meeting.json', evaluations: 'evaluations.json' } as const;

export function machineName(): string {
  return hostname() || '未命名电脑';
}

/** The evaluations a meeting's agenda is about: heard at it, or named by one of its items. */
function agendaEvaluations(meeting: Readonly<MeetingData>, all: readonly Evaluation[]): Evaluation[] {
  const named = new Set<string>();
  for (const item of meeting.meeting.agenda as readonly Record<string, unknown>[]) {
    if (typeof item.evaluationId === 'string') named.add(item.evaluationId);
    if (Array.isArray(item.evaluationIds)) for (const id of item.evaluationIds) if (typeof id === 'string') named.add(id);
  }
  return all.filter((ev) => ev.meetingId === meeting.meeting.id || named.has(ev.id));
}

async function evaluationsWhere(ctx: ServiceContext, keep: (ev: Evaluation) => boolean): Promise<Map<string, { ev: Evaluation; year: number }>> {
  const out = new Map<string, { ev: Evaluation; year: number }>();
  for (const year of yearsOnRecord(ctx)) {
    const data = await ctx.store.read<YearData>(yearKey(year));
    for (const ev of data.evaluations) if (keep(ev)) out.set(ev.id, { ev, year });
  }
  return out;
}

function withoutHandoff(meeting: Readonly<MeetingData>): MeetingData {
  const copy = structuredClone(meeting) as MeetingData;
  delete copy.handoff;
  return copy;
}

async function meetingContent(ctx: ServiceContext, meetingId: string): Promise<PackageContent & { handoff: MeetingData['handoff'] }> {
  if (!ctx.store.has(meetingKey(meetingId))) throw new ApiError('not_found', '找不到该会议，可能已被删除。');
  const meeting = await ctx.store.read<MeetingData>(meetingKey(meetingId));
  const core = structuredClone(await readCore(ctx)) as CoreData;
  const all = [...(await evaluationsWhere(ctx, () => true)).values()].map((e) => e.ev);
  const evaluations = structuredClone(agendaEvaluations(meeting, all)) as Evaluation[];
  return { core, meeting: withoutHandoff(meeting), evaluations, handoff: meeting.handoff };
}

function fileNameFor(kind: PackageKind, meeting: Readonly<MeetingData>): string {
  const name = meeting.meeting.name.replace(/[\\/:*?"<>|]/g, '－');
  return `${name}-${PACKAGE_KIND_LABELS[kind]}${PACKAGE_EXT}`;
}

function encode(content: PackageContent): Map<string, Uint8Array> {
  return new Map([
    [FILES.core, strToU8(JSON.stringify(content.core))],
    [FILES.meeting, strToU8(JSON.stringify(content.meeting))],
    [FILES.evaluations, strToU8(JSON.stringify(content.evaluations))],
  ]);
}

/**
 * Makes the meeting package (desk) or the results package (hall laptop) of a meeting. The desk marks
 * the meeting 已导出到会场 with the hashes of what it sent (the base of the merge at the return).
 */
export async function buildPackage(ctx: ServiceContext, meetingId: string, kind: PackageKind): Promise<{ bytes: Uint8Array; fileName: string; packageId: string }> {
  const content = await meetingContent(ctx, meetingId);
  const own = await folderId(ctx.store.dataDir, ctx.clock);
  const id = `pk_${randomBytes(12).toString('hex')}`;
  const createdAt = new Date(ctx.clock.now()).toISOString();
  let extra: Partial<PackageManifest> = {};
  if (kind === 'results') {
    const h = content.handoff;
    if (!h || h.direction !== 'in') throw new ApiError('conflict', `“${content.meeting.meeting.name}”不是从会议包导入本机的会议，不能导出会议结果包；会议结果包只在会场电脑上导出。`);
    if (content.meeting.live.status === 'running') throw new ApiError('conflict', `“${content.meeting.meeting.name}”正在进行，请先在会议现场结束会议，再导出会议结果包。`);
    extra = { basePackageId: h.packageId, homeFolderId: h.homeFolderId, base: h.base };
  }
  const manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    kind,
    schemaVersion: STORE_SCHEMA_VERSION,
    appVersion: ctx.version,
    createdAt,
    machine: machineName(),
    folderId: own,
    packageId: id,
    meetingId,
    meetingName: content.meeting.meeting.name,
    ...extra,
  };
  const bytes = buildContainer(manifest, encode(content));
  if (kind === 'meeting') {
    const base = recordHashes(content);
    await ctx.store.update<MeetingData, void>(meetingKey(meetingId), (draft) => {
      draft.handoff = { direction: 'out', packageId: id, at: createdAt, machine: machineName(), homeFolderId: own, base };
    });
  }
  ctx.log.info(kind === 'meeting' ? 'meeting package exported' : 'meeting results package exported', { meetingId, packageId: id, bytes: bytes.length });
  return { bytes, fileName: fileNameFor(kind, content.meeting), packageId: id };
}

interface Opened {
  manifest: PackageManifest;
  content: PackageContent;
  records: PackageRecord[];
}

/** Opens and checks a package file; every refusal names what failed (container.ts, then each file's content). */
export function openPackage(bytes: Uint8Array, fileName: string): Opened {
  const { manifest, files } = openContainer(bytes, fileName, {
    what: '会议包',
    format: PACKAGE_FORMAT,
    schema: packageManifestSchema,
    schemaVersion: STORE_SCHEMA_VERSION,
    acceptOlder: false,
  });
  const what = `会议包“${fileName}”`;
  const core = readJsonFile(files, FILES.core, coreSchema, what);
  const meeting = readJsonFile(files, FILES.meeting, meetingSchema, what);
  const evaluations = readJsonFile(files, FILES.evaluations, z.array(evaluationSchema), what);
  if (meeting.meeting.id !== manifest.meetingId) throw refuse(`${what}的清单与其中的会议不符（清单为 ${manifest.meetingId}，会议为 ${meeting.meeting.id}），已被手工修改。`);
  const problems = [...checkCore(core), ...checkMeeting(meeting, core)];
  if (problems.length) throw refuse(`${what}中的数据不一致：${describeIssues(problems)}`);
  const content = { core, meeting, evaluations };
  return { manifest, content, records: packageRecords(content) };
}

interface Local {
  core: CoreData;
  meeting: MeetingData | null;
  evaluations: Map<string, { ev: Evaluation; year: number }>;
  /** A folder with the demo county: its data is replaced by the package's (after a backup). */
  demo: boolean;
}

async function localState(ctx: ServiceContext, opened: Opened): Promise<Local> {
  const stored = structuredClone(await readCore(ctx)) as CoreData;
  // The demo county on a hall laptop that has not yet received a meeting is replaced, not merged into.
  // Never the folder the package was made in, nor one a package already went out of or came into.
  let demo = opened.manifest.kind === 'meeting' && stored.settings.demo === true && opened.manifest.folderId !== (await folderId(ctx.store.dataDir, ctx.clock));
  for (const key of demo ? ctx.store.list('meeting') : []) if ((await ctx.store.read<MeetingData>(key)).handoff) demo = false;
  const key = meetingKey(opened.manifest.meetingId);
  const meeting = !demo && ctx.store.has(key) ? (structuredClone(await ctx.store.read<MeetingData>(key)) as MeetingData) : null;
  const wanted = new Set(opened.content.evaluations.map((e) => e.id));
  const evaluations = demo ? new Map() : await evaluationsWhere(ctx, (ev) => wanted.has(ev.id));
  const core = demo ? { ...emptyCore(new Date(ctx.clock.now()).getFullYear()), criteria: [] } : stored;
  return { core, meeting, evaluations, demo };
}

function localRecords(local: Local): Map<string, PackageRecord> {
  const meeting = (local.meeting ? withoutHandoff(local.meeting) : {}) as MeetingData;
  const rec = recordsByKey({ core: local.core, meeting, evaluations: [...local.evaluations.values()].map((e) => e.ev) });
  // A folder never given the county's names takes the package's settings as they are.
  if (local.demo || local.core.settings.setupPending) rec.delete('settings');
  return rec;
}

async function foreignMessage(ctx: ServiceContext, opened: Opened, local: Local): Promise<string | null> {
  const own = await folderId(ctx.store.dataDir, ctx.clock);
  const m = opened.manifest;
  if (m.kind === 'results') {
    if (m.homeFolderId === own) return null;
    return `此会议结果包对应的会议包不是从本数据文件夹导出的（来自电脑“${m.machine}”，原数据文件夹编号 ${m.homeFolderId}，本文件夹为 ${own}），可能属于另一份数据。确认无误才可导入。`;
  }
  if (m.folderId === own || local.demo) return null;
  const known = new Set<string>();
  for (const key of ctx.store.list('meeting')) {
    const h = (await ctx.store.read<MeetingData>(key)).handoff;
    if (h?.direction === 'in') known.add(h.homeFolderId);
  }
  if (known.has(m.folderId)) return null;
  const empty = local.core.members.length === 0 && ctx.store.list('meeting').length === 0;
  if (empty && known.size === 0) return null;
  return `此会议包来自另一个数据文件夹（电脑“${m.machine}”，数据文件夹编号 ${m.folderId}），本机的数据不是从那里来的（可能是另一个县的数据）。确认无误才可导入。`;
}

function basesFor(opened: Opened, local: Local): Record<string, string> {
  const h = local.meeting?.handoff;
  if (h?.direction === 'out' && h.packageId === opened.manifest.basePackageId) return h.base;
  return opened.manifest.base ?? {};
}

async function prepare(ctx: ServiceContext, bytes: Uint8Array, fileName: string) {
  const opened = openPackage(bytes, fileName);
  const local = await localState(ctx, opened);
  const here = localRecords(local);
  const again = local.meeting?.handoff?.direction === 'in' ? local.meeting.handoff.base : {};
  const plan = planImport(opened.manifest.kind, here, opened.records, opened.manifest.kind === 'results' ? basesFor(opened, local) : again);
  const foreign = await foreignMessage(ctx, opened, local);
  return { opened, local, plan, foreign };
}

function previewOf(fileName: string, opened: Opened, plan: ImportPlan, foreign: string | null): PackagePreview {
  const m = opened.manifest;
  return {
    kind: m.kind,
    fileName,
    meetingId: m.meetingId,
    meetingName: m.meetingName,
    createdAt: m.createdAt,
    machine: m.machine,
    appVersion: m.appVersion,
    foreign: foreign !== null,
    foreignMessage: foreign,
    changes: plan.changes,
    unchanged: plan.unchanged,
    conflicts: plan.conflicts,
    keptHere: plan.keptHere,
  };
}

export async function inspectPackage(ctx: ServiceContext, bytes: Uint8Array, fileName: string): Promise<PackagePreview> {
  const { opened, plan, foreign } = await prepare(ctx, bytes, fileName);
  return previewOf(fileName, opened, plan, foreign);
}

/**
 * Imports a package: everything is checked and the new partitions built and validated before the
 * first write; a safety backup is taken; then years, meeting and core are written (core last). Should
 * a write fail half-way, the safety backup is restored, so the folder is as it was before.
 */
export async function importPackage(
  ctx: ServiceContext,
  bytes: Uint8Array,
  fileName: string,
  options: { confirmForeign?: boolean; choices?: Record<string, ConflictChoice> },
): Promise<PackageImportResult> {
  const { opened, local, plan, foreign } = await prepare(ctx, bytes, fileName);
  const m = opened.manifest;
  const label = PACKAGE_KIND_LABELS[m.kind];
  if (foreign && !options.confirmForeign) throw new ApiError('needs_confirmation', foreign);
  if (local.meeting?.live.status === 'running') throw new ApiError('conflict', `“${local.meeting.meeting.name}”正在本机进行，不能导入${label}。`);
  if (m.kind === 'meeting' && local.meeting?.handoff?.direction === 'out') {
    throw new ApiError('conflict', `“${m.meetingName}”的会议包是从本数据文件夹导出的，不能在这里导入；请在会场电脑上导入。`);
  }
  if (m.kind === 'results' && !local.meeting) throw new ApiError('not_found', `本机没有会议“${m.meetingName}”，会议结果包只能导入导出会议包的那台电脑。`);
  const { write, resolved, missing } = resolvePlan(plan, opened.records, options.choices ?? {});
  if (missing.length) throw new ApiError('needs_confirmation', `以下记录在两边都改动过，请逐项选择保留哪一方：${missing.join('、')}`);

  const next = applyRecords(
    { core: local.core, meeting: local.meeting, evaluations: new Map([...local.evaluations].map(([id, e]) => [id, e.ev])) },
    opened.content.meeting,
    write,
  );
  if (local.demo || local.core.settings.setupPending) next.core.settings = structuredClone(opened.content.core.settings);
  if (m.kind === 'meeting') {
    next.meeting.handoff = {
      direction: 'in',
      packageId: m.packageId,
      at: new Date(ctx.clock.now()).toISOString(),
      machine: m.machine,
      homeFolderId: m.folderId,
      base: recordHashes(opened.content),
    };
  } else {
    delete next.meeting.handoff;
  }
  // Built and checked whole before anything is written.
  const core = coreSchema.parse(next.core);
  const meeting = meetingSchema.parse(next.meeting);
  const coreIssues = [...checkCore(core), ...checkMeeting(meeting, core)];
  if (coreIssues.length) throw refuse(`导入后的数据将不一致，未导入：${describeIssues(coreIssues)}`);
  const writtenEvaluations = new Set(write.filter((r) => r.key.startsWith('evaluations/')).map((r) => r.key.slice('evaluations/'.length)));
  const years = new Map<number, YearData>();
  const removeFrom = new Map<number, Set<string>>();
  for (const id of writtenEvaluations) {
    const ev = next.evaluations.get(id)!;
    const was = local.evaluations.get(id);
    if (was && was.year !== ev.year) (removeFrom.get(was.year) ?? removeFrom.set(was.year, new Set()).get(was.year)!).add(id);
  }
  const touchedYears = new Set([...writtenEvaluations].map((id) => next.evaluations.get(id)!.year).concat([...removeFrom.keys()]));
  for (const year of touchedYears) {
    const key = yearKey(year);
    const data = !local.demo && ctx.store.has(key) ? (structuredClone(await ctx.store.read<YearData>(key)) as YearData) : emptyYear(year);
    data.evaluations = data.evaluations.filter((ev) => !removeFrom.get(year)?.has(ev.id));
    for (const id of writtenEvaluations) {
      const ev = next.evaluations.get(id)!;
      if (ev.year !== year) continue;
      const at = data.evaluations.findIndex((x) => x.id === id);
      if (at >= 0) data.evaluations[at] = ev;
      else data.evaluations.push(ev);
    }
    const parsed = yearSchema.parse(data);
    const issues = checkYear(parsed, core);
    if (issues.length) throw refuse(`导入后${year}年的评议数据将不一致，未导入：${describeIssues(issues)}`);
    years.set(year, parsed);
  }

  // Kept so the office can go back to the state before the import (设置 → 备份).
  const backup = await ctx.store.backup('manual', `导入${label}之前：${m.meetingName}`);
  const replace = <T extends object>(draft: T, value: T) => {
    for (const k of Object.keys(draft)) delete (draft as Record<string, unknown>)[k];
    Object.assign(draft, structuredClone(value));
  };
  // Years, the meeting and core as one change: all written or none, even across a power cut.
  const coreChanged = local.demo || write.some((r) => !r.key.startsWith('meeting/') && !r.key.startsWith('evaluations/'));
  try {
    await ctx.store.transact(`导入${label}：${m.meetingName}`, async (tx) => {
      // The demo county's meetings and years go (its core, with the demo flag, is replaced below).
      if (local.demo) for (const key of [...ctx.store.list('meeting'), ...ctx.store.list('year')]) tx.remove(key);
      for (const [year, data] of years) replace(await tx.draft<YearData>(yearKey(year)), data);
      replace(await tx.draft<MeetingData>(meetingKey(m.meetingId)), meeting);
      if (coreChanged) replace(await tx.draft<CoreData>(CORE_KEY), core);
      if (m.kind === 'results' && write.some((r) => r.key === 'meeting/votes')) {
        // Vote results kept with the evaluations are derived from the meeting's rounds, as when announced.
        const yearDraft = (year: number) => tx.draft<YearData>(yearKey(year));
        for (const item of meeting.meeting.agenda) {
          if (item.kind !== 'vote') continue;
          await syncEvaluations(ctx, meeting, item.id, yearDraft);
          await syncLaterVotes(ctx, meeting, item.id, yearDraft);
        }
      }
    });
  } catch (err) {
    ctx.log.error('package import failed; nothing was changed', { packageId: m.packageId, backupId: backup.id, error: String(err) });
    throw new ApiError('conflict', `导入${label}失败，数据没有任何改动：${errorForUser(err, ctx.store.dataDir)}`);
  }
  ctx.log.info(m.kind === 'meeting' ? 'meeting package imported' : 'meeting results merged', {
    packageId: m.packageId,
    basePackageId: m.basePackageId,
    meetingId: m.meetingId,
    from: m.machine,
    fromFolder: m.folderId,
    written: write.map((r) => r.key),
    keptHere: plan.keptHere,
    conflicts: resolved.map((r) => ({ key: r.key, choice: r.choice })),
    clearedDemo: local.demo,
    backupId: backup.id,
  });
  return { kind: m.kind, meetingId: m.meetingId, meetingName: m.meetingName, written: write.length, resolved, backupId: backup.id };
}
