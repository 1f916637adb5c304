import type { z } from 'zod';
import { evaluateeSchema, isEnded, type Evaluatee } from '../domain/evaluatees';
import type { Evaluation } from '../domain/evaluations';
import { REPORT_MODE_LABELS, type ReportMode } from '../domain/evaluations';
import type { IdKind } from '../domain/ids';
import { memberSchema, personSchema, unitSchema, UNIT_KIND_LABELS, UNIT_KINDS, type Member, type Person, type Unit } from '../domain/people';
import { postKeyFor } from '../domain/post-key';
import { duplicateMember, duplicateMemberMessage, duplicatePerson, evaluateeConfirmations, nameKey } from '../domain/record-checks';
import { formatDateCn } from '../format/dates';
import { cellBool, cellDate, cellInt, cellText, type Cell, type SheetGrid } from './cells';
import { findLayout, type Layout } from './header';
import { IMPORT_COLUMNS, type ColumnSpec, type ImportKind } from './import-kinds';
import type { FieldChange, ImportIssue, ImportPreview, PreviewRow, RowStatus } from './import-types';

/**
 * From a sheet to a preview and the writes it implies, in one pure pass: the service runs it once
 * for the preview and again inside the store's update for the import, so what is written is what
 * the preview showed for the data as it stands at that moment. Nothing here writes.
 */

export interface ImportContext {
  members: readonly Member[];
  units: readonly Unit[];
  people: readonly Person[];
  evaluatees: readonly Evaluatee[];
  /** Every evaluation on record (the plan import checks the other years of the term). */
  evaluations: readonly Evaluation[];
  term: { startYear: number; endYear: number };
  today: string;
  newId: (kind: IdKind) => string;
}

export type ImportOp =
  | { row: number; target: 'members'; action: 'create' | 'update'; record: Member }
  | { row: number; target: 'units'; action: 'create' | 'update'; record: Unit }
  | { row: number; target: 'people'; action: 'create' | 'update'; record: Person }
  | { row: number; target: 'evaluatees'; action: 'create' | 'update'; record: Evaluatee }
  | { row: number; target: 'evaluations'; action: 'create' | 'update'; record: Evaluation };

export interface ImportPlan {
  preview: Omit<ImportPreview, 'fileName'>;
  ops: ImportOp[];
  /** A problem of the whole file (no header row found): nothing can be imported. */
  fileError?: string;
}

