import { personPost } from '../../../shared/domain/people';
import { sortCriteria } from '../../../shared/domain/criteria';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { newId, type RandomSource } from '../../../shared/domain/ids';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import { newQuestioningId, TOPIC_MAX, type Question, type QuestionRecord } from '../../../shared/domain/questioning';
import { emptyResearch, type ResearchData } from '../../../shared/domain/research';
import { GROUP_EVALUATIONS_MAX, type Finding, type ResearchActivity, type ResearchGroup, type ResearchMember } from '../../../shared/domain/research-records';
import { addDays } from '../../../shared/format/dates';
import { newTimer } from '../../../shared/live/timer';
import { Dice, seededRandom } from './seeded-random';
import { kindOf, PROBLEMS, SUGGESTIONS } from './demo-texts';

/**
 * The research (事前调研) of every demo evaluation up to this year's, and the thread of
 * its findings: a group per department head and one batch group for the year's judges and
 * prosecutors; activities (听取报告, 座谈走访, 查阅资料, a questionnaire with its tallies per head,
 * 案件评查 with a 涉法涉诉信访重点案件 and 旁听庭审 for the batch); findings per evaluation. In the
 * earlier years the findings are what the issued opinion says (its 存在的问题 and an item of 意见和建议
 * name them, so their ledger entries and 回头看 verdicts follow), and the first finding of each head
 * heard in person was asked at the meeting as a volunteered question (自由提问) from the bank. This
 * year's evaluations get the same groups, activities and findings (as far as they are dated by
 * `today`), but no question in the bank: its meeting is not held yet.
 *
 * Its own seeded sequence, run after the rest of the county is built, so nothing drawn before
 * changes. Nothing is dated after `today`: a date still to come is left out.
 */

const RESEARCH_SEED = 0x7e5e_a2c4;
const MINUTE = 60_000;

export interface DemoResearchInput {
  core: CoreData;
  years: Record<number, YearData>;
  meetings: MeetingData[];
  today: string;
  currentYear: number;
  random?: RandomSource;
}

const QUESTIONNAIRE = [
  { text: '您对该部门依法履职情况的总体评价是？', options: ['满意', '基本满意', '不满意', '不了解'] },
  { text: '您到该部门办事，一般需要跑几次？', options: ['一次', '两次', '三次及以上'] },
  { text: '您认为该部门最需要改进的方面是？（可多选）', options: ['办事效率', '服务态度', '政策宣传', '依法行政'], multiple: true },
];

const CASE_FINDINGS = ['卷宗材料齐全，程序规范。', '审理期限偏长，未及时告知当事人进展。', '释法说理较为简单。'];

function stamp(day: string, minutes = 0): string {
  return `${day}T${String(2 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00.000Z`;
}

