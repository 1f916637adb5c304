import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDemoCounty, demoCountyPartitions } from '../../electron/services/demo/demo-county';
import { seededRandom } from '../../electron/services/demo/seeded-random';
import { silentLogger, type Clock } from '../../electron/services/deps';
import { partitionTypes } from '../../electron/services/partitions';
import { openStore, storeMigrations, STORE_SCHEMA_VERSION } from '../../electron/services/store';
import { writeFileDurably } from '../../electron/services/store/durable-file';
import { nodeStoreFs } from '../../electron/services/store/store-fs';
import { newId } from '../../shared/domain/ids';
import { emptyMeeting, meetingKey, yearKey, type CoreData, type MeetingData, type YearData } from '../../shared/domain/partitions';
import type { Evaluatee } from '../../shared/domain/evaluatees';

/**
 * A synthetic archive of N years for the benchmarks. The current term comes from the demo county;
 * older years get their own plan and October meeting, and people whose posts changed hands.
 *
 * Records that later issues define (vote rounds, questions and minutes, opinions,
 * research) are written as `benchFixture` blocks of the right counts and sizes into the meeting
 * and year partitions; each later issue replaces its part with real records.
 * One year: plan, one meeting (6 heads + 6 judges/prosecutors), 30 members' attendance, 3 vote
 * rounds of 30 sheets, 40 questions with minutes, 12 opinions of ~1,500 characters, 60 research
 * activities.
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
    rounds: [0, 1, 2].map((r) => ({
      id: `vr_bench${r}`,
      evaluateeIds: evaluateeIds.slice(r * 4, r * 4 + 4),
      sheets: Array.from({ length: 30 }, (_, n) => ({ no: n + 1, marks: [1, 2, 1, 1].map(() => 1 + Math.floor(rand() * 3)), at: '2026-10-28T03:00:00.000Z' })),
    })),
    questions: Array.from({ length: 40 }, (_, q) => ({ id: `qb${q}`, evaluateeId: evaluateeIds[q % evaluateeIds.length], askedBy: memberIds[q % memberIds.length], text: text(rand, 80), minutes: text(rand, 300) })),
  };
}

function yearFixture(rand: () => number, evaluateeIds: string[]) {
  return {
    opinions: Array.from({ length: 12 }, (_, i) => ({ evaluateeId: evaluateeIds[i % evaluateeIds.length], sections: [text(rand, 300), text(rand, 500), text(rand, 400), text(rand, 300)] })),
    research: Array.from({ length: 60 }, (_, i) => ({ id: `ra${i}`, kind: '座谈走访', count: 1 + Math.floor(rand() * 20), note: text(rand, 200) })),
  };
}

export interface ArchiveResult {
  dataDir: string;
  years: number[];
  files: number;
}

export async function generateArchive(dataDir: string, years: number, currentYear: number): Promise<ArchiveResult> {
  const clock: Clock = { now: () => Date.UTC(currentYear, 10, 1) };
  const store = await openStore({ dataDir, partitions: partitionTypes(clock), schemaVersion: STORE_SCHEMA_VERSION, migrations: storeMigrations, clock, log: silentLogger, backupOnStart: false });
  const demo = buildDemoCounty({ currentYear });
  const random = seededRandom(years * 7919 + currentYear);
  const rand = uniform(years + currentYear);
  const core = structuredClone(demo.core) as CoreData;
  const first = currentYear - years + 1;
  // An archive of fewer than five years keeps only the demo's years from `first` on.
  const all = demoCountyPartitions(demo).filter((p) => p.key !== 'core' && !(p.key.startsWith('year/') && (p.data as YearData).year < first));
  const heads = core.evaluatees.filter((e) => e.category === '政府组成部门负责人');
  const others = core.evaluatees.filter((e) => e.category !== '政府组成部门负责人');

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
    const meetingId = newId('mt', random);
    const evaluations = picked.map((e, i) => ({ id: newId('ev', random), evaluateeId: e.id, year: y, stage: 'closed' as const, meetingId, mode: i < 6 ? ('report' as const) : ('written' as const), note: '' }));
    const yearData: YearData = { year: y, evaluations };
    const meeting: MeetingData = emptyMeeting({
        id: meetingId,
        name: `县第十八届人大常委会第${y - first + 10}次会议`,
        session: 18,
        sitting: y - first + 10,
        date: `${y}-10-28`,
        place: '县人大常委会机关第一会议室',
        year: y,
        status: 'closed',
        agenda: picked.map((e, i) => ({ kind: 'report' as const, id: newId('ag', random), evaluateeId: e.id, mode: i < 6 ? ('report' as const) : ('written' as const) })),
    });
    all.push({ key: yearKey(y), data: yearData }, { key: meetingKey(meetingId), data: meeting });
  }
  // The demo's earlier years have plans but no meeting partition: give each its October meeting.
  for (const part of all.filter((p) => p.key.startsWith('year/'))) {
    const yd = part.data as YearData;
    if (yd.year >= currentYear || yd.year < currentYear - 4) continue;
    const meetingId = newId('mt', random);
    for (const ev of yd.evaluations) ev.meetingId = meetingId;
    const m: MeetingData = emptyMeeting({
        id: meetingId,
        name: `县第十九届人大常委会第${yd.year - currentYear + 20}次会议`,
        session: 19,
        sitting: yd.year - currentYear + 20,
        date: `${yd.year}-10-28`,
        place: '县人大常委会机关第一会议室',
        year: yd.year,
        status: 'closed',
        agenda: yd.evaluations.map((ev) => ({ kind: 'report' as const, id: newId('ag', random), evaluateeId: ev.evaluateeId, mode: ev.mode })),
    });
    all.push({ key: meetingKey(meetingId), data: m });
  }
  // Attendance is a real record now (the live meeting issue): 30 members, a few on leave.
  for (const part of all) {
    if (!part.key.startsWith('meeting/')) continue;
    const md = part.data as MeetingData;
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
      const ids = (env.data.evaluations as { evaluateeId: string }[]).map((e) => e.evaluateeId);
      env.data.benchFixture = yearFixture(rand, ids);
    }
    await writeFileDurably(nodeStoreFs, file, Buffer.from(JSON.stringify(env)));
  }
  const yearsList = Array.from({ length: years }, (_, i) => first + i);
  return { dataDir, years: yearsList, files: keys.length + 1 };
}
