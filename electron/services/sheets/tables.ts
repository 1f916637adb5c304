import { EVALUATEE_CATEGORIES } from '../../../shared/domain/evaluatees';
import { REPORT_MODE_LABELS, type Evaluation } from '../../../shared/domain/evaluations';
import { sortMembers, sortPeople, UNIT_KIND_LABELS } from '../../../shared/domain/people';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import type { VoteRound } from '../../../shared/domain/vote-round';
import { formatDateCn } from '../../../shared/format/dates';
import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/sheets/import-kinds';
import type { ImportPreview } from '../../../shared/sheets/import-types';
import type { ResultGroupInput } from '../documents/builders/announcement';
import type { LedgerTableInput } from '../documents/builders/loop-registers';
import type { SheetTable, SheetValue } from './write-sheet';

/**
 * The tables the app writes as spreadsheets. The lists use the import's columns (编号 first), so
 * an exported list edited in Excel imports back onto the same records. A new table (the
 * statistics, for one) is a function returning SheetTable[] here plus a case in `sheets.export`.
 */

const date = (iso: string | undefined | null) => (iso ? formatDateCn(iso) : '');
const yesNo = (b: boolean) => (b ? '是' : '否');

function columnsOf(kind: ImportKind) {
  return IMPORT_COLUMNS[kind].map((c) => ({ header: c.header, width: c.width }));
}

/** The template: the header row (required columns marked *) and a second sheet explaining each column. */
export function templateTables(kind: ImportKind): SheetTable[] {
  const specs = IMPORT_COLUMNS[kind];
  return [
    { name: IMPORT_KIND_LABELS[kind], columns: specs.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width })), rows: [] },
    {
      name: '填写说明',
      columns: [
        { header: '列名', width: 16 },
        { header: '是否必填', width: 10 },
        { header: '可填的值', width: 40 },
        { header: '示例', width: 18 },
      ],
      rows: specs.map((c) => [
        c.header,
        c.required ? '必填' : '',
        c.key === 'id' ? '留空表示新增；从本系统导出的名单带有编号，修改后导入按编号更新' : (c.values ?? []).join('、') || (/日期/.test(c.header) ? '2024-10-28、2024.10.28、2024/10/28 或 2024年10月28日' : ''),
        c.example,
      ]),
      notes: ['第一张工作表的第一行是表头；表头上方可以有标题行。被隐藏的行不导入。已有记录按编号匹配，没有编号时按姓名（和单位）匹配；表中没有的记录不会被删除。'],
    },
  ];
}

export function listTable(kind: Exclude<ImportKind, 'plan'>, core: Readonly<CoreData>): SheetTable {
  const title = `${core.settings.organisation.shortName || ''}${IMPORT_KIND_LABELS[kind]}${kind === 'members' ? '名单' : kind === 'registry' ? '' : '列表'}`;
  const units = new Map(core.units.map((u) => [u.id, u.name]));
  let rows: SheetValue[][];
  if (kind === 'members') {
    rows = sortMembers(core.members).map((m) => [m.id, m.name, m.role, m.gender ?? '', m.session ?? '', date(m.termStart), date(m.termEnd), m.rosterOrder, yesNo(m.active), m.note]);
  } else if (kind === 'units') {
    rows = core.units.map((u) => [u.id, u.name, UNIT_KIND_LABELS[u.kind], u.note]);
  } else if (kind === 'evaluatees') {
    const rank = (c: (typeof EVALUATEE_CATEGORIES)[number]) => EVALUATEE_CATEGORIES.indexOf(c);
    rows = [...core.evaluatees]
      .sort((a, b) => rank(a.category) - rank(b.category) || (units.get(a.unitId) ?? '').localeCompare(units.get(b.unitId) ?? '', 'zh-Hans-CN'))
      .map((e) => [e.id, e.name, e.gender ?? '', e.category, units.get(e.unitId) ?? '', e.position, date(e.appointmentDate), date(e.endedDate), e.endReason ?? '', e.note]);
  } else {
    rows = sortPeople(core.people).map((p) => [p.id, p.name, p.kind, p.organisation, p.field, p.contact, yesNo(p.active), p.note]);
  }
  return { name: IMPORT_KIND_LABELS[kind], title, columns: columnsOf(kind), rows };
}

