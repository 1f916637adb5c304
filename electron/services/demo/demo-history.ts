import { addDays, formatDateCn } from '../../../shared/format/dates';
import { formatDocNumber } from '../../../shared/format/doc-number';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { newId, type RandomSource } from '../../../shared/domain/ids';
import type { AgendaItem, VoteItem } from '../../../shared/domain/meetings';
import { newOpinionId, type OpinionParagraph, type OpinionRecord } from '../../../shared/domain/opinions';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import type { Member } from '../../../shared/domain/people';
import type { EvaluationVoteResult } from '../../../shared/domain/vote-round';
import type { VoteKind } from '../../../shared/domain/settings';
import { meetingQuorum } from '../../../shared/live/quorum';
import {
  DEFAULT_RESULT_RECIPIENTS,
  emptyLoopData,
  issuedItems,
  itemFullText,
  reportDue,
  type ItemVerdict,
  type LedgerEntry,
  type LoopData,
  type LoopState,
} from '../../../shared/loop';
import type { Mark } from '../../../shared/vote';
import { statesOf } from '../loop/loop-records';
import { announcementTitle } from '../meeting-docs/announcement-input';
import { announceRound, checkRoundNow } from '../vote/round-result';
import { compactResult } from '../vote/evaluation-sync';
import { keySheet } from '../vote/round-count';
import { closeRound, openRound, prepareRound } from '../vote/round-setup';
import type { VoteEnv } from '../vote/vote-data';
import { CHECKED, FOLLOW_UP_ACTIVITIES, FOLLOW_UP_SUMMARY, MEASURES, PROBLEMS, PROGRESS, STRENGTHS, SUGGESTIONS, kindOf } from './demo-texts';
import type { Dice } from './seeded-random';

/**
 * The closed loop of earlier years, written as the office would have recorded it: the meeting's
 * vote counted sheet by sheet with the vote services' own functions (so every figure is the vote
 * rules' own), the opinions issued and delivered, a ledger entry per opinion item, the report
 * received, 回头看 and its 满意度测评 at a later meeting, the 不满意 path with its re-report and
 * 整改情况测评, and the results-use register. Used by the demo county and by the benchmarks'
 * archive generator. Nothing is dated after `today` except deadlines.
 */

export interface HistoryEnv {
  core: CoreData;
  random: RandomSource;
  dice: Dice;
  /** 'YYYY-MM-DD': records that would fall after it are not written (the case waits there). */
  today: string;
  /** Office staff who count the ballots (计票人), never members. */
  tellers: readonly string[];
}

/** An instant on a local day: meetings vote in the morning, read back as that day anywhere from UTC−2 to UTC+14. */
function at(day: string, minutes = 0): string {
  const m = 150 + minutes;
  return `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`;
}

/** Most members present, a few on leave, as a sign-in sheet records them. */
export function attendMeeting(env: HistoryEnv, data: MeetingData): void {
  const members = env.core.members.filter((m) => m.active);
  const away = new Set(env.dice.shuffle(members.slice(1)).slice(0, env.dice.between(1, 4)).map((m) => m.id));
  data.attendance = {
    members: Object.fromEntries(members.map((m) => [m.id, away.has(m.id) ? 'leave' : 'present'])),
    deputies: env.dice.between(6, 12),
    citizens: env.dice.between(2, 6),
  };
}

/**
 * How the members' marks for one evaluatee fall. Under the default rule (半数三级) a passing
 * column has 满意 from half of 应到 up; a failing one keeps 满意 + 基本满意 under half. holdVote
 * checks the graded outcome against the intention, so another rule cannot slip through unnoticed.
 */
function markColumn(dice: Dice, present: number, entitled: number, failing: boolean, set?: ColumnSet): Mark[] {
  const half = Math.ceil(entitled / 2);
  if (set) return dice.shuffle(setColumn(dice, present, entitled, failing, set));
  const satisfied = failing ? dice.between(3, 6) : dice.between(Math.min(present, half + 2), Math.min(present, half + 10));
  const basic = failing ? dice.between(3, Math.max(3, half - satisfied - 2)) : dice.between(0, Math.min(6, present - satisfied));
  const rest = present - satisfied - basic;
  const blank = failing ? 0 : dice.between(0, Math.min(1, rest));
  const column: Mark[] = [
    ...Array<Mark>(satisfied).fill('satisfied'),
    ...Array<Mark>(basic).fill('basic'),
    ...Array<Mark>(rest - blank).fill('unsatisfied'),
    ...Array<Mark>(blank).fill('blank'),
  ];
  return dice.shuffle(column);
}

