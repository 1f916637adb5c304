import { cellText, type Cell, type SheetGrid } from './cells';
import { columnOf, IMPORT_COLUMNS, type ColumnSpec, type ImportKind } from './import-kinds';

/**
 * Where a sheet's header row is and which column is which. Offices' sheets carry a title row merged
 * above the header, headers merged over two columns with their parts in the row below, required
 * marks and notes in brackets; all of that is read here, once for the preview and the import.
 */

const HEADER_SCAN_ROWS = 15;

export interface Layout {
  headerIndex: number;
  firstDataIndex: number;
  /** Column index → spec, for the columns this import reads. */
  columns: Map<number, ColumnSpec>;
  ignored: string[];
}

function layoutAt(kind: ImportKind, grid: SheetGrid, i: number): Layout & { found: number; complete: boolean } {
  const required = IMPORT_COLUMNS[kind].filter((c) => c.required);
  const upper = grid.rows[i]!.cells.map(cellText);
  // A title merged across the columns repeats one text in every cell: never a header over parts.
  const title = new Set(upper.filter((t) => t !== '')).size <= 1;
  const lower = title ? [] : (grid.rows[i + 1]?.cells ?? []).map(cellText);
  const columns = new Map<number, ColumnSpec>();
  const taken = new Set<string>();
  let subHeader = false;
  const width = Math.max(upper.length, lower.length);
  for (let c = 0; c < width; c++) {
    const up = upper[c] ?? '';
    const low = lower[c] ?? '';
    // A header merged over two columns with the parts below it (任期 | 开始日期 · 结束日期).
    const combined = up !== '' && low !== '' && low !== up ? columnOf(kind, up + low) : undefined;
    const spec = combined ?? columnOf(kind, up) ?? (up === '' || up === upper[c - 1] ? columnOf(kind, low) : undefined);
    if (combined || (spec && !columnOf(kind, up))) subHeader = true;
    // A merged header repeats its text in every cell it covers: the first column takes it.
    if (spec && !taken.has(spec.key)) {
      taken.add(spec.key);
      columns.set(c, spec);
    }
  }
  const ignored = upper.filter((h, c) => h !== '' && !columns.has(c) && !columnOf(kind, h) && h !== upper[c - 1]);
  return {
    headerIndex: i,
    firstDataIndex: subHeader ? i + 2 : i + 1,
    columns,
    ignored,
    found: columns.size,
    complete: required.every((r) => taken.has(r.key)),
  };
}

/** The header row: of the first rows, the one naming the kind's required columns and the most others. */
export function findLayout(kind: ImportKind, grid: SheetGrid): Layout | string {
  const required = IMPORT_COLUMNS[kind].filter((c) => c.required);
  let best: ReturnType<typeof layoutAt> | null = null;
  let partial: ReturnType<typeof layoutAt> | null = null;
  for (let i = 0; i < Math.min(grid.rows.length, HEADER_SCAN_ROWS); i++) {
    const l = layoutAt(kind, grid, i);
    if (l.complete && (!best || l.found > best.found)) best = l;
    if (!l.complete && l.found > 0 && (!partial || l.found > partial.found)) partial = l;
  }
  if (best) return best;
  const needed = required.map((r) => `“${r.header}”`).join('、');
  if (grid.rows.length === 0) return '文件中没有数据（空文件或空工作表）。';
  if (partial) {
    const row = grid.rows[partial.headerIndex]!;
    const missing = required.filter((r) => !findIn(row.cells, kind, r)).map((r) => `“${r.header}”`);
    return `第${row.row}行的表头缺少必填列：${missing.join('、')}。请使用模板的表头（${needed}）。`;
  }
  return `在前${HEADER_SCAN_ROWS}行中没有找到表头：应有${needed}等列。请使用模板，或检查所选的是否为${kindWhat(kind)}表。`;
}

function findIn(cells: Cell[], kind: ImportKind, spec: ColumnSpec): boolean {
  return cells.some((c) => columnOf(kind, cellText(c))?.key === spec.key);
}

function kindWhat(kind: ImportKind): string {
  return { members: '组成人员名单', units: '单位', evaluatees: '被评议对象', registry: '人员库', plan: '评议计划' }[kind];
}

