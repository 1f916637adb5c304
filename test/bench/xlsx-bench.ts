import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../../electron/services/app-services';
import { silentLogger } from '../../electron/services/deps';
import { writeWorkbook } from '../../electron/services/sheets/write-sheet';
import { percentile, report } from './stats';

const ROWS = 500;
const UNITS = 40;
const ROUNDS = 12;
const WARMUP = 2;

/** 500 evaluatees in 40 units, as an office's sheet: dates typed in the three usual forms. */
async function evaluateesSheet(): Promise<{ units: Uint8Array; evaluatees: Uint8Array }> {
  const unitName = (i: number) => `县基准测试局${i + 1}`;
  const forms = [(y: number, m: number, d: number) => `${y}.${m}.${d}`, (y: number, m: number, d: number) => `${y}/${m}/${d}`, (y: number, m: number, d: number) => `${y}年${m}月${d}日`];
  const units = await writeWorkbook([{ name: '单位', columns: [{ header: '单位名称', width: 20 }, { header: '单位类别', width: 12 }], rows: Array.from({ length: UNITS }, (_, i) => [unitName(i), '政府组成部门']) }]);
  const evaluatees = await writeWorkbook([
    {
      name: '被评议对象',
      columns: ['姓名', '性别', '类别', '所在单位', '职务', '任职日期', '备注'].map((header) => ({ header, width: 12 })),
      rows: Array.from({ length: ROWS }, (_, i) => [`测试${i + 1}号`, i % 2 ? '女' : '男', '政府组成部门负责人', unitName(i % UNITS), `职务${Math.floor(i / UNITS) + 1}`, forms[i % 3]!(2015 + (i % 10), 1 + (i % 12), 1 + (i % 28)), '']),
    },
  ]);
  return { units, evaluatees };
}

/**
 * `xlsx.import.ms`: a 500-row evaluatees .xlsx imported into a fresh data folder — read, every row
 * checked and matched, one atomic write of the core partition (`sheets.import`, through dispatch).
 * `xlsx.preview.ms`: the preview of the same file. p50 of 12 rounds after 2 warm-ups.
 */
export async function xlsxBench(): Promise<void> {
  const { units, evaluatees } = await evaluateesSheet();
  const previews: number[] = [];
  const imports: number[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-bench-xlsx-')), mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false, seedDemo: false });
    try {
      const call = async (name: string, args: unknown) => {
        const r = await s.dispatch('desk', name, args);
        if (!r.ok) throw new Error(r.error.message);
        return r.result as { created?: number; counts?: { new: number } };
      };
      await call('sheets.import', { kind: 'units', uploadId: s.uploads.stage('desk', 'units.xlsx', units).uploadId, rows: 'all' });
      let t0 = performance.now();
      const preview = await call('sheets.preview', { kind: 'evaluatees', uploadId: s.uploads.stage('desk', 'e.xlsx', evaluatees).uploadId });
      const previewMs = performance.now() - t0;
      t0 = performance.now();
      const done = await call('sheets.import', { kind: 'evaluatees', uploadId: s.uploads.stage('desk', 'e.xlsx', evaluatees).uploadId, rows: 'all' });
      const importMs = performance.now() - t0;
      if (preview.counts?.new !== ROWS || done.created !== ROWS) throw new Error(`expected ${ROWS} new rows`);
      if (round >= WARMUP) {
        previews.push(previewMs);
        imports.push(importMs);
      }
    } finally {
      await s.close();
    }
  }
  report('xlsx.import.rows', ROWS, 'count');
  report('xlsx.preview.ms', percentile(previews, 50), 'ms');
  report('xlsx.import.ms', percentile(imports, 50), 'ms');
}
