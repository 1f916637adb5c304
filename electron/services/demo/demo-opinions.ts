/** The demo history's papers after an October meeting's vote: the 通报, the opinions issued and delivered, their ledger, results use. */
import { addDays, formatDateCn } from '../../../shared/format/dates';
import { formatDocNumber } from '../../../shared/format/doc-number';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { newId } from '../../../shared/domain/ids';
import { newOpinionId, type OpinionParagraph, type OpinionRecord } from '../../../shared/domain/opinions';
import type { MeetingData, YearData } from '../../../shared/domain/partitions';
import { DEFAULT_RESULT_RECIPIENTS, issuedItems, itemFullText, reportDue, type LedgerEntry } from '../../../shared/loop';
import { announcementTitle } from '../meeting-docs/announcement-input';
import { at, evaluateeOf, loopOf, unitName, type HistoryEnv } from './demo-history-env';
import { PROBLEMS, STRENGTHS, SUGGESTIONS, kindOf } from './demo-texts';

function paragraphs(level: 0 | 2, texts: readonly string[]): OpinionParagraph[] {
  return texts.map((text) => ({ level, text }));
}

/**
 * After the October meeting's vote (`meeting` closed, each evaluation's voteResult set): the 通报 and
 * the opinions issued and delivered, with their ledger entries and the results-use register.
 */
export function issueOpinions(env: HistoryEnv, meeting: MeetingData, year: YearData, evaluations: readonly Evaluation[], itemsFor?: (ev: Evaluation) => number): void {
  const { meeting: m } = meeting;
  const day = m.date;
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
    const record = opinionFor(env, ev, m.name, day, { council, issued, delivered, docNumber }, itemsFor?.(ev));
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
