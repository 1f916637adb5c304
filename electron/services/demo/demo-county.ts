import { addDemoResearch } from './demo-research';
import { formatMeetingName, meetingNamePrefix } from '../../../shared/format/chinese-numerals';
import { toIsoDate } from '../../../shared/format/dates';
import { defaultCriteria } from '../../../shared/domain/criteria';
import { postKeyOf, type Evaluatee, type EvaluateeCategory } from '../../../shared/domain/evaluatees';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { newId, type RandomSource } from '../../../shared/domain/ids';
import type { AgendaItem } from '../../../shared/domain/meetings';
import {
  coreSchema,
  meetingKey,
  meetingSchema,
  yearKey,
  yearSchema,
  CORE_KEY,
  type CoreData,
  type MeetingData,
  type YearData,
} from '../../../shared/domain/partitions';
import { defaultPresiding, type Gender, type Member, type MemberRole, type Unit } from '../../../shared/domain/people';
import {
  DEMO_COUNTY,
  DEMO_COURT,
  DEMO_DEPARTMENTS,
  DEMO_JUDGE_POSITIONS,
  DEMO_PROCURATORATE,
  DEMO_PROSECUTOR_POSITIONS,
  inventName,
} from './demo-data';
import { buildDemoHistory } from './demo-loops';
import { Dice, seededRandom } from './seeded-random';

/**
 * The demo county: what a data folder that has never held data starts with, so the office can
 * try every screen on realistic records. Deterministic: the same current year gives the same
 * county, byte for byte, on every machine.
 */

export interface DemoCountyOptions {
  currentYear: number;
  /**
   * The day the county is seeded ('YYYY-MM-DD', in the current year): the earlier years' loops run
   * up to it and no record is dated after it (deadlines aside). Default: 1 July of the current year.
   */
  today?: string;
  /** Replaces the built-in seeded source (ids and every choice). */
  random?: RandomSource;
}

export interface DemoCounty {
  core: CoreData;
  years: Record<number, YearData>;
  meetings: MeetingData[];
}

const DEMO_SEED = 0x51a7_2019;
/** The history's own sequence, so the people and the plan stay what they were before it was added. */
const HISTORY_SEED = 0x51a7_2024;

/** Department heads planned per year, oldest first; the last entry is the current year. */
/**
 * The first three years hear 15 heads and 5 judges and prosecutors in person, as the county published (the
 * statistics screen reproduces it); the rest of the court and the procuratorate report in writing in the fourth
 * year, the current year's meeting hears 3 of each.
 */
const HEADS_PER_YEAR = [5, 5, 5, 6, 5] as const;
const JUDGES_PER_YEAR = [1, 1, 1, 26, 3] as const;
const PROSECUTORS_PER_YEAR = [1, 1, 0, 18, 3] as const;