/** A column's unsatisfied and blank marks set by the caller (the demo's published figures), the rest drawn. */
export interface ColumnSet {
  unsatisfied: number;
  blank: number;
}

/**
 * A column with the given unsatisfied and blank marks: passing, 满意 from half of 应到 + 2 up and the rest
 * 基本满意; failing (`set` ignored), 满意 + 基本满意 exactly half of 应到 (not more than half) and the rest 不满意.
 */
function setColumn(dice: Dice, present: number, entitled: number, failing: boolean, set: ColumnSet): Mark[] {
  const fill = (n: number, m: Mark) => Array<Mark>(Math.max(0, n)).fill(m);
  if (failing) {
    const top = Math.floor(entitled / 2);
    const satisfied = dice.between(3, 6);
    return [...fill(satisfied, 'satisfied'), ...fill(top - satisfied, 'basic'), ...fill(present - top, 'unsatisfied')];
  }
  const room = present - set.unsatisfied - set.blank;
  const satisfied = dice.between(Math.min(room, Math.ceil(entitled / 2) + 2), room);
  return [...fill(satisfied, 'satisfied'), ...fill(room - satisfied, 'basic'), ...fill(set.unsatisfied, 'unsatisfied'), ...fill(set.blank, 'blank')];
}

export interface VoteSpec {
  item: VoteItem;
  /** Evaluatees whose result should be the failing one. */
  failing: ReadonlySet<string>;
  /** Sets each passing column's unsatisfied and blank marks, given the members present (the rest drawn as usual). */
  columns?: (present: number, evaluateeIds: readonly string[]) => ColumnSet[];
}

/**
 * One vote item held and announced on `day`: prepared, ballots out to those present, returned,
 * keyed sheet by sheet, checked and announced by the vote services' functions. Returns the
 * compact result of each evaluatee, in the item's order.
 */
export function holdVote(env: HistoryEnv, data: MeetingData, spec: VoteSpec, day: string, slot: number): EvaluationVoteResult[] {
  let minute = slot * 40;
  const step = (): VoteEnv => ({ core: env.core, at: at(day, (minute += 1)), random: env.random });
  const quorum = meetingQuorum({ members: env.core.members, attendance: data.attendance, rule: env.core.settings.quorum.rule });
  const present = env.core.members.filter((m) => data.attendance.members[m.id] === 'present');
  const scrutineers = env.dice.shuffle(present.filter((m) => m.role === '委员')).slice(0, 2).map((m) => m.name);
  const round = prepareRound(data, step(), { agendaItemId: spec.item.id, tellers: [...env.tellers], scrutineers });
  openRound(data, round, step(), { quorum, running: true, attendees: { deputies: data.attendance.deputies, citizens: data.attendance.citizens } }, [
    { groupId: 'members', issued: quorum.present },
  ]);
  closeRound(data, round, step(), [{ groupId: 'members', returned: quorum.present }]);
  const sets = spec.columns?.(quorum.present, round.evaluateeIds);
  const columns = round.evaluateeIds.map((id, i) => markColumn(env.dice, quorum.present, quorum.entitled, spec.failing.has(id), sets?.[i]));
  for (let sheet = 0; sheet < quorum.present; sheet++) keySheet(data, round, step(), 'members', columns.map((c) => c[sheet] as Mark));
  checkRoundNow(data, round, step());
  announceRound(data, round, step());
  return round.evaluateeIds.map((id, i) => {
    const result = compactResult(data, round, i);
    if (!result) throw new Error('demo history: a vote without a result');
    if (result.failing !== spec.failing.has(id)) throw new Error(`demo history: the rule graded ${result.outcome}, not the intended outcome`);
    return result;
  });
}

function loopOf(year: YearData): LoopData {
  year.loop ??= emptyLoopData();
  return year.loop;
}

function evaluateeOf(env: HistoryEnv, ev: Pick<Evaluation, 'evaluateeId'>) {
  const e = env.core.evaluatees.find((x) => x.id === ev.evaluateeId);
  if (!e) throw new Error(`demo history: no evaluatee ${ev.evaluateeId}`);
  return e;
}

function unitName(env: HistoryEnv, unitId: string): string {
  return env.core.units.find((u) => u.id === unitId)?.name ?? '';
}

function paragraphs(level: 0 | 2, texts: readonly string[]): OpinionParagraph[] {
  return texts.map((text) => ({ level, text }));
}

