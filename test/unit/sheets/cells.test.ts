import { expect, it } from 'vitest';
import { cellBool, cellDate, cellInt, cellText, excelSerialToIso } from '../../../shared/sheets/cells';
import { parseCsv } from '../../../electron/services/sheets/read-sheet';
import { headerKey } from '../../../shared/sheets/import-kinds';

it('Excel serials follow Excel (1900 leap-year bug kept): 1 is 1900-01-01, 61 is 1900-03-01, 60 is no day', () => {
  expect(excelSerialToIso(1)).toBe('1900-01-01');
  expect(excelSerialToIso(59)).toBe('1900-02-28');
  expect(excelSerialToIso(60)).toBeNull();
  expect(excelSerialToIso(61)).toBe('1900-03-01');
  expect(excelSerialToIso(45593)).toBe('2024-10-28');
  expect(excelSerialToIso(45593.75)).toBe('2024-10-28');
});

it('cells as a clerk reads them: spaces trimmed, full-width digits, 是/否, dates in every typed form', () => {
  expect(cellText('  张三　')).toBe('张三');
  expect(cellInt('１２')).toBe(12);
  expect(cellInt('12a')).toBeNull();
  expect(cellBool('是')).toBe(true);
  expect(cellBool('否')).toBe(false);
  expect(cellBool('也许')).toBeNull();
  expect(cellDate('45593', '任职日期')).toEqual({ ok: true, iso: '2024-10-28' });
  expect(cellDate('２０２４．１０．２８', '任职日期')).toEqual({ ok: true, iso: '2024-10-28' });
  expect(cellDate({ date: '2024-10-28' }, '任职日期')).toEqual({ ok: true, iso: '2024-10-28' });
  expect(cellDate(0, '任职日期')).toEqual({ ok: false, message: '任职日期“0”不是有效的日期' });
});

it('headers match whatever the clerk added: the required mark, spaces, a note in brackets', () => {
  expect(headerKey(' 任职日期*（必填）')).toBe('任职日期');
  expect(headerKey('姓 名\n')).toBe('姓名');
});

it('CSV: quoted commas, doubled quotes, line breaks inside quotes, CRLF', () => {
  expect(parseCsv('a,"b,c","d""e"\r\n"f\ng",h\r\n')).toEqual([
    ['a', 'b,c', 'd"e'],
    ['f\ng', 'h'],
  ]);
});
