import { afterEach, describe, expect, it } from 'vitest';
import type { Member, Person, Unit } from '../../../shared/domain/people';
import type { EvaluateeRow } from '../../../shared/api/desk-types';
import type { ImportCommitResult } from '../../../shared/sheets/import-types';
import { readBack, sheetServices, workbook } from './support';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function open(today = '2026-12-07') {
  const t = await sheetServices(today);
  close = () => t.s.close();
  return t;
}

const MEMBER_HEADER = ['姓名', '职务', '性别', '任期开始日期', '名单顺序', '在任', '备注'];

describe('reading what Excel and WPS write', () => {
  it('a title row merged above the header, and a header merged over two columns with its parts below', async () => {
    const t = await open();
    const bytes = await workbook((ws) => {
      ws.addRow(['某县人大常委会组成人员名单']);
      ws.mergeCells('A1:F1');
      ws.addRow(['姓名', '职务', '任期', '', '名单顺序', '备注']);
      ws.mergeCells('C2:D2');
      ws.addRow(['', '', '开始日期', '结束日期', '', '']);
      ws.addRow(['甲一', '委员', '2026-01-10', '2030-12-31', 201, '']);
    });
    const p = await t.preview('members', '名单.xlsx', bytes);
    expect(p.headerRow).toBe(2);
    expect(p.columns).toEqual(['姓名', '职务', '任期开始日期', '任期结束日期', '名单顺序', '备注']);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ row: 4, status: 'new', issues: [] });
  });

  it('a hidden row is refused with the reason; the visible rows are read', async () => {
    const t = await open();
    const bytes = await workbook((ws) => {
      ws.addRow(MEMBER_HEADER);
      ws.addRow(['甲一', '委员', '', '', 201, '是', '']);
      ws.addRow(['甲二', '委员', '', '', 202, '是', '']).hidden = true;
    });
    const p = await t.preview('members', 'a.xlsx', bytes);
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'invalid']);
    expect(p.rows[1]!.issues[0]!.message).toContain('该行在表格中被隐藏');
  });

  it('formulas give their cached result', async () => {
    const t = await open();
    const bytes = await workbook((ws) => {
      ws.addRow(MEMBER_HEADER);
      ws.addRow(['甲一', '委员', '', '', 201, '是', '']);
      ws.addRow([{ formula: 'A2&"二"', result: '甲一二' }, '委员', '', '', { formula: 'E2+1', result: 202 }, '是', '']);
    });
    const p = await t.preview('members', 'a.xlsx', bytes);
    expect(p.rows[1]).toMatchObject({ status: 'new', values: ['甲一二', '委员', '', '', '202', '是', ''] });
  });

  it('dates typed as text, as Excel serials, as real dates and in full-width digits are all read; an impossible day is refused', async () => {
    const t = await open();
    const bytes = await workbook((ws) => {
      ws.addRow(['姓名', '职务', '任期开始日期', '名单顺序']);
      ws.addRow(['日一', '委员', '2024.10.28', 201]);
      ws.addRow(['日二', '委员', '2024/10/28', 202]);
      ws.addRow(['日三', '委员', '2024年10月28日', 203]);
      ws.addRow(['日四', '委员', 45593, 204]); // Excel's serial for 2024-10-28
      ws.addRow(['日五', '委员', new Date(Date.UTC(2024, 9, 28)), 205]);
      ws.addRow(['日六', '委员', '２０２４年１０月２８日', '２０６']);
      ws.addRow(['日七', '委员', '2023年2月29日', 207]);
      ws.addRow(['日八', '委员', '24.10.28', 208]);
    });
    const p = await t.preview('members', 'a.xlsx', bytes);
    expect(p.rows.slice(0, 6).map((r) => r.status)).toEqual(Array(6).fill('new'));
    expect(p.rows[6]).toMatchObject({ status: 'invalid', issues: [{ row: 8, column: '任期开始日期' }] });
    expect(p.rows[6]!.issues[0]!.message).toContain('2023年2月没有29日');
    expect(p.rows[7]!.issues[0]!.message).toContain('年份请写四位数字');
    await t.call<ImportCommitResult>('sheets.import', { kind: 'members', uploadId: t.stage('a.xlsx', bytes), rows: 'valid' });
    const members = await t.call<Member[]>('members.list', {});
    for (const name of ['日一', '日二', '日三', '日四', '日五', '日六']) expect(members.find((m) => m.name === name)?.termStart).toBe('2024-10-28');
    expect(members.find((m) => m.name === '日六')?.rosterOrder).toBe(206);
    expect(members.some((m) => m.name === '日七' || m.name === '日八')).toBe(false);
  });

  it('trailing and ideographic spaces do not make a new name or a wrong value', async () => {
    const t = await open();
    const members = await t.call<Member[]>('members.list', {});
    const m = members.find((x) => x.active)!;
    const bytes = await workbook((ws) => {
      ws.addRow(['姓名 ', ' 职务', '名单顺序']);
      ws.addRow([`${m.name}　 `, `${m.role} `, m.rosterOrder]);
    });
    const p = await t.preview('members', 'a.xlsx', bytes);
    expect(p.rows[0]).toMatchObject({ status: 'unchanged', matchedBy: '姓名' });
  });

  it('an empty file, a sheet without data, a file over 20 MB and an old .xls are refused naming the reason', async () => {
    const t = await open();
    const empty = await t.refusal('sheets.preview', { kind: 'members', uploadId: t.s.uploads.stage('desk', 'e.csv', new Uint8Array([0xef, 0xbb, 0xbf])).uploadId });
    expect(empty.message).toContain('没有数据');
    const blank = await workbook(() => {});
    expect((await t.refusal('sheets.preview', { kind: 'members', uploadId: t.stage('b.xlsx', blank) })).message).toContain('没有数据');
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await t.refusal('sheets.preview', { kind: 'members', uploadId: t.stage('big.xlsx', big) })).message).toContain('超过20 MB');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await t.refusal('sheets.preview', { kind: 'members', uploadId: t.stage('旧名单.xls', xls) })).message).toContain('另存为 .xlsx');
    // A zip whose one part declares 400 MB when inflated (a zip bomb), and a file cut short.
    const { zipSync } = await import('fflate');
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1000) });
    // Declare 400 MB inflated in the local header (offset 22) and the central directory (offset 24).
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.length; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 400 * 1024 * 1024, true);
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 400 * 1024 * 1024, true);
    }
    expect((await t.refusal('sheets.preview', { kind: 'members', uploadId: t.stage('bomb.xlsx', bomb) })).message).toContain('解压后超过300 MB');
    const cut = (await workbook((ws) => ws.addRow(MEMBER_HEADER))).slice(0, 300);
    expect((await t.refusal('sheets.preview', { kind: 'members', uploadId: t.stage('cut.xlsx', cut) })).message).toContain('无法作为 .xlsx 表格读取');
    const wrong = await workbook((ws) => ws.addRow(['甲', '乙']));
    expect((await t.refusal('sheets.preview', { kind: 'members', uploadId: t.stage('w.xlsx', wrong) })).message).toContain('没有找到表头');
  });

  it('a file of just under 20 MB imports (a long column the import does not read)', async () => {
    const t = await open();
    const pad = 'x'.repeat(4_180_000);
    const text = `单位名称,单位类别,附件说明\n${Array.from({ length: 5 }, (_, i) => `县大文件测试局${i + 1},其他,${pad}`).join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBeGreaterThan(19.5 * 1024 * 1024);
    expect(bytes.byteLength).toBeLessThanOrEqual(20 * 1024 * 1024);
    const p = await t.preview('units', 'big.csv', bytes);
    expect(p.ignoredColumns).toEqual(['附件说明']);
    expect(p.counts.new).toBe(5);
  });

  it('a CSV in GBK (as Excel saves it on a Chinese Windows) and in UTF-8 with a BOM read the same', async () => {
    const t = await open();
    const text = '单位名称,单位类别\r\n县测试局,政府组成部门\r\n"县审计局,二处",其他\r\n';
    // GBK bytes of the text, produced by the platform decoder's inverse: built from a known table.
    const gbk = encodeGbk(text);
    const a = await t.preview('units', 'u.csv', gbk);
    const b = await t.preview('units', 'u.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(a.rows.map((r) => r.values)).toEqual([['县测试局', '政府组成部门'], ['县审计局,二处', '其他']]);
    expect(b.rows.map((r) => r.values)).toEqual(a.rows.map((r) => r.values));
  });
});

/** GBK-encodes text by searching the decoder (slow but exact, fine for a few characters). */
function encodeGbk(text: string): Uint8Array {
  const dec = new TextDecoder('gbk');
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    let found = false;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (dec.decode(new Uint8Array([hi, lo])) === ch) {
          out.push(hi, lo);
          found = true;
          break;
        }
      }
    }
    if (!found) throw new Error(`not in GBK: ${ch}`);
  }
  return new Uint8Array(out);
}

describe('matching records on file, and writing', () => {
  it('an exported list re-imported matches by 编号: unchanged rows, one changed field by field, one new; nothing missing is deleted', async () => {
    const t = await open();
    const before = await t.call<Member[]>('members.list', {});
    const exported = await t.downloaded(await t.call('sheets.export', { what: 'members' }));
    const wb = await readBack(exported);
    const ws = wb.worksheets[0]!;
    // Row 1 is the title, row 2 the header: change the first member's note, drop the last member, add one.
    ws.getRow(3).getCell(10).value = '已核对';
    ws.spliceRows(ws.rowCount, 1);
    ws.addRow(['', '新委员', '委员', '女', '', '2026-03-01', '', 300, '是', '']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const p = await t.preview('members', '名单.xlsx', bytes);
    expect(p.counts).toEqual({ new: 1, changed: 1, unchanged: before.length - 2, invalid: 0 });
    expect(p.rows.find((r) => r.status === 'changed')).toMatchObject({ matchedBy: '编号', changes: [{ field: '备注', before: before[0]!.note, after: '已核对' }] });
    const done = await t.call<ImportCommitResult>('sheets.import', { kind: 'members', uploadId: t.stage('名单.xlsx', bytes), rows: 'all' });
    expect(done).toEqual({ created: 1, updated: 1, unchanged: before.length - 2, skipped: 0 });
    const after = await t.call<Member[]>('members.list', {});
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((m) => m.id === before[0]!.id)?.note).toBe('已核对');
  });

  it('the same person twice and an unknown 编号 are refused per row; "all" writes nothing, "valid" writes the rest', async () => {
    const t = await open();
    const before = await t.call<Person[]>('registry.list', {});
    const bytes = await workbook((ws) => {
      ws.addRow(['编号', '姓名', '人员类别', '工作单位']);
      ws.addRow(['', '代表甲', '人大代表', '县一中']);
      ws.addRow(['', '代表甲', '人大代表', '县一中']);
      ws.addRow(['ps_zzzzzzzzzzzz', '代表乙', '人大代表', '']);
      ws.addRow(['', '代表丙', '市民', '']);
    });
    const p = await t.preview('registry', 'r.xlsx', bytes);
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'invalid', 'invalid', 'invalid']);
    expect(p.rows[1]!.issues[0]!.message).toContain('与第2行重复');
    expect(p.rows[2]!.issues[0]).toMatchObject({ column: '编号' });
    expect(p.rows[3]!.issues[0]).toMatchObject({ row: 5, column: '人员类别' });
    const refused = await t.refusal('sheets.import', { kind: 'registry', uploadId: t.stage('r.xlsx', bytes), rows: 'all' });
    expect(refused.message).toContain('有3行未通过检查');
    expect(await t.call<Person[]>('registry.list', {})).toHaveLength(before.length);
    const rejects = await readBack(await t.downloaded(await t.call('sheets.rejects', { kind: 'registry', uploadId: t.stage('r.xlsx', bytes) })));
    expect(rejects.worksheets[0]!.rowCount).toBe(2 + 3);
    await t.call('sheets.import', { kind: 'registry', uploadId: t.stage('r.xlsx', bytes), rows: 'valid' });
    expect(await t.call<Person[]>('registry.list', {})).toHaveLength(before.length + 1);
  });

  it('units, evaluatees with appointment dates and the plan import in that order; the first-day rules apply', async () => {
    const t = await open();
    const units = await t.call<Unit[]>('units.list', {});
    const u = await workbook((ws) => {
      ws.addRow(['单位名称', '单位类别']);
      ws.addRow(['县新设局', '政府组成部门']);
      ws.addRow([units[0]!.name, '其他']);
    });
    const up = await t.preview('units', 'u.xlsx', u);
    expect(up.rows.map((r) => r.status)).toEqual(['new', 'changed']);
    await t.call('sheets.import', { kind: 'units', uploadId: t.stage('u.xlsx', u), rows: 'all' });

    const e = await workbook((ws) => {
      ws.addRow(['姓名', '类别', '所在单位', '职务', '任职日期']);
      ws.addRow(['新局长', '政府组成部门负责人', '县新设局', '局长', '2025年3月1日']);
      ws.addRow(['新副局长', '政府组成部门负责人', '县新设局', '副局长', '2024-01-01']);
      ws.addRow(['未来人', '政府组成部门负责人', '县新设局', '调研员', '2027-01-01']);
      ws.addRow(['无单位', '其他', '县不存在局', '局长', '2025-01-01']);
    });
    const ep = await t.preview('evaluatees', 'e.xlsx', e);
    expect(ep.rows.map((r) => r.status)).toEqual(['new', 'new', 'invalid', 'invalid']);
    expect(ep.rows[2]!.issues[0]!.message).toContain('晚于今天');
    expect(ep.rows[3]!.issues[0]).toMatchObject({ column: '所在单位' });
    await t.call('sheets.import', { kind: 'evaluatees', uploadId: t.stage('e.xlsx', e), rows: 'valid' });
    const rows = await t.call<EvaluateeRow[]>('evaluatees.list', {});
    expect(rows.find((r) => r.name === '新局长')).toMatchObject({ appointmentDate: '2025-03-01', unitName: '县新设局', position: '局长' });

    const plan = await workbook((ws) => {
      ws.addRow(['评议年度', '姓名', '所在单位', '汇报方式']);
      ws.addRow([2026, '新局长', '县新设局', '书面报告']);
      ws.addRow(['2025年', '新副局长', '县新设局', '']);
      ws.addRow([2025, '新局长', '县新设局', '']);
    });
    const pp = await t.preview('plan', 'p.xlsx', plan);
    expect(pp.planYear).toBe(2026);
    expect(pp.rows[1]!.issues[0]!.message).toContain('一次导入只写入一个年度');
    expect(pp.rows[2]!.issues[0]!.message).toContain('新局长已列入2026年计划，本届内每人评议一次');
    expect(pp.rows.map((r) => r.status)).toEqual(['new', 'invalid', 'invalid']);
    await t.call('sheets.import', { kind: 'plan', uploadId: t.stage('p.xlsx', plan), rows: 'valid' });
    const again = await t.preview('plan', 'p.xlsx', plan);
    expect(again.rows[0]!.status).toBe('unchanged');
  });
});
