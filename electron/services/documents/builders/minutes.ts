import { chineseNumeral } from '../../../../shared/format/chinese-numerals';
import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, OfficialDocInput } from '../model';

/**
 * 会议记录 of the questioning (询问): a meeting paper, not a 公文 — title, the meeting's particulars, then per
 * evaluatee each question with who asked it and the notes on the answer.
 */

export interface MinutesQuestion {
  /** Who asked: 李四委员. */
  askedBy: string;
  question: string;
  /** Notes on the answer. */
  answer: string;
  followUps?: { askedBy?: string; question: string; answer?: string }[];
  /** Time taken, printed after who asked: 答复3分10秒，追问1分. */
  timing?: string;
  /** How the questioner came to ask (随机抽取 / 自由提问), printed before the time where a meeting had both. */
  origin?: string;
}

export interface MinutesEvaluatee {
  name: string;
  /** 单位及职务. */
  position: string;
  questions: MinutesQuestion[];
}

export interface MinutesInput {
  /** 县第十九届人大常委会第二十三次会议. */
  meetingName: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** Defaults to 「{meetingName}询问记录」. */
  title?: string;
  place?: string;
  /** 主持人: 王某某主任; a blank to fill by hand when absent. */
  chair?: string;
  attendees?: string;
  /** 记录人; a blank to fill by hand when absent. */
  recorder?: string;
  evaluatees: MinutesEvaluatee[];
}

/** Room to write a name by hand. */
const NAME_BLANK = '　'.repeat(8);

/**
 * Notes as the secretary typed them, without a 问：/答： of their own: the minutes put one in front,
 * and "答：答：" would read as a typing error on paper.
 */
export function withoutSpeakerMark(text: string, mark: '问' | '答'): string {
  return text.trim().replace(new RegExp(`^${mark}\\s*[：:]\\s*`, 'u'), '');
}

export function buildMinutesDocument(input: MinutesInput): OfficialDocInput {
  const body: BodyBlock[] = [];
  const particulars: [string, string | undefined, boolean][] = [
    ['会议', input.meetingName, false],
    ['时间', formatDateCn(input.date), false],
    ['地点', input.place, false],
    ['主持人', input.chair, true],
    ['出席', input.attendees, false],
    ['记录人', input.recorder, true],
  ];
  for (const [label, value, always] of particulars) {
    if (value && value.trim() !== '') body.push({ text: `${label}：${value.trim()}`, flush: true });
    else if (always) body.push({ text: `${label}：${NAME_BLANK}`, flush: true });
  }
  input.evaluatees.forEach((person, i) => {
    body.push({ level: 1, text: `${chineseNumeral(i + 1)}、${person.name}（${person.position}）` });
    if (person.questions.length === 0) body.push({ text: '无询问。' });
    person.questions.forEach((q, j) => {
      const about = [q.origin, q.timing].filter(Boolean).join('，');
      body.push({ level: 2, text: `（${chineseNumeral(j + 1)}）${q.askedBy}提问${about ? `（${about}）` : ''}` });
      body.push({ text: `问：${withoutSpeakerMark(q.question, '问')}` });
      body.push({ text: `答：${withoutSpeakerMark(q.answer, '答')}` });
      for (const f of q.followUps ?? []) {
        body.push({ text: `${f.askedBy ? `${f.askedBy}追问` : '追问'}：${withoutSpeakerMark(f.question, '问')}` });
        if (f.answer) body.push({ text: `答：${withoutSpeakerMark(f.answer, '答')}` });
      }
    });
  });
  return {
    kind: 'meeting-paper',
    title: input.title ?? `${input.meetingName}询问记录`,
    body,
    properties: { title: input.title ?? `${input.meetingName}询问记录`, subject: '会议记录' },
  };
}