export function buildDemoCounty(options: DemoCountyOptions): DemoCounty {
  const { currentYear } = options;
  const random = options.random ?? seededRandom(DEMO_SEED);
  const dice = new Dice(random);
  const startYear = currentYear - 4;
  const planYears = [startYear, startYear + 1, startYear + 2, startYear + 3, currentYear];
  const taken = new Set<string>();

  const members = buildMembers(dice, random, taken, startYear);

  const units: Unit[] = DEMO_DEPARTMENTS.map((d) => ({ id: newId('un', random), name: d.name, kind: 'government', note: '' }));
  const court: Unit = { id: newId('un', random), name: DEMO_COURT, kind: 'court', note: '' };
  const procuratorate: Unit = { id: newId('un', random), name: DEMO_PROCURATORATE, kind: 'procuratorate', note: '' };
  units.push(court, procuratorate);

  // Who is planned in which year is decided first, so each appointment can precede its plan year.
  const headYears = spread(dice, DEMO_DEPARTMENTS.length, HEADS_PER_YEAR, planYears);
  const judgeYears = spread(dice, DEMO_JUDGE_POSITIONS.length, JUDGES_PER_YEAR, planYears);
  const prosecutorYears = spread(dice, DEMO_PROSECUTOR_POSITIONS.length, PROSECUTORS_PER_YEAR, planYears);

  const person = (category: EvaluateeCategory, unit: Unit, position: string, postKey: string, planYear: number): Evaluatee => {
    const gender: Gender = dice.chance(category === '政府组成部门负责人' ? 0.2 : 0.4) ? '女' : '男';
    return {
      id: newId('ee', random),
      name: inventName(dice, gender, taken),
      gender,
      category,
      unitId: unit.id,
      position,
      postKey,
      appointmentDate: randomDate(dice, startYear - 6, planYear - 1),
      note: '',
    };
  };

  const planned: { evaluatee: Evaluatee; year: number }[] = [];
  DEMO_DEPARTMENTS.forEach((d, i) => {
    const unit = units[i] as Unit;
    const year = headYears[i] as number;
    planned.push({ evaluatee: person('政府组成部门负责人', unit, d.headTitle, postKeyOf(unit.id, d.headTitle), year), year });
  });
  DEMO_JUDGE_POSITIONS.forEach((position, i) => {
    const year = judgeYears[i] as number;
    planned.push({ evaluatee: person('员额法官', court, position, postKeyOf(court.id, `员额${i + 1}`), year), year });
  });
  DEMO_PROSECUTOR_POSITIONS.forEach((position, i) => {
    const year = prosecutorYears[i] as number;
    planned.push({ evaluatee: person('员额检察官', procuratorate, position, postKeyOf(procuratorate.id, `员额${i + 1}`), year), year });
  });

  const meetingId = newId('mt', random);
  const years: Record<number, YearData> = {};
  for (const year of planYears) {
    const current = year === currentYear;
    const evaluations: Evaluation[] = planned
      .filter((p) => p.year === year)
      .map(({ evaluatee }) => ({
        id: newId('ev', random),
        evaluateeId: evaluatee.id,
        year,
        stage: current ? 'planned' : 'closed',
        ...(current ? { meetingId } : {}),
        // Judges and prosecutors report in person in the first three years of the term (the published figures).
        mode: evaluatee.category === '政府组成部门负责人' || year < startYear + 3 ? 'report' : 'written',
        note: '',
      }));
    years[year] = yearSchema.parse({ year, evaluations });
  }

  const core = coreSchema.parse({
    settings: {
      organisation: {
        fullName: DEMO_COUNTY.fullName,
        shortName: DEMO_COUNTY.shortName,
        docPrefix: DEMO_COUNTY.docPrefix,
        issuingOffice: DEMO_COUNTY.issuingOffice,
      },
      term: { session: DEMO_COUNTY.session, startYear, endYear: currentYear },
      demo: true,
    },
    members,
    units,
    evaluatees: planned.map((p) => p.evaluatee),
    criteria: defaultCriteria(),
  });

  const thisYear = planned.filter((p) => p.year === currentYear).map((p) => p.evaluatee);
  const heads = thisYear.filter((e) => e.category === '政府组成部门负责人');
  const written = thisYear.filter((e) => e.category !== '政府组成部门负责人');
  const agenda: AgendaItem[] = [
    ...heads.map((e): AgendaItem => ({ kind: 'report', id: newId('ag', random), evaluateeId: e.id, mode: 'report' })),
    ...written.map((e): AgendaItem => ({ kind: 'report', id: newId('ag', random), evaluateeId: e.id, mode: 'written' })),
    { kind: 'vote', id: newId('ag', random), title: `政府组成部门负责人${core.settings.voteTitles.meeting}`, evaluateeIds: heads.map((e) => e.id), voteKind: 'meeting', evaluationIds: [] },
    { kind: 'vote', id: newId('ag', random), title: `员额法官、员额检察官${core.settings.voteTitles.meeting}`, evaluateeIds: written.map((e) => e.id), voteKind: 'meeting', evaluationIds: [] },
  ];
  // Drawn last, so every earlier choice of the seeded county stays as it was.
  const recorder = inventName(dice, dice.chance(0.5) ? '女' : '男', taken);
  const meeting = meetingSchema.parse({
    meeting: {
      id: meetingId,
      name: formatMeetingName(meetingNamePrefix(DEMO_COUNTY.shortName), DEMO_COUNTY.session, DEMO_COUNTY.sitting),
      session: DEMO_COUNTY.session,
      sitting: DEMO_COUNTY.sitting,
      date: `${currentYear}-${DEMO_COUNTY.meetingMonthDay}`,
      place: DEMO_COUNTY.meetingPlace,
      presidingMemberId: defaultPresiding(members)?.id ?? null,
      recorder,
      year: currentYear,
      agenda,
      status: 'planned',
    },
  });

  const historyRandom = options.random ?? seededRandom(HISTORY_SEED);
  const history = buildDemoHistory({
    core,
    random: historyRandom,
    dice: options.random ? dice : new Dice(historyRandom),
    today: options.today ?? `${currentYear}-07-01`,
    tellers: [],
  }, years, taken);

  const meetings = [meeting, ...history];
  // Research records and the thread of their findings, on a sequence of their own (demo-research.ts).
  addDemoResearch({ core, years, meetings, today: options.today ?? `${currentYear}-07-01`, currentYear });
  return { core, years, meetings };
}

/** The demo county as store partitions, in the order to write them (core first). */
export function demoCountyPartitions(demo: DemoCounty): { key: string; data: CoreData | YearData | MeetingData }[] {
  return [
    { key: CORE_KEY, data: demo.core },
    ...Object.values(demo.years).map((data) => ({ key: yearKey(data.year), data })),
    ...demo.meetings.map((data) => ({ key: meetingKey(data.meeting.id), data })),
  ];
}

function buildMembers(dice: Dice, random: RandomSource, taken: Set<string>, startYear: number): Member[] {
  const roles: MemberRole[] = ['主任', ...Array<MemberRole>(4).fill('副主任'), ...Array<MemberRole>(25).fill('委员')];
  // The term opens with the people's congress session early in its first year.
  const termStart = `${startYear}-01-12`;
  return roles.map((role, i) => {
    const gender: Gender = dice.chance(role === '委员' ? 0.3 : 0.2) ? '女' : '男';
    return {
      id: newId('mb', random),
      name: inventName(dice, gender, taken),
      role,
      gender,
      session: DEMO_COUNTY.session,
      termStart,
      rosterOrder: i + 1,
      active: true,
      note: '',
    };
  });
}

/** A plan year for each of `count` people: `perYear[i]` of them in `years[i]`, in random order. */
function spread(dice: Dice, count: number, perYear: readonly number[], years: readonly number[]): number[] {
  const slots = perYear.flatMap((n, i) => Array<number>(n).fill(years[i] as number));
  if (slots.length !== count) throw new Error(`demo plan: ${slots.length} slots for ${count} people`);
  return dice.shuffle(slots);
}

function randomDate(dice: Dice, fromYear: number, toYear: number): string {
  // Days up to 28 exist in every month, so no date check is needed.
  return toIsoDate({ year: dice.between(fromYear, toYear), month: dice.between(1, 12), day: dice.between(1, 28) });
}
