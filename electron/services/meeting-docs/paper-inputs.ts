import type { BodyParagraph } from '../documents/model';
import type { DeliveryReceiptInput } from '../documents/builders/delivery-receipt';
import type { MinutesEvaluatee, MinutesInput } from '../documents/builders/minutes';
import type { ResearchReportInput } from '../documents/builders/research-report';
import type { SignInInput } from '../documents/builders/sign-in';
import { personPost } from '../../../shared/domain/people';
import type { Evaluatee } from '../../../shared/domain/evaluatees';
import { isHeard } from '../../../shared/domain/meetings';
import { RECORD_ORIGIN_LABELS } from '../../../shared/domain/questioning';
import { opinionTitleText, type OpinionVersion } from '../../../shared/domain/opinions';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import type { QuestionRecord } from '../../../shared/domain/questioning';
import { researchTitleText, type ResearchContent } from '../../../shared/domain/research';
import { activityPhrases } from '../../../shared/domain/research-compose';
import type { ResearchActivity, ResearchGroup } from '../../../shared/domain/research-records';
import { formatDateCn } from '../../../shared/format/dates';
import { activeMembers, positionOf } from './round-docs';

/**
 * The meeting papers and forms that are not vote rounds, as the generator's inputs: 签到表, 会议记录
 * of the questioning, 送达回证 of an issued opinion, 调研报告. Pure: the handlers read the store.
 */

/** 签到表: the active members in roster order with their role, then the 列席人员 named from the 人员库. */
export function signInInput(core: Readonly<CoreData>, data: Readonly<MeetingData>): SignInInput {
  return {
    meetingName: data.meeting.name,
    date: data.meeting.date,
    ...(data.meeting.place.trim() ? { place: data.meeting.place.trim() } : {}),
    members: activeMembers(core).map((m) => ({ name: m.name, post: m.role })),
    attendees: (data.attendees ?? []).flatMap((id) => {
      const p = core.people.find((x) => x.id === id);
      return p ? [{ name: p.name, post: personPost(p) }] : [];
    }),
  };
}

/** 应到30人，实到28人 from the roll call, when it was taken. */
function attendanceText(core: Readonly<CoreData>, data: Readonly<MeetingData>): string | undefined {
  const members = activeMembers(core);
  const present = members.filter((m) => data.attendance.members[m.id] === 'present').length;
  if (present === 0) return undefined;
  const extra = [data.attendance.deputies > 0 ? `列席代表${data.attendance.deputies}人` : '', data.attendance.citizens > 0 ? `列席群众${data.attendance.citizens}人` : '']
    .filter(Boolean)
    .join('，');
  return `常委会组成人员应到${members.length}人，实到${present}人${extra ? `；${extra}` : ''}`;
}

/** 3分10秒, 45秒, 2分 — whole seconds, as a secretary writes them. */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const min = Math.floor(total / 60);
  const sec = total % 60;
  if (min === 0) return `${sec}秒`;
  return sec === 0 ? `${min}分` : `${min}分${sec}秒`;
}

/** Time a timer ran: its stopped total, plus the running stretch up to when the question was finished. */
function timerMs(t: Readonly<QuestionRecord['answerTimer']>, finishedAt: string | undefined): number | null {
  if (!t.started) return null;
  const end = finishedAt ? Date.parse(finishedAt) : Number.NaN;
  const running = t.runningSince !== null && Number.isFinite(end) ? Math.max(0, end - t.runningSince) : 0;
  return t.elapsedBeforeMs + running;
}

/** 答复3分10秒，追问1分 from the answer and follow-up timers the console ran (nothing if neither ran). */
export function timingOf(r: Readonly<QuestionRecord>): { timing?: string } {
  const parts: string[] = [];
  const answer = timerMs(r.answerTimer, r.finishedAt);
  const follow = timerMs(r.followUpTimer, r.finishedAt);
  if (answer !== null && answer >= 1000) parts.push(`答复${durationText(answer)}`);
  if (follow !== null && follow >= 1000) parts.push(`追问${durationText(follow)}`);
  return parts.length > 0 ? { timing: parts.join('，') } : {};
}

/**
 * 会议记录 of the questioning: every evaluatee heard in person, in agenda order, with each question
 * asked (cancelled draws are not minutes), who asked it and the secretary's notes on the answer.
 */