/** The vote items of an evaluation meeting: one for the heads heard in person, one for the written reports. */
export function meetingVoteItems(env: HistoryEnv, agenda: readonly AgendaItem[]): VoteItem[] {
  const title = env.core.settings.voteTitles.meeting;
  const reports = agenda.filter((a) => a.kind === 'report');
  // One ballot for the heads, one for the judges and prosecutors, whether they report in person or in writing.
  const head = (id: string) => env.core.evaluatees.find((e) => e.id === id)?.category === '政府组成部门负责人';
  const groups: [string, string[]][] = [
    [`政府组成部门负责人${title}`, reports.filter((r) => head(r.evaluateeId)).map((r) => r.evaluateeId)],
    [`员额法官、员额检察官${title}`, reports.filter((r) => !head(r.evaluateeId)).map((r) => r.evaluateeId)],
  ];
  return groups
    .filter(([, ids]) => ids.length > 0)
    .map(([t, ids]) => ({ kind: 'vote', id: newId('ag', env.random), title: t, evaluateeIds: ids, voteKind: 'meeting', evaluationIds: [] }));
}

export interface EvaluationMeetingOptions {
  /** Evaluation ids whose meeting vote fails (不满意): the re-report path. */
  failing?: ReadonlySet<string>;
  /** Sets the passing columns' unsatisfied and blank marks of each vote item (VoteSpec.columns). */
  columns?: VoteSpec['columns'];
  /** How many items (意见和建议) each opinion carries; 3 or 4, drawn, when absent. */
  itemsFor?: (ev: Evaluation) => number;
}

/**
 * The October meeting of `year` held and closed: attendance, its vote items counted and announced,
 * each evaluation's voteResult; then the 通报 and the opinions issued and delivered with their
 * ledger entries and the results-use register. The meeting's agenda must already hear the year's
 * evaluations (report items).
 */
export function holdEvaluationMeeting(env: HistoryEnv, meeting: MeetingData, year: YearData, options: EvaluationMeetingOptions = {}): void {
  const { meeting: m } = meeting;
  const day = m.date;
  const evaluations = year.evaluations.filter((ev) => ev.meetingId === m.id);
  const failingEe = new Set(evaluations.filter((ev) => options.failing?.has(ev.id)).map((ev) => ev.evaluateeId));
  m.status = 'closed';
  attendMeeting(env, meeting);
  const items = meetingVoteItems(env, m.agenda);
  m.agenda.push(...items);
  items.forEach((item, slot) => {
    const results = holdVote(env, meeting, { item, failing: failingEe, ...(options.columns ? { columns: options.columns } : {}) }, day, slot);
    item.evaluateeIds.forEach((id, i) => {
      const ev = evaluations.find((e) => e.evaluateeId === id);
      if (ev) ev.voteResult = results[i];
    });
  });

  const loop = loopOf(year);
  const prefix = env.core.settings.organisation.docPrefix;
  const register = (year.register ??= { documents: [] });
  let seq = register.documents.length + (year.opinions?.records.length ?? 0);
  const bulletinNo = formatDocNumber(prefix, m.year, ++seq);
  const bulletinDay = addDays(day, env.dice.between(3, 6));
  register.documents.push({
    kind: '测评结果通报',
    docNumber: bulletinNo,
    title: announcementTitle(meeting, meeting.votes.rounds, true, env.core.settings.voteTitles.meeting),
    meetingId: m.id,
    roundId: null,
    date: bulletinDay,
    firstExportedAt: at(bulletinDay, 60),
    exportedAt: at(bulletinDay, 60),
    exports: 1,
  });
  loop.resultUses.push({
    id: newId('ru', env.random),
    evaluationId: null,
    meetingId: m.id,
    kind: 'bulletin',
    recipient: '各乡镇人大、县直各部门',
    date: addDays(bulletinDay, 1),
    how: 'electronic',
    docNumber: bulletinNo,
    note: '',
  });

  const council = addDays(day, env.dice.between(10, 16));
  const issued = addDays(council, env.dice.between(2, 4));
  const opinions = (year.opinions ??= { records: [], memberOpinions: [] });
  for (const ev of evaluations) {
    const docNumber = formatDocNumber(prefix, m.year, ++seq);
    const delivered = addDays(issued, env.dice.between(2, 8));
    const record = opinionFor(env, ev, m.name, day, { council, issued, delivered, docNumber }, options.itemsFor?.(ev));
    opinions.records.push(record);
    const e = evaluateeOf(env, ev);
    const items = issuedItems(record).items;
    const responsible = e.name;
    const due = reportDue(delivered, env.core.settings.deadlines);
    loop.ledger.push(
      ...items.map(
        (item): LedgerEntry => ({
          evaluationId: ev.id,
          opinionId: record.id,
          itemNo: item.no,
          itemText: itemFullText(item),
          measures: '',
          responsible,
          dueDate: due,
          progress: [],
          status: 'notStarted',
          evidence: [],
          verdict: null,
        }),
      ),
    );
    const recipients = [...DEFAULT_RESULT_RECIPIENTS, unitName(env, e.unitId)];
    recipients.forEach((recipient, i) => {
      loop.resultUses.push({
        id: newId('ru', env.random),
        evaluationId: ev.id,
        meetingId: m.id,
        kind: 'opinion',
        recipient,
        date: i === recipients.length - 1 ? delivered : addDays(issued, 1),
        how: i === recipients.length - 1 ? 'inPerson' : 'confidential',
        docNumber,
        note: '',
      });
    });
    loop.resultUses.push({
      id: newId('ru', env.random),
      evaluationId: ev.id,
      meetingId: m.id,
      kind: 'recommendation',
      recipient: '县委组织部',
      date: addDays(issued, 1),
      how: 'confidential',
      docNumber: '',
      note: '建议将评议结果作为干部考核、任用和奖惩的参考',
    });
  }
}

