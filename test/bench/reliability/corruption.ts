import { copyFile, link, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { MeetingData } from '../../../shared/domain/partitions';
import { marksToKeys } from '../../../shared/vote/sheets';
import { seededRandom } from '../../../electron/services/demo/seeded-random';
import { dispatchCaller } from './caller';
import { marksOf, missingSheets, openCountingRound } from './vote-session';

export const DAMAGES = ['empty', 'one-byte', 'cut-in-middle', 'last-byte-missing', 'garbage', 'null', 'wrong-shape'] as const;
export type Damage = (typeof DAMAGES)[number];
export const WAYS = ['in-place', 'rename'] as const;
/** in-place: the same inode truncated and rewritten (a disk tool, a bad sector); rename: a new file put over it. */
export type Way = (typeof WAYS)[number];
/**
 * Every partition kind of a folder with a live meeting, meta.json, and the live meeting's journal
 * once there is one. `year` was changed after the newest backup; `archive-year` (the year before)
 * was not, so its file and its backups' copies may be one and the same.
 */
export const TARGETS = ['core', 'year', 'archive-year', 'meeting', 'session', 'meta', 'journal'] as const;
export type Target = (typeof TARGETS)[number];

export interface CaseResult {
  target: Target;
  damage: Damage;
  way: Way;
  /** The services refused to open the folder (with this message). */
  refused: string | null;
  /** A notice (recovery, started empty…) told the user something happened. */
  notice: boolean;
  /** The file's state after opening equals the last acknowledged one. */
  acknowledged: boolean;
  /** …or the state of the newest backup (a recovery from it is exact too). */
  backedUp: boolean;
  /** Meeting and journal cases: acknowledged sheets the meeting no longer holds. */
  sheetsMissing: number;
  /** desk.overview answers after opening (a bad file must never break the desk). */
  overviewOk: boolean;
}

export interface MatrixOutcome {
  cases: number;
  /** Opened without a notice and without the last acknowledged state. */
  silent: number;
  /** Acknowledged sheets missing after damage to the live meeting's partition or its journal. */
  meetingLost: number;
  /** The file came back as the last acknowledged or backed-up state. */
  restoredExact: number;
  results: CaseResult[];
}

interface Template {
  dir: string;
  year: number;
  meetingId: string;
  /** Partition data per key, as the newest backup holds it and as last acknowledged. */
  backedUp: Map<string, unknown>;
  acknowledged: Map<string, unknown>;
  meta: unknown;
  /** Keys of every acknowledged sheet of the live round. */
  sheets: string[];
  roundId: string;
  groupId: string;
}

function openServices(dataDir: string, homeDir: string): Promise<AppServices> {
  return createAppServices({ homeDir, dataDir, mode: 'browser', version: 'reliability', log: silentLogger });
}

function keyOf(t: Template, target: Target): string | null {
  switch (target) {
    case 'core':
      return 'core';
    case 'year':
      return `year/${t.year}`;
    case 'archive-year':
      return `year/${t.year - 1}`;
    case 'meeting':
    case 'journal':
      return `meeting/${t.meetingId}`;
    case 'session':
      return 'session';
    case 'meta':
      return null;
  }
}

function fileOf(t: Template, dataDir: string, target: Target): string {
  if (target === 'meta') return join(dataDir, 'meta.json');
  if (target === 'journal') return join(dataDir, 'meeting', `${t.meetingId}.journal`);
  return join(dataDir, `${keyOf(t, target)!}.json`);
}

/** Plain JSON of a read partition (frozen objects, zod output), for comparing states. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

async function readPartitions(s: AppServices, keys: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const key of keys) out.set(key, plain(await s.store.read(key)));
  return out;
}

/**
 * The demo county with its meeting of this year live and being counted: three sheets, then a
 * backup, then what is acknowledged after it (three more sheets, a member's note, a research
 * report of the year). A journal, where the store keeps one, holds what came after the backup.
 */
async function buildTemplate(root: string): Promise<Template> {
  const dataDir = join(root, 'data');
  const homeDir = join(root, 'home');
  let s = await openServices(dataDir, homeDir);
  await s.close(); // the first start seeds the demo county
  s = await openServices(dataDir, homeDir);
  const call = dispatchCaller(() => s);
  const round = await openCountingRound(call);
  const sheets: string[] = [];
  const key = async () => {
    const marks = marksOf(sheets.length, round.evaluatees);
    await call('vote.sheet', { roundId: round.roundId, groupId: round.groupId, marks, no: sheets.length + 1 });
    sheets.push(marksToKeys(marks));
  };
  for (let i = 0; i < 3; i++) await key();
  const year = Number((await call('meetings.get', { id: round.meetingId })).meeting.date.slice(0, 4));
  const keys = ['core', `year/${year}`, `meeting/${round.meetingId}`, 'session'];
  if (!s.store.has(`year/${year - 1}`)) throw new Error(`the demo county has no year ${year - 1}`);
  keys.push(`year/${year - 1}`);
  await s.store.backup('manual', '可靠性测试');
  const backedUp = await readPartitions(s, keys);
  for (let i = 0; i < 3; i++) await key();
  const desk = dispatchCaller(() => s, 'desk');
  const member = (await desk('members.list', {}))[0]!;
  await desk('members.update', { member: { ...member, note: '可靠性测试：备份之后的修改' } });
  const planned = (await desk('meetings.get', { id: round.meetingId })).planned[0]!;
  await desk('research.save', { year, evaluationId: planned.id, content: { otherMethods: '可靠性测试：备份之后的调研' } });
  const acknowledged = await readPartitions(s, keys);
  await s.close();
  const meta = JSON.parse(await readFile(join(dataDir, 'meta.json'), 'utf8')) as unknown;
  return { dir: root, year, meetingId: round.meetingId, backedUp, acknowledged, meta, sheets, roundId: round.roundId, groupId: round.groupId };
}

/** Copies a folder keeping its hard links (backups that share an inode with a live file stay shared). */
async function copyKeepingLinks(from: string, to: string, seen = new Map<string, string>()): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) {
      await copyKeepingLinks(src, dst, seen);
    } else if (entry.isFile()) {
      const st = await stat(src, { bigint: true });
      const id = `${st.dev}:${st.ino}`;
      const first = seen.get(id);
      if (first) await link(first, dst);
      else {
        await copyFile(src, dst);
        seen.set(id, dst);
      }
    }
  }
}

