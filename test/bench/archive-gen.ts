import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDemoCounty, demoCountyPartitions } from '../../electron/services/demo/demo-county';
import { Dice, seededRandom } from '../../electron/services/demo/seeded-random';
import { silentLogger, type Clock } from '../../electron/services/deps';
import { partitionTypes } from '../../electron/services/partitions';
import { openStore, storeMigrations, STORE_SCHEMA_VERSION } from '../../electron/services/store';
import { writeFileDurably } from '../../electron/services/store/durable-file';
import { nodeStoreFs } from '../../electron/services/store/store-fs';
import { newId } from '../../shared/domain/ids';
import { emptyMeeting, meetingKey, yearKey, type CoreData, type MeetingData, type YearData } from '../../shared/domain/partitions';
import type { Evaluatee } from '../../shared/domain/evaluatees';
import type { RandomSource } from '../../shared/domain/ids';
import { formatMeetingName } from '../../shared/format/chinese-numerals';
import { isoDateOf } from '../../shared/format/dates';
import { completeYearLoop, type HistoryEnv } from '../../electron/services/demo/demo-history';

/**
 * A synthetic archive of N years for the benchmarks. The current term comes from the demo county
 * (its earlier years with their closed loops, electron/services/demo); older years get their own
 * plan and October meeting, people whose posts changed hands, and a complete loop written by the
 * demo's own history generator (completeYearLoop): the meeting's vote counted sheet by sheet,
 * opinions issued and delivered, ledgers, reports, 回头看, and the 满意度测评 at the August meeting
 * of the next year. Every archived year ends closed.
 *
 * Records that later issues define (questions and minutes, research) are written as `benchFixture`
 * blocks of the right counts and sizes into the meeting and year partitions; each later issue
 * replaces its part with real records. One year: plan, one meeting (6 heads + 6 judges/prosecutors),
 * 30 members' attendance, its vote rounds with every sheet, 40 questions with minutes, 12 opinions,
 * 60 research activities.
 */
const HAN = '人大常委会评议工作整改落实情况群众满意度调研座谈走访问卷意见建议法治政府建设营商环境教育医疗民生审判执行检察监督';

function text(rand: () => number, chars: number): string {
  let s = '';
  while (s.length < chars) s += HAN[Math.floor(rand() * HAN.length)]!;
  return s;
}

function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function meetingFixture(rand: () => number, memberIds: string[], evaluateeIds: string[]) {
  return {
    questions: Array.from({ length: 40 }, (_, q) => ({ id: `qb${q}`, evaluateeId: evaluateeIds[q % evaluateeIds.length], askedBy: memberIds[q % memberIds.length], text: text(rand, 80), minutes: text(rand, 300) })),
  };
}

function yearFixture(rand: () => number) {
  return {
    research: Array.from({ length: 60 }, (_, i) => ({ id: `ra${i}`, kind: '座谈走访', count: 1 + Math.floor(rand() * 20), note: text(rand, 200) })),
  };
}

export interface ArchiveResult {
  dataDir: string;
  years: number[];
  files: number;
}

/**
 * A meeting of an archived year: the October evaluation meeting, or the August one that holds the
 * previous year's later votes. Before the demo's term it is a sitting of the 18th term; the August
 * meeting of the term's first year is the demo term's fourth sitting (its October one is the fifth).
 */
function archiveMeeting(random: RandomSource, first: number, termStart: number, year: number, which: 'october' | 'august'): MeetingData {
  const session = year >= termStart ? 19 : 18;
  const sitting = session === 19 ? 4 : 2 * (year - first) + (which === 'october' ? 10 : 9);
  return emptyMeeting({
    id: newId('mt', random),
    name: formatMeetingName('县', session, sitting),
    session,
    sitting,
    date: `${year}-${which === 'october' ? '10-28' : '08-26'}`,
    place: '县人大常委会机关第一会议室',
    year,
    status: 'planned',
    agenda: [],
  });
}

export interface ArchiveOptions {
  /**
   * Only the year before the current one, with its loop, and the meetings that hold it (its own,
   * and the current year's that hold its later votes): one year of the same shape as the archived
   * ones, for the `ledger` group's baseline. `years` must be 1.
   */
  loopYearOnly?: boolean;
}