function opinionFor(
  env: HistoryEnv,
  ev: Evaluation,
  meetingName: string,
  meetingDay: string,
  dates: { council: string; issued: string; delivered: string; docNumber: string },
  items?: number,
): OpinionRecord {
  const e = evaluateeOf(env, ev);
  const kind = kindOf(e.category);
  const dice = env.dice;
  const vote = ev.voteResult;
  const title = env.core.settings.voteTitles.meeting;
  const lead = [
    `根据县人大常委会年度工作评议安排，${meetingName}于${formatDateCn(meetingDay)}${ev.mode === 'report' ? '听取' : '审议'}了${unitName(env, e.unitId)}${e.position}${e.name}同志的履职情况报告，并进行了${title}，测评结果为“${vote?.outcome ?? ''}”。现将评议意见印发如下。`,
  ];
  const pick = (list: readonly string[], n: number) => dice.shuffle(list).slice(0, n);
  const suggestions = pick(SUGGESTIONS[kind], items ?? dice.between(3, 4));
  const failing = vote?.failing === true;
  const months = failing ? env.core.settings.deadlines.reReportMonths : env.core.settings.deadlines.rectificationReportMonths;
  const rectification = failing
    ? `请于测评结果公布之日起${months}个月内认真整改，并向县人大常委会会议再次报告整改情况，接受整改情况测评。`
    : `请于收到本评议意见之日起${months}个月内，将整改情况书面报告县人大常委会。`;
  const stamp = at(dates.council, 30);
  return {
    id: newOpinionId('op', env.random),
    evaluationId: ev.id,
    evaluateeId: e.id,
    createdAt: at(addDays(meetingDay, 3)),
    versions: [
      {
        no: 1,
        createdAt: at(addDays(meetingDay, 3)),
        updatedAt: stamp,
        reason: '',
        content: {
          addressee: `${e.name}同志`,
          lead: paragraphs(0, lead),
          sections: {
            basicEvaluation: paragraphs(2, pick(STRENGTHS[kind], 2)),
            problems: paragraphs(2, pick(PROBLEMS[kind], dice.between(2, 3))),
            suggestions: paragraphs(2, suggestions),
            rectification: paragraphs(0, [rectification]),
          },
        },
        council: { date: dates.council, sitting: null },
        issue: { docNumber: dates.docNumber, issueDate: dates.issued },
        delivery: { date: dates.delivered, receivedBy: `${unitName(env, e.unitId)}办公室` },
      },
    ],
  };
}

function deliveredOn(year: YearData, evaluationId: string): string {
  const record = year.opinions?.records.find((r) => r.evaluationId === evaluationId);
  const day = record?.versions[0]?.delivery?.date;
  if (!day) throw new Error('demo history: rectification before delivery');
  return day;
}

function evaluationOf(year: YearData, evaluationId: string): Evaluation {
  const ev = year.evaluations.find((e) => e.id === evaluationId);
  if (!ev) throw new Error(`demo history: no evaluation ${evaluationId}`);
  return ev;
}