function damagedBytes(original: Buffer, damage: Damage, target: Target, seed: number): Buffer {
  switch (damage) {
    case 'empty':
      return Buffer.alloc(0);
    case 'one-byte':
      return original.subarray(0, 1);
    case 'cut-in-middle':
      return original.subarray(0, Math.floor(original.length / 2));
    case 'last-byte-missing':
      return original.subarray(0, original.length - 1);
    case 'garbage':
      return Buffer.from(seededRandom(seed).bytes(Math.max(original.length, 16)));
    case 'null':
      return Buffer.from('null');
    case 'wrong-shape': {
      // Parses as JSON and (for a partition) as an envelope of the right version; only the shape is wrong.
      if (target === 'meta' || target === 'journal') return Buffer.from(`${JSON.stringify({ unexpected: [1, 2, 3] })}\n`);
      const envelope = JSON.parse(original.toString('utf8')) as { data: unknown };
      return Buffer.from(JSON.stringify({ ...envelope, data: { unexpected: [1, 2, 3] } }));
    }
  }
}

async function damageFile(file: string, bytes: Buffer, way: Way): Promise<void> {
  if (way === 'in-place') {
    const handle = await open(file, 'r+');
    try {
      await handle.truncate(0);
      if (bytes.length > 0) await handle.write(bytes, 0, bytes.length, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } else {
    await writeFile(`${file}.damage`, bytes);
    await rename(`${file}.damage`, file);
  }
}

async function runCase(t: Template, target: Target, damage: Damage, way: Way, seed: number): Promise<CaseResult | null> {
  const root = await mkdtemp(join(tmpdir(), 'pingyi-damage-'));
  try {
    await copyKeepingLinks(t.dir, root);
    const dataDir = join(root, 'data');
    const file = fileOf(t, dataDir, target);
    let original: Buffer;
    try {
      original = await readFile(file);
    } catch {
      return null; // no journal beside the meeting (a store that keeps none): nothing to damage
    }
    await damageFile(file, damagedBytes(original, damage, target, seed), way);
    const result: CaseResult = { target, damage, way, refused: null, notice: false, acknowledged: false, backedUp: false, sheetsMissing: 0, overviewOk: false };
    let s: AppServices;
    try {
      s = await openServices(dataDir, join(root, 'home'));
    } catch (err) {
      result.refused = err instanceof Error ? err.message : String(err);
      if (target === 'meeting' || target === 'journal') result.sheetsMissing = t.sheets.length;
      return result;
    }
    try {
      const key = keyOf(t, target);
      let now: unknown;
      if (key) now = plain(await s.store.read(key));
      else now = JSON.parse(await readFile(file, 'utf8')) as unknown;
      result.acknowledged = key ? isDeepStrictEqual(now, t.acknowledged.get(key)) : isDeepStrictEqual(now, t.meta);
      result.backedUp = key ? isDeepStrictEqual(now, t.backedUp.get(key)) : result.acknowledged;
      if (target === 'meeting' || target === 'journal') {
        const meeting = (await s.store.read<MeetingData>(`meeting/${t.meetingId}`)) as Partial<MeetingData>;
        const group = meeting.votes?.rounds.find((r) => r.id === t.roundId)?.groups.find((g) => g.id === t.groupId);
        result.sheetsMissing = missingSheets(t.sheets, (group?.sheets ?? []).map((sheet) => ({ keys: marksToKeys(sheet.marks) })));
      }
      result.overviewOk = (await s.dispatch('desk', 'desk.overview', {})).ok;
      result.notice = s.store.notices().some((n) => n.kind !== 'lock-taken-over' && n.kind !== 'migrated');
    } finally {
      await s.close();
    }
    return result;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

export interface MatrixOptions {
  targets?: readonly Target[];
  damages?: readonly Damage[];
  ways?: readonly Way[];
}

/** Every target × damage × way on a fresh copy of one prepared folder, opened in-process. */
export async function corruptionMatrix(options: MatrixOptions = {}): Promise<MatrixOutcome> {
  const root = await mkdtemp(join(tmpdir(), 'pingyi-matrix-'));
  try {
    const template = await buildTemplate(root);
    const results: CaseResult[] = [];
    let seed = 1;
    for (const target of options.targets ?? TARGETS) {
      for (const damage of options.damages ?? DAMAGES) {
        for (const way of options.ways ?? WAYS) {
          const result = await runCase(template, target, damage, way, seed++);
          if (result) results.push(result);
        }
      }
    }
    const meetingCases = results.filter((r) => r.target === 'meeting' || r.target === 'journal');
    return {
      cases: results.length,
      silent: results.filter((r) => r.refused === null && !r.notice && !r.acknowledged).length,
      meetingLost: meetingCases.reduce((sum, r) => sum + r.sheetsMissing, 0),
      restoredExact: results.filter((r) => r.refused === null && (r.acknowledged || r.backedUp)).length,
      results,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** One line per case that fell short, for the bench's output and a failing test's message. */
export function describeCase(r: CaseResult): string {
  const what = r.refused !== null ? `refused: ${r.refused.slice(0, 80)}` : `${r.notice ? 'notice' : 'NO notice'}, ${r.acknowledged ? 'acknowledged state' : r.backedUp ? 'backed-up state' : 'NOT the last state'}`;
  return `${r.target} ${r.damage} ${r.way}: ${what}${r.sheetsMissing ? `, ${r.sheetsMissing} sheets missing` : ''}${r.overviewOk || r.refused !== null ? '' : ', desk.overview fails'}`;
}