export async function generateArchive(dataDir: string, years: number, currentYear: number, options: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (options.loopYearOnly && years !== 1) throw new Error('loopYearOnly makes a 1-year archive');
  const clock: Clock = { now: () => Date.UTC(currentYear, 10, 1) };
  const store = await openStore({ dataDir, partitions: partitionTypes(clock), schemaVersion: STORE_SCHEMA_VERSION, migrations: storeMigrations, clock, log: silentLogger, backupOnStart: false });
  const demo = buildDemoCounty({ currentYear, today: isoDateOf(clock.now()) });
  const random = seededRandom(years * 7919 + currentYear);
  const rand = uniform(years + currentYear);
  const core = structuredClone(demo.core) as CoreData;
  const last = options.loopYearOnly ? currentYear - 1 : currentYear;
  const first = last - years + 1;
  // An archive of fewer than five years keeps only the demo's years from `first` on, and the meetings
  // of those years that hold no later vote of a year left out.
  const kept = demoCountyPartitions(demo).filter((p) => p.key.startsWith('year/') && (p.data as YearData).year >= first && (p.data as YearData).year <= last);
  const keptEvaluations = new Set(kept.flatMap((p) => (p.data as YearData).evaluations.map((ev) => ev.id)));
  const meetingKept = (m: MeetingData) =>
    m.meeting.year >= first &&
    m.meeting.agenda.every((a) => a.kind !== 'vote' || a.evaluationIds.every((id) => keptEvaluations.has(id))) &&
    // A year after the last kept: only meetings that hear or vote on kept evaluations again, none of its own.
    (m.meeting.year <= last || m.meeting.agenda.every((a) => a.kind === 'vote' || (a.kind === 'hearing' && keptEvaluations.has(a.evaluationId))));
  const all = [...kept, ...demo.meetings.filter(meetingKept).map((data) => ({ key: meetingKey(data.meeting.id), data }))];
  const heads = core.evaluatees.filter((e) => e.category === '政府组成部门负责人');
  const others = core.evaluatees.filter((e) => e.category !== '政府组成部门负责人');

  const env: HistoryEnv = { core, random, dice: new Dice(random), today: isoDateOf(clock.now()), tellers: ['计票员甲', '计票员乙'] };
  const archived: { year: YearData; october: MeetingData }[] = [];
  for (let y = Math.min(currentYear - 5, currentYear); y >= first; y--) {
    // Earlier holders of some posts: ended people of their own, as a real archive would have.
    const predecessors: Evaluatee[] = heads.slice(0, 8).map((h) => ({
      ...h,
      id: newId('ee', random),
      name: `${h.name.slice(0, 1)}前任${y}`,
      appointmentDate: `${y - 3}-03-01`,
      endedDate: `${y}-12-31`,
      endReason: '调任' as const,
    }));
    delete (predecessors as Partial<Evaluatee>[]).at(0)?.successorOf;
    core.evaluatees.push(...predecessors.map((p) => ({ ...p, successorOf: undefined }) as Evaluatee));
    const picked = [...heads.slice(0, 6), ...others.slice((y * 6) % others.length, ((y * 6) % others.length) + 6)];
    const october = archiveMeeting(random, first, currentYear - 4, y, 'october');
    const evaluations = picked.map((e, i) => ({ id: newId('ev', random), evaluateeId: e.id, year: y, stage: 'planned' as const, meetingId: october.meeting.id, mode: i < 6 ? ('report' as const) : ('written' as const), note: '' }));
    october.meeting.agenda = picked.map((e, i) => ({ kind: 'report' as const, id: newId('ag', random), evaluateeId: e.id, mode: i < 6 ? ('report' as const) : ('written' as const) }));
    archived.push({ year: { year: y, evaluations }, october });
  }
  // Oldest first, so each year's 满意度测评 falls on the August meeting of the next.
  for (const { year, october } of archived.reverse()) {
    const august = archiveMeeting(random, first, currentYear - 4, year.year + 1, 'august');
    completeYearLoop(env, year, october, august);
    all.push({ key: yearKey(year.year), data: year }, { key: meetingKey(october.meeting.id), data: october }, { key: meetingKey(august.meeting.id), data: august });
  }
  // Attendance is a real record (the live meeting issue): meetings still to be held get the roll as well.
  for (const part of all) {
    if (!part.key.startsWith('meeting/')) continue;
    const md = part.data as MeetingData;
    if (Object.keys(md.attendance.members).length > 0) continue;
    md.attendance = { members: Object.fromEntries(core.members.map((m, i) => [m.id, i % 11 === 0 ? 'leave' : 'present'])), deputies: 12, citizens: 6 };
  }
  for (const e of core.evaluatees) if (e.successorOf === undefined) delete (e as Partial<Evaluatee>).successorOf;
  for (const { key, data } of [{ key: 'core', data: core }, ...all]) {
    await store.update<Record<string, unknown>, void>(key, (draft) => {
      for (const k of Object.keys(draft)) delete draft[k];
      Object.assign(draft, data);
    });
  }
  const memberIds = core.members.map((m) => m.id);
  const keys = [...store.list('meeting'), ...store.list('year')];
  await store.close();

  // Stand-ins for records later issues define, added to the files directly (see above).
  for (const key of keys) {
    const file = join(dataDir, `${key}.json`);
    const env = JSON.parse(await readFile(file, 'utf8')) as { data: Record<string, unknown> };
    if (key.startsWith('meeting/')) {
      const ids = ((env.data.meeting as { agenda: { evaluateeId?: string }[] }).agenda ?? []).flatMap((a) => (a.evaluateeId ? [a.evaluateeId] : []));
      env.data.benchFixture = meetingFixture(rand, memberIds, ids);
    } else {
      env.data.benchFixture = yearFixture(rand);
    }
    await writeFileDurably(nodeStoreFs, file, Buffer.from(JSON.stringify(env)));
  }
  const yearsList = Array.from({ length: years }, (_, i) => first + i);
  return { dataDir, years: yearsList, files: keys.length + 1 };
}