/** The plan of the term: one row per planned evaluation, by year. */
export function planTable(core: Readonly<CoreData>, evaluations: readonly Evaluation[]): SheetTable {
  const { startYear, endYear } = core.settings.term;
  const people = new Map(core.evaluatees.map((e) => [e.id, e]));
  const units = new Map(core.units.map((u) => [u.id, u.name]));
  const rows = evaluations
    .filter((ev) => ev.year >= startYear && ev.year <= endYear)
    .map((ev) => ({ ev, e: people.get(ev.evaluateeId) }))
    .sort((a, b) => a.ev.year - b.ev.year || (a.e?.category ?? '').localeCompare(b.e?.category ?? '') || (a.e?.name ?? '').localeCompare(b.e?.name ?? '', 'zh-Hans-CN'))
    .map(({ ev, e }) => [ev.year, e?.name ?? '', e ? (units.get(e.unitId) ?? '') : '', REPORT_MODE_LABELS[ev.mode], e?.category ?? '', e?.position ?? '', date(e?.appointmentDate)]);
  return {
    name: '评议计划',
    title: `${core.settings.organisation.shortName || ''}${startYear}—${endYear}年工作评议计划`,
    columns: [...columnsOf('plan'), { header: '类别', width: 18 }, { header: '职务', width: 12 }, { header: '任职日期', width: 14 }],
    rows,
  };
}

/** One vote round: a table per voter group, with 应到/实到/发出/收回 and the rule in words under it. */
export function roundTables(data: Readonly<MeetingData>, round: Readonly<VoteRound>, title: string, groups: readonly ResultGroupInput[]): SheetTable[] {
  const labels = (round.result?.rule ?? round.rule).gradeLabels;
  const ruleText = (round.result?.rule ?? round.rule).text;
  return groups.map((g) => ({
    name: groups.length > 1 ? g.label : title,
    title: `${data.meeting.name}${title}结果${groups.length > 1 ? `（${g.label}）` : ''}`,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '单位及职务', width: 24 },
      { header: labels.satisfied, width: 8 },
      { header: labels.basic, width: 10 },
      { header: labels.unsatisfied, width: 8 },
      { header: '弃权', width: 6 },
      { header: '无效', width: 6 },
      { header: '有效票', width: 8 },
      { header: '满意率', width: 9 },
      { header: '测评等次', width: 10 },
    ],
    rows: g.rows.map((r, i) => [i + 1, r.name, r.position, r.satisfied, r.basic, r.unsatisfied, r.blank, r.invalid, r.valid, r.rateText, r.outcome]),
    notes: [
      `会议日期：${date(data.meeting.date)}。应到${g.entitled}人，实到${g.present}人，发出测评票${g.issued}张，收回${g.returned}张。`,
      `评定规则：${ruleText}`,
    ],
  }));
}

export function ledgerTable(input: LedgerTableInput): SheetTable {
  return {
    name: '整改台账',
    title: input.title,
    columns: [
      { header: '序号', width: 6 },
      { header: '意见和建议', width: 36 },
      { header: '整改措施', width: 30 },
      { header: '责任人', width: 10 },
      { header: '完成时限', width: 14 },
      { header: '进展情况', width: 36 },
      { header: '状态', width: 10 },
      { header: '回头看评价', width: 10 },
    ],
    rows: input.rows.map((r) => [r.itemNo, r.itemText, r.measures, r.responsible, date(r.dueDate), r.progress.map((p) => `${date(p.date)}：${p.text}`).join('\n'), r.status, r.verdict]),
    notes: [...(input.heading ?? []), ...(input.summary ? [input.summary] : [])],
  };
}

/** The rows an import refused, with the row number and every reason, to fix and import again. */
export function rejectsTable(preview: ImportPreview): SheetTable {
  const bad = preview.rows.filter((r) => r.status === 'invalid');
  return {
    name: '未导入的行',
    title: `${preview.fileName}中未通过检查的行`,
    columns: [{ header: '原表行号', width: 8 }, ...preview.columns.map((h) => ({ header: h, width: IMPORT_COLUMNS[preview.kind].find((c) => c.header === h)?.width ?? 12 })), { header: '问题', width: 48 }],
    rows: bad.map((r) => [r.row, ...r.values, r.issues.map((i) => (i.column ? `${i.column}：${i.message}` : i.message)).join('；')]),
  };
}
