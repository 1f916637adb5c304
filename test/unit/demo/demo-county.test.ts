import { describe, expect, it } from 'vitest';
import { checkCore, checkMeeting, checkYear } from '../../../shared/domain/integrity';
import { coreSchema, meetingSchema, parsePartitionKey, yearSchema } from '../../../shared/domain/partitions';
import type { ReportItem, VoteItem } from '../../../shared/domain/meetings';
import { buildDemoCounty, demoCountyPartitions } from '../../../electron/services/demo/demo-county';
import { seededRandom } from '../../../electron/services/demo/seeded-random';

const YEAR = 2025;
const demo = buildDemoCounty({ currentYear: YEAR });
const { core } = demo;
const byId = new Map(core.evaluatees.map((e) => [e.id, e]));
const allEvaluations = Object.values(demo.years).flatMap((y) => y.evaluations);
const countBy = <T>(items: readonly T[], key: (t: T) => string) =>
  items.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});

describe('demo county: people', () => {
  it('has exactly 30 members: 1 主任, 4 副主任, 25 委员, in roster order', () => {
    expect(core.members).toHaveLength(30);
    expect(countBy(core.members, (m) => m.role)).toEqual({ 主任: 1, 副主任: 4, 委员: 25 });
    expect(core.members.map((m) => m.rosterOrder)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(core.members[0]?.role).toBe('主任');
    expect(core.members.slice(1, 5).every((m) => m.role === '副主任')).toBe(true);
    expect(core.members.every((m) => m.active)).toBe(true);
  });

  it('has 26 government departments with one head each, a court and a procuratorate', () => {
    expect(core.units).toHaveLength(28);
    expect(countBy(core.units, (u) => u.kind)).toEqual({ government: 26, court: 1, procuratorate: 1 });
    expect(core.units.map((u) => u.name)).toEqual(expect.arrayContaining(['县发展和改革局', '县教育局', '县公安局', '县人民法院', '县人民检察院']));
    const heads = core.evaluatees.filter((e) => e.category === '政府组成部门负责人');
    expect(heads).toHaveLength(26);
    const government = core.units.filter((u) => u.kind === 'government').map((u) => u.id);
    expect(heads.map((h) => h.unitId).sort()).toEqual([...government].sort());
    expect(new Set(heads.map((h) => h.position))).toEqual(new Set(['局长', '主任']));
  });

  it('has 55 judges and prosecutors: 32 in the court, 23 in the procuratorate', () => {
    const court = core.units.find((u) => u.kind === 'court');
    const procuratorate = core.units.find((u) => u.kind === 'procuratorate');
    const judges = core.evaluatees.filter((e) => e.category === '员额法官');
    const prosecutors = core.evaluatees.filter((e) => e.category === '员额检察官');
    expect(judges).toHaveLength(32);
    expect(prosecutors).toHaveLength(23);
    expect(judges.every((j) => j.unitId === court?.id)).toBe(true);
    expect(prosecutors.every((p) => p.unitId === procuratorate?.id)).toBe(true);
    expect(core.evaluatees).toHaveLength(81);
    expect(new Set(core.evaluatees.map((e) => e.postKey)).size).toBe(81);
  });

  it('invents unique Chinese names for everyone', () => {
    const names = [...core.members, ...core.evaluatees].map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
  });

  it('has the six criteria and plausible settings', () => {
    expect(core.criteria).toHaveLength(6);
    expect(core.criteria[0]?.name).toBe('贯彻执行国家法律法规情况');
    const { organisation, term } = core.settings;
    expect(organisation.fullName).toMatch(/^.+县人民代表大会常务委员会$/);
    expect(organisation.docPrefix).toBe('青人常');
    expect(organisation.copyTo).toEqual(['县委', '县人民政府', '县委组织部']);
    expect(term).toEqual({ session: 19, startYear: YEAR - 4, endYear: YEAR });
    expect(core.settings.demo).toBe(true);
  });
});

describe('demo county: the five-year plan', () => {
  it('covers every evaluatee exactly once over the current year and the four before', () => {
    expect(Object.keys(demo.years).map(Number)).toEqual([YEAR - 4, YEAR - 3, YEAR - 2, YEAR - 1, YEAR]);
    expect(allEvaluations).toHaveLength(81);
    expect(new Set(allEvaluations.map((e) => e.evaluateeId))).toEqual(new Set(byId.keys()));
  });

  it('plans 5–6 department heads a year, 11 people in the current year', () => {
    const isHead = (id: string) => byId.get(id)?.category === '政府组成部门负责人';
    const perYear = Object.values(demo.years).map((data) => {
      const heads = data.evaluations.filter((ev) => isHead(ev.evaluateeId)).length;
      return { year: data.year, headsOk: heads >= 5 && heads <= 6, legal: data.evaluations.length - heads > 0 };
    });
    expect(perYear).toEqual(Object.values(demo.years).map((d) => ({ year: d.year, headsOk: true, legal: true })));
    const current = demo.years[YEAR]?.evaluations ?? [];
    expect(countBy(current, (ev) => (byId.get(ev.evaluateeId)?.category === '政府组成部门负责人' ? 'head' : 'legal'))).toEqual({ head: 5, legal: 6 });
  });

  it('holds earlier years at their October meetings and plans the current one for the meeting', () => {
    const meetingId = demo.meetings[0]?.meeting.id;
    const earlier = allEvaluations.filter((ev) => ev.year < YEAR);
    const current = allEvaluations.filter((ev) => ev.year === YEAR);
    const october = (year: number) => demo.meetings.find((m) => m.meeting.year === year && m.meeting.date.slice(5, 7) === '10')?.meeting.id;
    expect(earlier.filter((ev) => ev.meetingId === undefined || ev.meetingId !== october(ev.year))).toEqual([]);
    expect(new Set(earlier.map((ev) => ev.stage))).toEqual(new Set(['closed', 'rectification', 'follow-up']));
    expect(new Set(current.map((ev) => `${ev.stage}/${ev.meetingId ?? '-'}`))).toEqual(new Set([`planned/${meetingId}`]));
    // Judges and prosecutors report in person in the first three years of the term (the published figures).
    const headMode = (ev: (typeof allEvaluations)[number]) => (byId.get(ev.evaluateeId)?.category === '政府组成部门负责人' || ev.year <= YEAR - 2 ? 'report' : 'written');
    expect(allEvaluations.filter((ev) => ev.mode !== headMode(ev))).toEqual([]);
    // Appointed before the year they are evaluated in.
    expect(allEvaluations.filter((ev) => Number(byId.get(ev.evaluateeId)?.appointmentDate.slice(0, 4)) >= ev.year)).toEqual([]);
  });
});

describe('demo county: the October meeting', () => {
  const meeting = demo.meetings[0]?.meeting;
  const reports = (meeting?.agenda ?? []).filter((i): i is ReportItem => i.kind === 'report');
  const votes = (meeting?.agenda ?? []).filter((i): i is VoteItem => i.kind === 'vote');

  it('is the current year\'s October meeting with a Chinese-numeral name', () => {
    expect(demo.meetings.filter((m) => m.meeting.year === YEAR).map((m) => m.meeting.id)).toEqual([meeting?.id]);
    expect(meeting).toMatchObject({ date: `${YEAR}-10-28`, year: YEAR, session: 19, sitting: 23, status: 'planned' });
    expect(meeting?.name).toBe('县第十九届人大常委会第二十三次会议');
  });

  it('hears 5 department heads in person and 6 judges/prosecutors on written reports', () => {
    const inPerson = reports.filter((r) => r.mode === 'report').map((r) => byId.get(r.evaluateeId));
    const written = reports.filter((r) => r.mode === 'written').map((r) => byId.get(r.evaluateeId));
    expect(inPerson).toHaveLength(5);
    expect(written).toHaveLength(6);
    expect(inPerson.every((e) => e?.category === '政府组成部门负责人')).toBe(true);
    expect(written.every((e) => e?.category === '员额法官' || e?.category === '员额检察官')).toBe(true);
  });

  it('hears exactly those planned for the current year, and votes on the written ones', () => {
    const planned = new Set(demo.years[YEAR]?.evaluations.map((ev) => ev.evaluateeId));
    expect(new Set(reports.map((r) => r.evaluateeId))).toEqual(planned);
    const writtenIds = reports.filter((r) => r.mode === 'written').map((r) => r.evaluateeId);
    expect(votes.some((v) => [...v.evaluateeIds].sort().join() === [...writtenIds].sort().join())).toBe(true);
    expect(new Set(votes.flatMap((v) => v.evaluateeIds))).toEqual(planned);
  });

  it('calls its votes by the meeting vote’s title of the settings, asks for no rectification plan, and names who presides and who records', () => {
    expect(demo.core.settings.voteTitles.meeting).toBe('民主测评');
    expect(votes.map((v) => v.title)).toEqual(['政府组成部门负责人民主测评', '员额法官、员额检察官民主测评']);
    expect(demo.core.settings.deadlines.rectificationPlanDays).toBeNull();
    expect(demo.core.members.find((m) => m.id === meeting?.presidingMemberId)?.role).toBe('主任');
    expect(meeting?.recorder).toMatch(/^[\u4e00-\u9fa5]{3}$/u);
    expect(demo.core.members.map((m) => m.name)).not.toContain(meeting?.recorder);
  });
});

describe('demo county: validity and determinism', () => {
  it.each([2024, 2026, 2030])('every record validates and passes the integrity checks (current year %i)', (currentYear) => {
    const d = buildDemoCounty({ currentYear });
    expect(checkCore(d.core)).toEqual([]);
    const meetingIds = new Set(d.meetings.map((m) => m.meeting.id));
    for (const y of Object.values(d.years)) expect(checkYear(y, d.core, meetingIds)).toEqual([]);
    for (const m of d.meetings) expect(checkMeeting(m, d.core, d.years[currentYear])).toEqual([]);
    const failures = demoCountyPartitions(d).filter(({ key, data }) => {
      const kind = parsePartitionKey(key)?.kind;
      const schema = kind === 'core' ? coreSchema : kind === 'year' ? yearSchema : meetingSchema;
      return !schema.safeParse(data).success;
    });
    expect(failures.map((f) => f.key)).toEqual([]);
  });

  it('lists its partitions core first', () => {
    const keys = demoCountyPartitions(demo).map((p) => p.key);
    expect(keys[0]).toBe('core');
    expect(keys.slice(1, 6)).toEqual([2021, 2022, 2023, 2024, 2025].map((y) => `year/${y}`));
    // The current meeting, then the earlier years' meetings (four October, three August, one February).
    expect(keys.slice(6).every((k) => /^meeting\/mt_[0-9a-z]{10}$/.test(k))).toBe(true);
    expect(keys).toHaveLength(6 + 1 + 8);
  });

  it('gives the same county for the same year, and shifts only the dates with the year', () => {
    expect(JSON.stringify(buildDemoCounty({ currentYear: YEAR }))).toBe(JSON.stringify(demo));
    const next = buildDemoCounty({ currentYear: YEAR + 1 });
    expect(next.core.members.map((m) => m.name)).toEqual(core.members.map((m) => m.name));
    expect(next.meetings[0]?.meeting.date).toBe(`${YEAR + 1}-10-28`);
  });

  it('accepts another random source and still builds a valid county', () => {
    const d = buildDemoCounty({ currentYear: YEAR, random: seededRandom(7) });
    expect(d.core.evaluatees).toHaveLength(81);
    expect(d.core.evaluatees[0]?.id).not.toBe(core.evaluatees[0]?.id);
    expect(checkCore(d.core)).toEqual([]);
  });
});
