import { readFile } from 'node:fs/promises';
import { afterEach, expect, it } from 'vitest';
import type { EvaluateeRow } from '../../../shared/api/desk-types';
import { sheetServices } from './support';

/**
 * A file saved by LibreOffice Calc, not by the library: test/fixtures/sheets/evaluatees-libreoffice.xlsx,
 * converted from the .csv beside it with
 * `soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx evaluatees-libreoffice.csv`.
 * Calc stores a cell mixing Latin and CJK text as rich text runs (one font per script).
 */
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

it('an .xlsx saved by LibreOffice imports: dates typed as text, rich-text cells, an impossible month refused', async () => {
  const t = await sheetServices('2026-12-07');
  close = () => t.s.close();
  const units = new TextEncoder().encode('单位名称,单位类别\n县新设测试局,政府组成部门\n县人民法院,人民法院\n');
  await t.call('sheets.import', { kind: 'units', uploadId: t.stage('units.csv', units), rows: 'all' });

  const bytes = new Uint8Array(await readFile(new URL('../../fixtures/sheets/evaluatees-libreoffice.xlsx', import.meta.url)));
  const p = await t.preview('evaluatees', 'evaluatees-libreoffice.xlsx', bytes);
  expect(p.sheetName).toBe('evaluatees-libreoffice');
  expect(p.rows.map((r) => r.status)).toEqual(['new', 'new', 'invalid']);
  expect(p.rows[2]!.values[4]).toBe('2024年13月1日');
  expect(p.rows[2]!.issues).toEqual([{ row: 4, column: '任职日期', message: '任职日期有误：没有13月，月份应为1—12' }]);

  await t.call('sheets.import', { kind: 'evaluatees', uploadId: t.stage('evaluatees-libreoffice.xlsx', bytes), rows: 'valid' });
  const rows = await t.call<EvaluateeRow[]>('evaluatees.list', {});
  expect(rows.find((r) => r.name === '甲局长')).toMatchObject({ appointmentDate: '2024-10-28', unitName: '县新设测试局', postKey: expect.stringMatching(/\/局长$/) });
  // A judge holds a 员额 seat of the court, numbered like the dialog numbers it.
  expect(rows.find((r) => r.name === '乙庭长')).toMatchObject({ appointmentDate: '2023-05-06', unitName: '县人民法院', postKey: expect.stringMatching(/\/员额\d+$/) });
});