/** The 回头看 group: a 副主任 leads, two 委员 and the office's staff go with them. */
function followUpGroup(env: HistoryEnv): { role: '组长' | '成员'; memberId?: string; name: string; post: string }[] {
  const deputies = env.core.members.filter((m: Member) => m.role === '副主任' && m.active);
  const others = env.core.members.filter((m: Member) => m.role === '委员' && m.active);
  const lead = env.dice.pick(deputies);
  const two = env.dice.shuffle(others).slice(0, 2);
  return [
    { role: '组长', memberId: lead.id, name: lead.name, post: '县人大常委会副主任' },
    ...two.map((m) => ({ role: '成员' as const, memberId: m.id, name: m.name, post: '县人大常委会委员' })),
  ];
}

export interface RectifyOptions {
  /** Days before the due date the report arrives (negative: late); null: it has not arrived. */
  reportEarly: number | null;
  /** Whether the 回头看 is held after the report. */
  followUp: boolean;
}

/**
 * The written path after delivery, as far as `today` allows: progress on each ledger item, the
 * 整改情况报告 received, then 回头看 with a verdict per item. Returns the day the 回头看 ended
 * (the earliest a 满意度测评 may be held), or null while it has not.
 */
export function rectify(env: HistoryEnv, year: YearData, evaluationId: string, options: RectifyOptions): string | null {
  const loop = loopOf(year);
  const delivered = deliveredOn(year, evaluationId);
  const due = reportDue(delivered, env.core.settings.deadlines);
  const entries = loop.ledger.filter((l) => l.evaluationId === evaluationId);
  const dice = env.dice;
  const received = options.reportEarly === null ? null : addDays(due, -options.reportEarly);
  const reported = received !== null && received <= env.today;
  for (const entry of entries) {
    entry.measures = dice.pick(MEASURES);
    const notes = [addDays(delivered, dice.between(20, 40)), addDays(delivered, dice.between(90, 130))];
    entry.progress = notes.filter((d) => d <= env.today).map((date, i) => ({ date, text: PROGRESS[Math.min(i * 2 + dice.int(2), PROGRESS.length - 1)] as string }));
    entry.status = entry.progress.length === 0 ? 'notStarted' : reported ? (dice.chance(0.2) ? 'ongoing' : 'done') : 'inProgress';
  }
  if (!reported || received === null) return null;
  const ev = evaluationOf(year, evaluationId);
  const e = evaluateeOf(env, ev);
  const unit = env.core.units.find((u) => u.id === e.unitId);
  const abbr = unit?.kind === 'court' ? '法' : unit?.kind === 'procuratorate' ? '检' : (unit?.name.slice(1, 3) ?? '');
  loop.reports.push({
    evaluationId,
    reportDate: addDays(received, -dice.between(2, 6)),
    receivedOn: received,
    docNumber: `青${abbr}〔${received.slice(0, 4)}〕${dice.between(3, 40)}号`,
    file: null,
    meetingId: null,
  });
  if (!options.followUp) return null;
  const start = addDays(received, dice.between(20, 40));
  const end = addDays(start, dice.between(5, 12));
  if (end > env.today) return null;
  const verdicts: ItemVerdict[] = entries.map(() => (dice.chance(0.75) ? 'fullyRectified' : 'mostlyRectified'));
  entries.forEach((entry, i) => {
    entry.verdict = verdicts[i] ?? null;
  });
  loop.followUps.push({
    evaluationId,
    groupName: '回头看调研组',
    group: followUpGroup(env),
    startDate: start,
    endDate: end,
    activities: FOLLOW_UP_ACTIVITIES.map((a, i) => ({ date: addDays(start, Math.min(i * 2, dice.between(0, 5))), activity: a.activity, place: a.place })),
    checks: entries.map((entry, i) => ({ opinionId: entry.opinionId, itemNo: entry.itemNo, checked: dice.pick(CHECKED), verdict: verdicts[i] ?? 'mostlyRectified' })),
    summary: FOLLOW_UP_SUMMARY,
  });
  return end;
}

/** The failing path's rectification: the ledger worked on until the re-report meeting (no written report, no 回头看). */
export function rectifyForReReport(env: HistoryEnv, year: YearData, evaluationId: string, reReportDay: string): void {
  const loop = loopOf(year);
  const delivered = deliveredOn(year, evaluationId);
  for (const entry of loop.ledger.filter((l) => l.evaluationId === evaluationId)) {
    entry.measures = env.dice.pick(MEASURES);
    entry.progress = [addDays(delivered, env.dice.between(15, 25)), addDays(reReportDay, -env.dice.between(10, 20))]
      .filter((d) => d <= env.today)
      .map((date, i) => ({ date, text: PROGRESS[i * 2] as string }));
    entry.status = reReportDay <= env.today ? 'done' : 'inProgress';
  }
}

