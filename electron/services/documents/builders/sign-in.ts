import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, OfficialDocInput } from '../model';
import { fieldLines, pageRows } from '../form-layout';
import { BODY_CHARACTER_SPACING, SIZE, TYPE_AREA } from '../geometry';
import { breakTitle } from '../title-lines';
/** 签到表 of a meeting: members in roster order, a tall row each to sign in. */

export interface SignInMemberInput {
  name: string;
  /** 职务, e.g. 县人大常委会委员 or 副主任. */
  post: string;
}

export interface SignInInput {
  meetingName: string;
  /** 'YYYY-MM-DD'. */
  date: string;
  place?: string;
  /** Defaults to 「{meetingName}签到表」. */
  title?: string;
  /** In roster order. */
  members: SignInMemberInput[];
  /** 列席人员 named in advance (人员库), signed in a section of their own after the members; post: 县第一中学教师（人大代表）. */
  attendees?: SignInMemberInput[];
}

/** 1.3 cm: room for a signature in a pen's natural size. */
const SIGN_ROW_HEIGHT = 740;

/**
 * 签到表 as a form: title, time and place, 序号 | 姓名 | 职务 | 签名 with tall rows (the header repeats on every
 * page), then the count lines the staff fill in.
 */
export function buildSignInDocument(input: SignInInput): OfficialDocInput {
  if (input.meetingName.trim() === '') throw new RangeError('签到表的会议名称不能为空');
  if (input.members.length === 0) throw new RangeError('签到表没有组成人员');
  input.members.forEach((m, i) => {
    if (m.name.trim() === '') throw new RangeError(`签到表第${i + 1}名人员的姓名为空`);
  });
  const title = input.title?.trim() || `${input.meetingName.trim()}\n签到表`;
  const when = fieldLines([`时间：${formatDateCn(input.date)}`, input.place?.trim() ? `地点：${input.place.trim()}` : ''], 'center');
  const closing: BodyBlock[] = [
    { text: `应到${input.members.length}人，实到＿＿＿人，请假＿＿＿人，缺席＿＿＿人。`, flush: true },
    { text: '请假人员：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿', flush: true },
  ];
  const rows = input.members.map((m, i) => [String(i + 1), m.name.trim(), { text: m.post.trim(), align: 'left' as const }, '']);
  // The rows spread evenly over the pages they need, one table a page under its header: no page of one row.
  const titleLines = breakTitle(title, { size: SIZE.erHao, spacing: BODY_CHARACTER_SPACING, width: TYPE_AREA.width }).length;
  const perPage = pageRows(rows.length, { rowHeight: SIGN_ROW_HEIGHT, headerHeight: SIGN_ROW_HEIGHT, linesBefore: titleLines + when.length, linesAfter: closing.length });
  const tables: BodyBlock[] = [];
  let from = 0;
  perPage.forEach((count, page) => {
    if (page > 0) tables.push({ type: 'page-break' });
    tables.push({
      type: 'table',
      table: { columns: [760, 1500, 3584, 3000], header: [['序号', '姓名', '职务', '签名']], rows: rows.slice(from, from + count), rowHeight: SIGN_ROW_HEIGHT },
    });
    from += count;
  });
  const attendees = (input.attendees ?? []).filter((a) => a.name.trim() !== '');
  const attendeeBlocks: BodyBlock[] =
    attendees.length === 0
      ? []
      : [
          { text: '列席人员', flush: true },
          {
            type: 'table',
            table: {
              columns: [760, 1500, 3584, 3000],
              header: [['序号', '姓名', '单位及职务', '签名']],
              rows: attendees.map((a, i) => [String(i + 1), a.name.trim(), { text: a.post.trim(), align: 'left' as const }, '']),
              rowHeight: SIGN_ROW_HEIGHT,
            },
          },
        ];
  const body: BodyBlock[] = [...when, ...tables, ...closing, ...attendeeBlocks];
  return {
    kind: 'form',
    title,
    body,
    properties: { title: `${input.meetingName.trim()}签到表`, subject: '签到表' },
  };
}