export function addDemoResearch(input: DemoResearchInput): void {
  const random = input.random ?? seededRandom(RESEARCH_SEED);
  const dice = new Dice(random);
  const { core, today } = input;
  const criteria = sortCriteria(core.criteria);
  const leaders = core.members.filter((m) => m.active && (m.role === '主任' || m.role === '副主任'));
  const others = core.members.filter((m) => m.active && m.role === '委员');
  const people = core.people ?? [];
  const dated = (day: string) => (day <= today ? day : undefined);
  const evaluateeOf = (ev: Evaluation) => core.evaluatees.find((e) => e.id === ev.evaluateeId)!;
  const unitName = (unitId: string) => core.units.find((u) => u.id === unitId)?.name ?? '';
  const meetingOf = (year: number, ev: Evaluation) =>
    input.meetings.find((m) => (ev.meetingId ? m.meeting.id === ev.meetingId : m.meeting.date.startsWith(`${year}-`) && m.meeting.agenda.some((a) => a.kind === 'report' && a.evaluateeId === ev.evaluateeId)));

  const group = (evaluationIds: string[], meetingDay: string): ResearchGroup => {
    const leader = dice.pick(leaders.length ? leaders : others);
    const members: ResearchMember[] = [
      { role: '组长', memberId: leader.id, name: leader.name, post: `县人大常委会${leader.role}` },
      ...dice.shuffle(others).slice(0, 2).map((m): ResearchMember => ({ role: '成员', memberId: m.id, name: m.name, post: '县人大常委会委员' })),
      ...dice.shuffle(people).slice(0, 2).map((p): ResearchMember => ({ role: '成员', personId: p.id, name: p.name, post: personPost(p) || '县人大代表' })),
    ];
    const from = dated(addDays(meetingDay, -45));
    const to = dated(addDays(meetingDay, -15));
    return {
      id: newId('rg', random),
      evaluationIds,
      name: '',
      members,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      reportMode: 'perEvaluation',
      createdAt: stamp(from ?? today),
      updatedAt: stamp(to ?? from ?? today),
    };
  };

  const base = (evaluationIds: string[], day: string, place: string, participants: string, notes: string) => {
    const date = dated(day);
    return { id: newId('ra', random), evaluationIds, ...(date ? { date } : {}), place, participants, notes, createdAt: stamp(date ?? today, 5), updatedAt: stamp(date ?? today, 5) };
  };

  const questionnaire = (ev: Evaluation, day: string, unit: string): ResearchActivity => {
    const issued = dice.between(80, 150);
    const returned = issued - dice.between(0, 12);
    const questions = QUESTIONNAIRE.map((q) => {
      // Single choice: the options share at most the sheets returned; multiple: each at most all of them.
      let left = returned - dice.between(0, 3);
      const options = q.options.map((text, i) => {
        const tally = q.multiple ? dice.between(Math.floor(returned / 5), returned) : i === q.options.length - 1 ? left : dice.between(0, left);
        if (!q.multiple) left -= tally;
        return { text, tally };
      });
      return { text: q.text, multiple: q.multiple ?? false, options };
    });
    return {
      ...base([ev.id], day, unit, '调研组全体成员', `向服务对象发放问卷${issued}份，回收${returned}份。`),
      kind: 'questionnaire',
      questionnaire: { title: `${unit}履职情况问卷调查`, intro: '请在您认同的选项前打“√”。', issued, returned, questions },
    };
  };

  const finding = (ev: Evaluation, text: string, suggestion: string, activityId: string | undefined, day: string, weight: 1 | 2 | 3): Finding => ({
    id: newId('fd', random),
    evaluationId: ev.id,
    text,
    ...(activityId ? { activityId } : {}),
    criterionId: dice.pick(criteria).id,
    weight,
    suggestion,
    createdAt: stamp(dated(day) ?? today, 10),
    updatedAt: stamp(dated(day) ?? today, 10),
  });

  for (const [yearText, year] of Object.entries(input.years)) {
    const y = Number(yearText);
    // Years after this one have no research yet; this year's is under way before its meeting.
    if (y > input.currentYear) continue;
    const research: ResearchData = year.research ?? emptyResearch();
    year.research = research;
    const meetingDay = (ev: Evaluation) => meetingOf(y, ev)?.meeting.date ?? `${y}-10-28`;
    const heads = year.evaluations.filter((ev) => kindOf(evaluateeOf(ev).category) === 'head');
    const legal = year.evaluations.filter((ev) => kindOf(evaluateeOf(ev).category) === 'legal');

    for (const ev of heads) {
      const day = meetingDay(ev);
      const e = evaluateeOf(ev);
      const unit = unitName(e.unitId);
      research.groups.push(group([ev.id], day));
      const briefing: ResearchActivity = { ...base([ev.id], addDays(day, -40), unit, `${e.name}及班子成员`, `听取${unit}关于${e.name}同志履职情况的报告。`), kind: 'briefing' };
      const forum: ResearchActivity = { ...base([ev.id], addDays(day, -33), `${unit}会议室`, '干部职工代表、服务对象代表12人', '召开座谈会，听取对被评议对象履职情况的意见。'), kind: 'forum' };
      const reading: ResearchActivity = { ...base([ev.id], addDays(day, -30), unit, '调研组成员', '查阅执法案卷、会议记录和制度文件。'), kind: 'reading', materials: '行政执法案卷20卷；党组会议记录；内部管理制度汇编' };
      const survey = questionnaire(ev, addDays(day, -25), unit);
      research.activities.push(briefing, forum, reading, survey);
      linkFindings(ev, y, [survey.id, forum.id], day);
    }

    // Judges and prosecutors are researched together in batches: one group per category of at most
    // GROUP_EVALUATIONS_MAX (a year of many written reports has more than one group can take).
    const batches = ['员额法官', '员额检察官', '其他'].flatMap((category) => {
      const of = legal.filter((ev) => evaluateeOf(ev).category === category);
      const out: Evaluation[][] = [];
      for (let i = 0; i < of.length; i += GROUP_EVALUATIONS_MAX) out.push(of.slice(i, i + GROUP_EVALUATIONS_MAX));
      return out;
    });
    for (const batch of batches) {
      const day = meetingDay(batch[0]!);
      const ids = batch.map((ev) => ev.id);
      research.groups.push(group(ids, day));
      const judicial = evaluateeOf(batch[0]!).category === '员额法官';
      const court = judicial ? '县人民法院' : '县人民检察院';
      const cases: ResearchActivity = {
        ...base(ids, addDays(day, -30), court, '调研组成员、特邀评查人员', '随机抽取已结案件卷宗进行评查，重点评查涉法涉诉信访案件。'),
        kind: 'caseReview',
        cases: [
          { number: `（${y}）青岚民初${dice.between(100, 999)}号`, category: '民事案件', finding: CASE_FINDINGS[0]! },
          { number: `（${y}）青岚刑初${dice.between(10, 199)}号`, category: '刑事案件', finding: CASE_FINDINGS[1]! },
          { number: `（${y - 1}）青岚民终${dice.between(10, 99)}号`, category: '涉法涉诉信访重点案件', finding: CASE_FINDINGS[2]! },
        ],
      };
      const briefing: ResearchActivity = { ...base(ids, addDays(day, -38), court, judicial ? '被评议的员额法官' : '被评议的员额检察官', '听取被评议对象的履职情况报告。'), kind: 'briefing' };
      const hearing: ResearchActivity[] = judicial
        ? [{ ...base([batch[0]!.id], addDays(day, -26), '县人民法院第一审判庭', '调研组成员', '旁听民事案件庭审一次。'), kind: 'hearing' }]
        : [];
      research.activities.push(briefing, cases, ...hearing);
      for (const ev of batch) linkFindings(ev, y, [cases.id, briefing.id], day);
    }

    function linkFindings(ev: Evaluation, yr: number, sources: string[], day: string): void {
      const kind = kindOf(evaluateeOf(ev).category);
      const record = year.opinions?.records.find((r) => r.evaluationId === ev.id);
      const found: Finding[] = [];
      if (record) {
        // What the issued opinion says is what the research found: its 存在的问题, paired with an item of 意见和建议.
        const content = record.versions[0]!.content;
        content.sections.problems.forEach((p, i) => {
          const item = content.sections.suggestions[i];
          const f = finding(ev, p.text, item?.text ?? '', sources[i % sources.length], addDays(day, -20), i === 0 ? 3 : 2);
          found.push(f);
          for (const v of record.versions) {
            const same = v.content.sections.problems[i];
            if (same && same.text === p.text) same.findingId = f.id;
            const s = v.content.sections.suggestions[i];
            if (item && s && s.text === item.text) s.findingId = f.id;
          }
        });
      } else {
        const texts = dice.shuffle(PROBLEMS[kind]).slice(0, 2);
        const suggestions = dice.shuffle(SUGGESTIONS[kind]);
        texts.forEach((t, i) => found.push(finding(ev, t, suggestions[i] ?? '', sources[i % sources.length], addDays(day, -20), i === 0 ? 3 : 1)));
      }
      research.findings.push(...found);
      if (ev.mode !== 'report' || found.length === 0) return;
      // This year's meeting is not held yet: its bank is the office's to prepare (the findings wait on 调研问题追溯).
      if (yr >= input.currentYear) return;
      const meeting = meetingOf(yr, ev);
      if (meeting && meeting.meeting.status === 'closed') askAtMeeting(meeting, ev, found[0]!);
    }
  }

  /** The first finding as a question of a held meeting's bank, asked there (自由提问, minuted). */
  function askAtMeeting(meeting: MeetingData, ev: Evaluation, f: Finding): void {
    const criterion = criteria.find((c) => c.id === f.criterionId)?.name ?? '';
    const question: Question = {
      id: newQuestioningId('qn', random),
      evaluateeId: ev.evaluateeId,
      topic: criterion && [...criterion].length <= TOPIC_MAX ? criterion : '调研发现',
      text: f.text,
      status: 'pending',
      source: { kind: 'research', ref: f.id, evaluationId: ev.id },
      createdAt: f.createdAt,
    };
    meeting.questioning.bank.push(question);
    const present = others.filter((m) => meeting.attendance.members[m.id] === 'present');
    const asker = present.length ? dice.pick(present) : undefined;
    if (!asker) return;
    const day = meeting.meeting.date;
    const startMs = Date.parse(stamp(day, 60 + meeting.questioning.records.length * 8));
    const id = newQuestioningId('qr', random);
    const answer = { ...newTimer(5 * MINUTE), elapsedBeforeMs: 4 * MINUTE, started: true };
    const record: QuestionRecord = {
      id,
      evaluateeId: ev.evaluateeId,
      origin: 'volunteer',
      drawId: id,
      memberId: asker.id,
      memberName: asker.name,
      memberRole: asker.role,
      questionId: question.id,
      findingId: f.id,
      topic: question.topic,
      questionText: question.text,
      notes: '答复：对调研组指出的问题照单全收，已制定整改措施，明确责任人和完成时限，逐项抓好落实。',
      answerTimer: answer,
      followUpTimer: newTimer(3 * MINUTE),
      activeTimer: 'answer',
      status: 'done',
      drawnAt: new Date(startMs).toISOString(),
      settleAt: startMs,
      finishedAt: new Date(startMs + 5 * MINUTE).toISOString(),
    };
    question.status = 'asked';
    question.recordId = id;
    meeting.questioning.records.push(record);
  }
}