export interface LaterVoteCase {
  year: YearData;
  evaluationId: string;
  failing?: boolean;
  /** The day its 回头看 ended, when the vote follows one. */
  ended?: string;
}

/**
 * A later meeting holding later votes: one vote item per kind (满意度测评 after 回头看,
 * 整改情况测评 after a failing re-report, each case heard first as a hearing item), each evaluatee
 * with the evaluation it belongs to, counted and announced like the meeting's vote; the result is
 * kept with the evaluation (loop.laterVotes), as the later-vote sync writes it.
 */
export function holdLaterVotes(env: HistoryEnv, meeting: MeetingData, votes: { kind: Exclude<VoteKind, 'meeting'>; cases: LaterVoteCase[] }[]): void {
  const { meeting: m } = meeting;
  m.status = 'closed';
  attendMeeting(env, meeting);
  // Each is heard before its vote: the re-report in person, the 整改情况报告 received on the
  // written report (the report records the meeting that heard it).
  for (const { kind, cases } of votes) {
    for (const c of cases) {
      const ev = evaluationOf(c.year, c.evaluationId);
      const purpose = kind === 'reReport' ? 'reReport' : 'report';
      m.agenda.push({ kind: 'hearing', id: newId('ag', env.random), evaluateeId: ev.evaluateeId, evaluationId: ev.id, purpose, mode: purpose === 'reReport' ? 'report' : 'written' });
      const report = loopOf(c.year).reports.find((r) => r.evaluationId === ev.id);
      if (purpose === 'report' && report) report.meetingId = m.id;
    }
  }
  votes
    .filter((v) => v.cases.length > 0)
    .forEach(({ kind, cases }, slot) => {
      const evs = cases.map((c) => evaluationOf(c.year, c.evaluationId));
      const item: VoteItem = {
        kind: 'vote',
        id: newId('ag', env.random),
        title: env.core.settings.voteTitles[kind],
        evaluateeIds: evs.map((ev) => ev.evaluateeId),
        voteKind: kind,
        evaluationIds: evs.map((ev) => ev.id),
      };
      m.agenda.push(item);
      const failing = new Set(cases.flatMap((c, i) => (c.failing ? [evs[i]?.evaluateeId ?? ''] : [])));
      const results = holdVote(env, meeting, { item, failing }, m.date, slot);
      cases.forEach((c, i) => {
        loopOf(c.year).laterVotes.push({ evaluationId: c.evaluationId, kind, meetingId: m.id, agendaItemId: item.id, result: results[i] ?? null, earlyReason: '' });
      });
    });
}

/** The stage of every evaluation of the year as the loop services derive it, stored as the plan shows it. */
export function deriveYearStages(year: YearData, meetings: readonly MeetingData[]): Map<string, LoopState> {
  const states = statesOf([year], meetings);
  for (const ev of year.evaluations) {
    const state = states.get(ev.id);
    if (ev.voteResult && state && state.stage !== 'escalated') ev.stage = state.stage;
  }
  return states;
}

/**
 * A year whose loop is complete: its October meeting held, every opinion delivered, every report
 * received, 回头看 done and the 满意度测评 held at `followUpMeeting` (a later meeting, already
 * scheduled, on or after the last 回头看). Every evaluation ends closed. The benchmarks' archive
 * writes its older years with it.
 */
export function completeYearLoop(env: HistoryEnv, year: YearData, october: MeetingData, followUpMeeting: MeetingData): void {
  holdEvaluationMeeting(env, october, year);
  const cases: LaterVoteCase[] = [];
  for (const ev of year.evaluations) {
    const ended = rectify(env, year, ev.id, { reportEarly: env.dice.between(3, 20), followUp: true });
    if (!ended || ended > followUpMeeting.meeting.date) throw new Error(`demo history: 回头看 of ${year.year} not done before ${followUpMeeting.meeting.date}`);
    cases.push({ year, evaluationId: ev.id });
  }
  holdLaterVotes(env, followUpMeeting, [{ kind: 'followUp', cases }]);
  deriveYearStages(year, [october, followUpMeeting]);
}
