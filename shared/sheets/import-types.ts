import type { ImportKind } from './import-kinds';

/** A problem of one cell (or of the row, column ''), as the preview lists it. */
export interface ImportIssue {
  row: number;
  column: string;
  message: string;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'invalid';

export const ROW_STATUS_LABELS: Record<RowStatus, string> = { new: '新增', changed: '修改', unchanged: '无变化', invalid: '有错误' };

export interface PreviewRow {
  row: number;
  status: RowStatus;
  /** The row's cells under the columns the preview shows, as text. */
  values: string[];
  issues: ImportIssue[];
  changes: FieldChange[];
  /** How it matched a record on file: by its 编号, or by name (and unit). */
  matchedBy?: '编号' | '姓名和单位' | '姓名';
}

export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  sheetName: string;
  /** The row holding the headers (1 = first row of the sheet). */
  headerRow: number;
  columns: string[];
  /** Headers of the sheet this import does not read (shown, never an error). */
  ignoredColumns: string[];
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  /** The plan is written one year at a time (one partition, one atomic write): the year this file writes. */
  planYear?: number;
}

export interface ImportCommitResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not written (only when the valid rows were imported). */
  skipped: number;
}