/** The field labels of the zod schemas' paths, for placing a schema message under its column. */
function issuesFromSchema(result: z.ZodSafeParseResult<unknown>, row: number, columnOfPath: (path: string) => string): ImportIssue[] {
  if (result.success) return [];
  return result.error.issues.map((i) => ({ row, column: columnOfPath(String(i.path[0] ?? '')), message: i.message }));
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const dateShown = (iso: string | undefined) => (iso ? formatDateCn(iso) : '');

interface RowReader {
  row: number;
  has(key: string): boolean;
  cell(key: string): Cell | undefined;
  text(key: string): string;
  issue(key: string, message: string): void;
  issues: ImportIssue[];
}

function readerFor(row: number, cells: Cell[], layout: Layout): RowReader {
  const byKey = new Map<string, { cell: Cell | undefined; spec: ColumnSpec }>();
  for (const [c, spec] of layout.columns) byKey.set(spec.key, { cell: cells[c], spec });
  const issues: ImportIssue[] = [];
  return {
    row,
    issues,
    has: (key) => byKey.has(key),
    cell: (key) => byKey.get(key)?.cell,
    text: (key) => cellText(byKey.get(key)?.cell),
    issue: (key, message) => issues.push({ row, column: byKey.get(key)?.spec.header ?? '', message }),
  };
}

/** A value from a list (职务, 类别 …): empty gives undefined, anything else must be one of the list. */
function pick<T extends string>(r: RowReader, key: string, header: string, values: readonly T[], labels?: Record<T, string>): T | undefined | null {
  const t = r.text(key);
  if (t === '') return undefined;
  const found = values.find((v) => v === t || labels?.[v] === t);
  if (found) return found;
  r.issue(key, `${header}“${t}”无效，应为${values.map((v) => labels?.[v] ?? v).join('、')}之一`);
  return null;
}

function optionalDate(r: RowReader, key: string, header: string): string | undefined | null {
  if (r.text(key) === '' && typeof r.cell(key) !== 'object') return undefined;
  const d = cellDate(r.cell(key), header);
  if (d.ok) return d.iso;
  r.issue(key, d.message);
  return null;
}

function optionalBool(r: RowReader, key: string, header: string): boolean | undefined | null {
  if (r.text(key) === '') return undefined;
  const b = cellBool(r.cell(key));
  if (b === null) r.issue(key, `${header}应填“是”或“否”，而不是“${r.text(key)}”`);
  return b;
}

/** Compares the shown fields of a record before and after, in the order of the columns. */
function changesOf(shown: [string, string, string][]): FieldChange[] {
  return shown.filter(([, before, after]) => before !== after).map(([field, before, after]) => ({ field, before, after }));
}

interface Built {
  status: Exclude<RowStatus, 'invalid'>;
  changes: FieldChange[];
  op?: ImportOp;
  matchedBy?: PreviewRow['matchedBy'];
  /** What makes two rows of the sheet the same record. */
  key: string;
  keyWords: string;
}

type Working = {
  members: Member[];
  units: Unit[];
  people: Person[];
  evaluatees: Evaluatee[];
  evaluations: Evaluation[];
};

function byIdOrNull<T extends { id: string }>(r: RowReader, list: readonly T[]): T | undefined | null {
  const id = r.text('id');
  if (id === '') return undefined;
  const found = list.find((x) => x.id === id);
  if (!found) r.issue('id', `编号“${id}”在系统中不存在（新增的记录请把编号留空）`);
  return found ?? null;
}

function statusOf(before: unknown, changes: FieldChange[]): Built['status'] {
  return before === undefined ? 'new' : changes.length ? 'changed' : 'unchanged';
}

function buildMember(r: RowReader, ctx: ImportContext, w: Working): Built | null {
  const byId = byIdOrNull(r, w.members);
  if (byId === null) return null;
  const name = r.text('name');
  const sameName = w.members.filter((m) => nameKey(m.name) === nameKey(name));
  const before = byId ?? sameName.find((m) => m.active) ?? sameName[0];
  const role = pick(r, 'role', '职务', ['主任', '副主任', '委员'] as const);
  const gender = pick(r, 'gender', '性别', ['男', '女'] as const);
  const session = r.text('session') === '' ? undefined : cellInt(r.cell('session'));
  if (session === null) r.issue('session', `届次应为数字，而不是“${r.text('session')}”`);
  const termStart = optionalDate(r, 'termStart', '任期开始日期');
  const termEnd = optionalDate(r, 'termEnd', '任期结束日期');
  const order = r.text('rosterOrder') === '' ? undefined : cellInt(r.cell('rosterOrder'));
  if (order === null) r.issue('rosterOrder', `名单顺序应为数字，而不是“${r.text('rosterOrder')}”`);
  const active = optionalBool(r, 'active', '在任');
  if (r.issues.length) return null;
  const keep = <K extends keyof Member>(k: K, v: Member[K] | undefined, has: boolean): Member[K] | undefined => (has ? v : before?.[k]);
  const draft = {
    id: before?.id ?? ctx.newId('mb'),
    name,
    role: role ?? before?.role,
    gender: keep('gender', gender ?? undefined, r.has('gender')),
    session: keep('session', session ?? undefined, r.has('session')),
    termStart: keep('termStart', termStart ?? undefined, r.has('termStart')),
    termEnd: keep('termEnd', termEnd ?? undefined, r.has('termEnd')),
    rosterOrder: order ?? before?.rosterOrder ?? Math.max(0, ...w.members.map((m) => m.rosterOrder)) + 1,
    active: active ?? before?.active ?? true,
    note: r.has('note') ? r.text('note') : (before?.note ?? ''),
  };
  const parsed = memberSchema.safeParse(draft);
  const cols: Record<string, string> = { name: 'name', role: 'role', termEnd: 'termEnd', rosterOrder: 'rosterOrder', note: 'note' };
  for (const i of issuesFromSchema(parsed, r.row, (p) => p)) r.issue(cols[i.column] ?? i.column, i.message);
  if (!parsed.success) return null;
  const m = parsed.data;
  const twin = duplicateMember(m, w.members, before);
  if (twin) r.issue('name', duplicateMemberMessage(twin));
  if (r.issues.length) return null;
  const show = (x: Member | undefined): string[] => [x?.name ?? '', x?.role ?? '', x?.gender ?? '', x?.session ? String(x.session) : '', dateShown(x?.termStart), dateShown(x?.termEnd), x ? String(x.rosterOrder) : '', x ? yesNo(x.active) : '', x?.note ?? ''];
  const labels = ['姓名', '职务', '性别', '届次', '任期开始日期', '任期结束日期', '名单顺序', '在任', '备注'];
  const changes = before ? changesOf(labels.map((l, i) => [l, show(before)[i]!, show(m)[i]!])) : [];
  return { status: statusOf(before, changes), changes, ...(before ? { matchedBy: byId ? '编号' : '姓名' } : {}), ...(before && changes.length === 0 ? {} : { op: { row: r.row, target: 'members', action: before ? 'update' : 'create', record: m } }), key: byId?.id ?? nameKey(name), keyWords: '姓名相同' };
}

function buildUnit(r: RowReader, ctx: ImportContext, w: Working): Built | null {
  const byId = byIdOrNull(r, w.units);
  if (byId === null) return null;
  const name = r.text('name');
  const before = byId ?? w.units.find((u) => nameKey(u.name) === nameKey(name));
  const kind = pick(r, 'kind', '单位类别', UNIT_KINDS, UNIT_KIND_LABELS);
  if (r.issues.length) return null;
  const parsed = unitSchema.safeParse({ id: before?.id ?? ctx.newId('un'), name, kind: kind ?? before?.kind, note: r.has('note') ? r.text('note') : (before?.note ?? '') });
  for (const i of issuesFromSchema(parsed, r.row, (p) => p)) r.issue(i.column, i.message);
  if (!parsed.success) return null;
  const u = parsed.data;
  const show = (x: Unit | undefined) => [x?.name ?? '', x ? UNIT_KIND_LABELS[x.kind] : '', x?.note ?? ''];
  const changes = before ? changesOf(['单位名称', '单位类别', '备注'].map((l, i) => [l, show(before)[i]!, show(u)[i]!])) : [];
  return { status: statusOf(before, changes), changes, ...(before ? { matchedBy: byId ? '编号' : '姓名和单位' } : {}), ...(before && !changes.length ? {} : { op: { row: r.row, target: 'units', action: before ? 'update' : 'create', record: u } }), key: byId?.id ?? nameKey(name), keyWords: '单位名称相同' };
}

function buildPerson(r: RowReader, ctx: ImportContext, w: Working): Built | null {
  const byId = byIdOrNull(r, w.people);
  if (byId === null) return null;
  const name = r.text('name');
  const org = r.text('organisation');
  const named = w.people.filter((p) => nameKey(p.name) === nameKey(name));
  const before = byId ?? named.find((p) => nameKey(p.organisation) === nameKey(org)) ?? (named.length === 1 && !r.has('organisation') ? named[0] : undefined);
  const kind = pick(r, 'kind', '人员类别', ['人大代表', '专委会负责人', '专家', '其他'] as const);
  const active = optionalBool(r, 'active', '在册');
  if (r.issues.length) return null;
  const text = (k: 'organisation' | 'field' | 'contact' | 'note') => (r.has(k) ? r.text(k) : (before?.[k] ?? ''));
  const parsed = personSchema.safeParse({ id: before?.id ?? ctx.newId('ps'), name, kind: kind ?? before?.kind, organisation: text('organisation'), field: text('field'), contact: text('contact'), active: active ?? before?.active ?? true, note: text('note') });
  for (const i of issuesFromSchema(parsed, r.row, (p) => p)) r.issue(i.column, i.message);
  if (!parsed.success) return null;
  const p = parsed.data;
  const twin = duplicatePerson(p, w.people, w.members, before);
  if (twin) r.issue('name', twin);
  if (r.issues.length) return null;
  const show = (x: Person | undefined) => [x?.name ?? '', x?.kind ?? '', x?.organisation ?? '', x?.field ?? '', x?.contact ?? '', x ? yesNo(x.active) : '', x?.note ?? ''];
  const changes = before ? changesOf(['姓名', '人员类别', '工作单位', '职务或专业领域', '联系方式', '在册', '备注'].map((l, i) => [l, show(before)[i]!, show(p)[i]!])) : [];
  return { status: statusOf(before, changes), changes, ...(before ? { matchedBy: byId ? '编号' : '姓名和单位' } : {}), ...(before && !changes.length ? {} : { op: { row: r.row, target: 'people', action: before ? 'update' : 'create', record: p } }), key: byId?.id ?? `${nameKey(name)}|${nameKey(p.organisation)}`, keyWords: '姓名和工作单位相同' };
}

function unitByName(r: RowReader, w: Working): Unit | undefined {
  const unitName = r.text('unit');
  if (unitName === '') return undefined;
  const unit = w.units.find((u) => nameKey(u.name) === nameKey(unitName));
  if (!unit) r.issue('unit', `单位“${unitName}”不在单位列表中：请先在“单位”中新增或导入该单位`);
  return unit;
}

function buildEvaluatee(r: RowReader, ctx: ImportContext, w: Working): Built | null {
  const byId = byIdOrNull(r, w.evaluatees);
  if (byId === null) return null;
  const unit = unitByName(r, w);
  const name = r.text('name');
  const gender = pick(r, 'gender', '性别', ['男', '女'] as const);
  const category = pick(r, 'category', '类别', ['政府组成部门负责人', '员额法官', '员额检察官', '其他'] as const);
  const appointmentDate = optionalDate(r, 'appointmentDate', '任职日期');
  const endedDate = optionalDate(r, 'endedDate', '离任日期');
  const endReason = pick(r, 'endReason', '离任原因', ['免职', '调任', '退休', '辞职', '其他'] as const);
  if (r.issues.length || !unit) return null;
  const same = w.evaluatees.filter((e) => e.unitId === unit.id && nameKey(e.name) === nameKey(name));
  const before = byId ?? same.find((e) => !isEnded(e)) ?? same[0];
  const position = r.text('position') || before?.position || '';
  const cat = category ?? before?.category;
  const postKey = cat ? postKeyFor({ category: cat, unitId: unit.id, position }, w.evaluatees, before) : '';
  const keep = <K extends keyof Evaluatee>(k: K, v: Evaluatee[K] | undefined): Evaluatee[K] | undefined => (r.has(k as string) ? v : before?.[k]);
  const draft = {
    ...before,
    id: before?.id ?? ctx.newId('ee'),
    name,
    gender: keep('gender', gender ?? undefined),
    category: cat,
    unitId: unit.id,
    position,
    postKey,
    appointmentDate: appointmentDate ?? before?.appointmentDate,
    endedDate: keep('endedDate', endedDate ?? undefined),
    endReason: keep('endReason', endReason ?? undefined),
    note: r.has('note') ? r.text('note') : (before?.note ?? ''),
  };
  const parsed = evaluateeSchema.safeParse(draft);
  for (const i of issuesFromSchema(parsed, r.row, (p) => p)) r.issue(i.column === 'unitId' ? 'unit' : i.column, i.message);
  if (!parsed.success) return null;
  const e = parsed.data;
  for (const message of evaluateeConfirmations(e, w.evaluatees, unit.name, ctx.today, before)) r.issue(message.startsWith('任职日期') ? 'appointmentDate' : 'position', message);
  if (r.issues.length) return null;
  const unitName = (x: Evaluatee) => w.units.find((u) => u.id === x.unitId)?.name ?? '';
  const show = (x: Evaluatee | undefined) => [x?.name ?? '', x?.gender ?? '', x?.category ?? '', x ? unitName(x) : '', x?.position ?? '', dateShown(x?.appointmentDate), dateShown(x?.endedDate), x?.endReason ?? '', x?.note ?? ''];
  const changes = before ? changesOf(['姓名', '性别', '类别', '所在单位', '职务', '任职日期', '离任日期', '离任原因', '备注'].map((l, i) => [l, show(before)[i]!, show(e)[i]!])) : [];
  return { status: statusOf(before, changes), changes, ...(before ? { matchedBy: byId ? '编号' : '姓名和单位' } : {}), ...(before && !changes.length ? {} : { op: { row: r.row, target: 'evaluatees', action: before ? 'update' : 'create', record: e } }), key: byId?.id ?? `${nameKey(name)}|${unit.id}`, keyWords: '姓名和所在单位相同' };
}

function buildPlanEntry(r: RowReader, ctx: ImportContext, w: Working, planYear: { year?: number }): Built | null {
  const year = cellInt(r.cell('year')) ?? Number(/^(\d{4})年?(度)?$/.exec(r.text('year'))?.[1] ?? NaN);
  const unit = unitByName(r, w);
  const mode = pick(r, 'mode', '汇报方式', ['report', 'written'] as const, REPORT_MODE_LABELS);
  const { startYear, endYear } = ctx.term;
  if (!Number.isInteger(year)) r.issue('year', `评议年度应为四位数的年份，如${startYear}`);
  else if (year < startYear || year > endYear) r.issue('year', `评议年度${year}不在本届计划期${startYear}—${endYear}年之内`);
  if (r.issues.length || !unit) return null;
  const name = r.text('name');
  const holders = w.evaluatees.filter((e) => e.unitId === unit.id && nameKey(e.name) === nameKey(name));
  const e = holders.find((x) => !isEnded(x)) ?? holders[0];
  if (!e) {
    r.issue('name', `${unit.name}没有名为“${name}”的被评议对象：请先新增或导入被评议对象`);
    return null;
  }
  if (Number(e.appointmentDate.slice(0, 4)) > year) r.issue('year', `${e.name}于${e.appointmentDate.slice(0, 4)}年任职，不能列入${year}年计划`);
  if (e.endedDate && Number(e.endedDate.slice(0, 4)) < year) r.issue('year', `${e.name}已于${formatDateCn(e.endedDate)}离任，不能列入${year}年计划`);
  const elsewhere = w.evaluations.find((ev) => ev.evaluateeId === e.id && ev.year !== year && ev.year >= startYear && ev.year <= endYear);
  if (elsewhere) r.issue('year', `${e.name}已列入${elsewhere.year}年计划，本届内每人评议一次`);
  if (r.issues.length) return null;
  const before = w.evaluations.find((ev) => ev.evaluateeId === e.id && ev.year === year);
  const wanted: ReportMode = mode ?? before?.mode ?? 'report';
  if (before && before.mode !== wanted && before.meetingId) {
    r.issue('mode', `${e.name}的评议已安排会议，汇报方式请在会议议程中修改`);
    return null;
  }
  const changes = before && before.mode !== wanted ? [{ field: '汇报方式', before: REPORT_MODE_LABELS[before.mode], after: REPORT_MODE_LABELS[wanted] }] : [];
  // One import writes one year (one partition, one atomic write); rows of other years already on the plan pass as 无变化.
  if (!before || changes.length) {
    if (planYear.year !== undefined && year !== planYear.year) {
      r.issue('year', `一次导入只写入一个年度的计划：本表写入${planYear.year}年（第一条需要写入的行），${year}年的新增或修改请另表导入`);
      return null;
    }
    planYear.year = year;
  }
  const record: Evaluation = before ? { ...before, mode: wanted } : { id: ctx.newId('ev'), evaluateeId: e.id, year, stage: 'planned', mode: wanted, note: '' };
  return { status: statusOf(before, changes), changes, ...(before ? { matchedBy: '姓名和单位' as const } : {}), ...(before && !changes.length ? {} : { op: { row: r.row, target: 'evaluations', action: before ? 'update' : 'create', record } }), key: e.id, keyWords: '是同一被评议对象' };
}

/** Adds a record the sheet creates or changes to the working lists, so later rows see it (duplicates, seats, roster order). */
function applyToWorking(w: Working, op: ImportOp): void {
  const list = w[op.target] as { id: string }[];
  const i = list.findIndex((x) => x.id === op.record.id);
  if (i >= 0) list[i] = op.record;
  else list.push(op.record);
}

export function planImport(kind: ImportKind, grid: SheetGrid, ctx: ImportContext): ImportPlan {
  const empty: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  const layout = findLayout(kind, grid);
  if (typeof layout === 'string') {
    return { preview: { kind, sheetName: grid.sheetName, headerRow: 0, columns: [], ignoredColumns: [], rows: [], counts: empty }, ops: [], fileError: layout };
  }
  const shownColumns = [...layout.columns.entries()].sort(([a], [b]) => a - b);
  const w: Working = { members: [...ctx.members], units: [...ctx.units], people: [...ctx.people], evaluatees: [...ctx.evaluatees], evaluations: [...ctx.evaluations] };
  const seen = new Map<string, number>();
  const planYear: { year?: number } = {};
  const rows: PreviewRow[] = [];
  const ops: ImportOp[] = [];
  for (const sheetRow of grid.rows.slice(layout.firstDataIndex)) {
    const values = shownColumns.map(([c]) => cellText(sheetRow.cells[c]));
    if (values.every((v) => v === '')) continue;
    const r = readerFor(sheetRow.row, sheetRow.cells, layout);
    const base = { row: sheetRow.row, values, changes: [] as FieldChange[] };
    if (sheetRow.hidden) {
      rows.push({ ...base, status: 'invalid', issues: [{ row: sheetRow.row, column: '', message: '该行在表格中被隐藏，未导入：如需导入，请在表格中取消隐藏后重新选择文件' }] });
      continue;
    }
    for (const spec of IMPORT_COLUMNS[kind]) if (spec.required && r.text(spec.key) === '' && typeof r.cell(spec.key) !== 'object') r.issue(spec.key, `${spec.header}不能为空`);
    let built: Built | null = null;
    if (r.issues.length === 0) {
      if (kind === 'members') built = buildMember(r, ctx, w);
      else if (kind === 'units') built = buildUnit(r, ctx, w);
      else if (kind === 'registry') built = buildPerson(r, ctx, w);
      else if (kind === 'evaluatees') built = buildEvaluatee(r, ctx, w);
      else built = buildPlanEntry(r, ctx, w, planYear);
    }
    if (built) {
      const first = seen.get(built.key);
      if (first !== undefined) {
        r.issue('', `与第${first}行重复（${built.keyWords}），重复的行未导入`);
        built = null;
      } else seen.set(built.key, sheetRow.row);
    }
    if (!built) {
      rows.push({ ...base, status: 'invalid', issues: r.issues });
      continue;
    }
    if (built.op) {
      ops.push(built.op);
      applyToWorking(w, built.op);
    }
    rows.push({ ...base, status: built.status, issues: [], changes: built.changes, ...(built.matchedBy ? { matchedBy: built.matchedBy } : {}) });
  }
  const counts = { ...empty };
  for (const row of rows) counts[row.status]++;
  return {
    preview: {
      kind,
      sheetName: grid.sheetName,
      headerRow: grid.rows[layout.headerIndex]!.row,
      columns: shownColumns.map(([, spec]) => spec.header),
      ignoredColumns: layout.ignored,
      rows,
      counts,
      ...(planYear.year !== undefined ? { planYear: planYear.year } : {}),
    },
    ops,
  };
}
