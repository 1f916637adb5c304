import { EVALUATEE_CATEGORIES, END_REASONS } from '../domain/evaluatees';
import { GENDERS, MEMBER_ROLES, PERSON_KINDS, UNIT_KIND_LABELS, UNIT_KINDS } from '../domain/people';
import { REPORT_MODE_LABELS } from '../domain/evaluations';

/** What a spreadsheet can bring in, and the columns of each (the template's header row, in order). */
export const IMPORT_KINDS = ['members', 'units', 'evaluatees', 'registry', 'plan'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  members: '常委会组成人员',
  units: '单位',
  evaluatees: '被评议对象',
  registry: '人员库',
  plan: '评议计划',
};

export interface ColumnSpec {
  key: string;
  header: string;
  /** Other headers a sheet may carry for the same column (a roster kept for years is not renamed). */
  aliases?: readonly string[];
  required?: boolean;
  /** The allowed values, named in the template's second row and in the message of a wrong value. */
  values?: readonly string[];
  /** Column width in characters for the template and the exports. */
  width: number;
  /** What the template's example row shows. */
  example: string;
}

const ID = { key: 'id', header: '编号', aliases: ['ID', 'id', '系统编号'], width: 16, example: '' } as const;
const NOTE = { key: 'note', header: '备注', width: 24, example: '' } as const;

export const IMPORT_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  members: [
    ID,
    { key: 'name', header: '姓名', required: true, width: 10, example: '张三' },
    { key: 'role', header: '职务', required: true, values: MEMBER_ROLES, width: 10, example: '委员' },
    { key: 'gender', header: '性别', values: GENDERS, width: 6, example: '男' },
    { key: 'session', header: '届次', aliases: ['当选届次'], width: 6, example: '19' },
    { key: 'termStart', header: '任期开始日期', aliases: ['任期开始'], width: 14, example: '2026-01-10' },
    { key: 'termEnd', header: '任期结束日期', aliases: ['任期结束'], width: 14, example: '' },
    { key: 'rosterOrder', header: '名单顺序', aliases: ['序号', '顺序'], width: 8, example: '1' },
    { key: 'active', header: '在任', aliases: ['是否在任', '在任状态'], values: ['是', '否'], width: 6, example: '是' },
    NOTE,
  ],
  units: [
    ID,
    { key: 'name', header: '单位名称', aliases: ['单位', '名称'], required: true, width: 24, example: '县教育局' },
    { key: 'kind', header: '单位类别', aliases: ['类别'], required: true, values: UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]), width: 14, example: '政府组成部门' },
    NOTE,
  ],
  evaluatees: [
    ID,
    { key: 'name', header: '姓名', required: true, width: 10, example: '李四' },
    { key: 'gender', header: '性别', values: GENDERS, width: 6, example: '女' },
    { key: 'category', header: '类别', required: true, values: EVALUATEE_CATEGORIES, width: 18, example: '政府组成部门负责人' },
    { key: 'unit', header: '所在单位', aliases: ['单位', '单位名称', '工作单位'], required: true, width: 20, example: '县教育局' },
    { key: 'position', header: '职务', required: true, width: 12, example: '局长' },
    { key: 'appointmentDate', header: '任职日期', aliases: ['任职时间'], required: true, width: 14, example: '2024年10月28日' },
    { key: 'endedDate', header: '离任日期', width: 14, example: '' },
    { key: 'endReason', header: '离任原因', values: END_REASONS, width: 10, example: '' },
    NOTE,
  ],
  registry: [
    ID,
    { key: 'name', header: '姓名', required: true, width: 10, example: '王五' },
    { key: 'kind', header: '人员类别', aliases: ['类别'], required: true, values: PERSON_KINDS, width: 12, example: '人大代表' },
    { key: 'organisation', header: '工作单位', aliases: ['单位'], width: 20, example: '县第一中学' },
    { key: 'field', header: '职务或专业领域', aliases: ['职务', '专业领域'], width: 14, example: '教师' },
    { key: 'contact', header: '联系方式', aliases: ['电话', '联系电话'], width: 16, example: '' },
    { key: 'active', header: '在册', aliases: ['是否在册', '在册状态'], values: ['是', '否'], width: 6, example: '是' },
    NOTE,
  ],
  plan: [
    { key: 'year', header: '评议年度', aliases: ['年度'], required: true, width: 10, example: '2027' },
    { key: 'name', header: '姓名', required: true, width: 10, example: '李四' },
    { key: 'unit', header: '所在单位', aliases: ['单位', '单位名称'], required: true, width: 20, example: '县教育局' },
    { key: 'mode', header: '汇报方式', values: Object.values(REPORT_MODE_LABELS), width: 10, example: '到会汇报' },
  ],
};

/** A header as typed: spaces, line breaks, the required mark and notes in brackets do not count. */
export function headerKey(text: string): string {
  return text
    .replace(/[\s\u3000*＊]/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .toLowerCase();
}

/** The column key a header names, or undefined when the header is not one of the kind's. */
export function columnOf(kind: ImportKind, header: string): ColumnSpec | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  return IMPORT_COLUMNS[kind].find((c) => headerKey(c.header) === key || (c.aliases ?? []).some((a) => headerKey(a) === key));
}