export function minutesInput(core: Readonly<CoreData>, data: Readonly<MeetingData>): MinutesInput {
  const records = data.questioning.records.filter((r) => r.status !== 'cancelled').sort((a, b) => a.drawnAt.localeCompare(b.drawnAt));
  // Where members both volunteered and were drawn, each question says which (自由提问 / 随机抽取).
  const mixed = records.some((r) => r.origin === 'volunteer');
  // Reports and hearings of a rectification alike: whoever the meeting heard in person is in the minutes.
  const items = data.meeting.agenda.filter(isHeard);
  const heard = items.map((i) => i.evaluateeId);
  // Someone questioned without a report item (moved off the agenda later) still has minutes.
  for (const r of records) if (!heard.includes(r.evaluateeId)) heard.push(r.evaluateeId);
  const evaluatees: MinutesEvaluatee[] = heard.flatMap((id) => {
    const mine = records.filter((r) => r.evaluateeId === id);
    const item = items.find((i) => i.evaluateeId === id);
    if (item?.mode === 'written' && mine.length === 0) return [];
    return [
      {
        ...positionOf(core, id),
        questions: mine.map((r) => ({
          askedBy: `${r.memberName}${r.memberRole}`,
          question: r.questionText.trim() || r.topic.trim() || '（未记录问题内容）',
          answer: r.notes.trim() || '（未记录）',
          ...(mixed ? { origin: RECORD_ORIGIN_LABELS[r.origin ?? 'draw'] } : {}),
          ...timingOf(r),
        })),
      },
    ];
  });
  const attendees = attendanceText(core, data);
  const chair = core.members.find((m) => m.id === data.meeting.presidingMemberId);
  const recorder = data.meeting.recorder.trim();
  return {
    meetingName: data.meeting.name,
    date: data.meeting.date,
    ...(data.meeting.place.trim() ? { place: data.meeting.place.trim() } : {}),
    ...(chair ? { chair: `${chair.name}${chair.role}` } : {}),
    ...(attendees ? { attendees } : {}),
    ...(recorder ? { recorder } : {}),
    evaluatees,
  };
}

export function hasMinutes(data: Readonly<MeetingData>): boolean {
  return data.questioning.records.some((r) => r.status !== 'cancelled');
}

/** The 送达回证 file's name, the same from 会议文件 and from the batch export. */
export function receiptFileName(evaluatee: Pick<Evaluatee, 'name'>): string {
  return `${opinionTitleText(evaluatee.name)}送达回证.docx`;
}

/** 送达回证 of an issued opinion version. */
export function receiptInput(core: Readonly<CoreData>, evaluatee: Evaluatee, version: OpinionVersion): DeliveryReceiptInput {
  if (!version.issue) throw new Error('only an issued version has a receipt');
  const who = positionOf(core, evaluatee.id);
  return {
    organ: core.settings.organisation.fullName,
    documentTitle: opinionTitleText(evaluatee.name),
    docNumber: version.issue.docNumber,
    recipient: `${evaluatee.name}（${who.position}）`,
    issueDate: version.issue.issueDate,
    ...(version.delivery ? { note: `已于${formatDateCn(version.delivery.date)}由${version.delivery.receivedBy}签收` } : {}),
  };
}

/**
 * A paragraph of a section as printed: one the office started with （一） is a 楷体 heading, with 1. a
 * numbered item; everything else body text.
 */
export function researchParagraph(text: string): BodyParagraph {
  const t = text.trim();
  if (/^（[一二三四五六七八九十]{1,3}）/.test(t)) return { level: 2, text: t };
  if (/^\d{1,2}[.．](?!\d)/.test(t)) return { level: 3, text: t };
  if (/^（\d{1,2}）/.test(t)) return { level: 4, text: t };
  return { level: 0, text: t };
}

const section = (list: readonly string[]): BodyParagraph[] => list.filter((p) => p.trim() !== '').map(researchParagraph);

/** 调研报告: the group and activities of the records, the text as entered (built from the records, then edited). */
export function researchInput(
  core: Readonly<CoreData>,
  evaluatee: Evaluatee,
  content: ResearchContent,
  records: { group: Readonly<ResearchGroup> | undefined; activities: readonly ResearchActivity[] },
  today: string,
): ResearchReportInput {
  const who = positionOf(core, evaluatee.id);
  const { group } = records;
  return {
    title: researchTitleText(evaluatee.name),
    subject: `${evaluatee.name}同志（${who.position}）`,
    ...(group?.name.trim() ? { groupName: group.name.trim() } : {}),
    members: (group?.members ?? []).map((g) => ({ role: g.role, name: g.name, post: g.post })),
    ...(group?.from && group.to ? { period: { from: group.from, to: group.to } } : {}),
    methodPhrases: [...activityPhrases(records.activities), ...otherMethodsOf(content)],
    basicSituation: section(content.sections.basicSituation),
    achievements: section(content.sections.achievements),
    problems: section(content.sections.problems),
    suggestions: section(content.sections.suggestions),
    date: content.date ?? group?.to ?? today,
  };
}

/** 其他调研方式 typed on the report, one phrase each. */
export function otherMethodsOf(content: Pick<ResearchContent, 'otherMethods'>): string[] {
  return content.otherMethods
    .split(/[；;。]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
