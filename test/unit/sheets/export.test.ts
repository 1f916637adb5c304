import { afterEach, expect, it } from 'vitest';
import type { MeetingData, YearData } from '../../../shared/domain/partitions';
import { readBack, sheetServices } from './support';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function open() {
  const t = await sheetServices('2026-12-07');
  close = () => t.s.close();
  return t;
}

it('the plan exports for A4: widths, the header frozen and repeated on every page, fitted to the width; it imports back unchanged', async () => {
  const t = await open();
  const bytes = await t.downloaded(await t.call('sheets.export', { what: 'plan' }));
  const wb = await readBack(bytes);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('评议计划');
  expect(ws.getRow(2).values).toEqual([undefined, '评议年度', '姓名', '所在单位', '汇报方式', '类别', '职务', '任职日期']);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, printTitlesRow: '2:2' });
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(ws.getColumn(3).width).toBe(20);
  expect(ws.rowCount).toBeGreaterThan(10);
  // The whole term's plan exported and read back: every row matches its plan entry.
  const p = await t.preview('plan', 'plan.xlsx', bytes);
  expect(p.rows.length).toBe(ws.rowCount - 2);
  expect(p.rows.every((r) => r.status === 'unchanged')).toBe(true);
  expect(p.planYear).toBeUndefined();
});

it('each list exports with its 编号, wide lists landscape; a template has the header and an explanation sheet', async () => {
  const t = await open();
  for (const what of ['members', 'units', 'evaluatees', 'registry'] as const) {
    const ws = (await readBack(await t.downloaded(await t.call('sheets.export', { what })))).worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('编号');
    expect(ws.pageSetup.orientation).toBe(what === 'evaluatees' || what === 'members' || what === 'registry' ? 'landscape' : 'portrait');
  }
  const tpl = await readBack(await t.downloaded(await t.call('sheets.template', { kind: 'evaluatees' })));
  expect(tpl.worksheets.map((w) => w.name)).toEqual(['被评议对象', '填写说明']);
  expect(tpl.worksheets[0]!.getRow(1).values).toContain('任职日期*');
});

it('a counted round exports its results with the rule in words; a ledger exports its items', async () => {
  const t = await open();
  const store = t.s.store;
  let found: { meetingId: string; roundId: string; rule: string } | undefined;
  for (const key of store.list('meeting')) {
    const data = await store.read<MeetingData>(key);
    const round = data.votes.rounds.find((r) => r.result && ['checked', 'announced', 'amended'].includes(r.state));
    if (round) {
      found = { meetingId: data.meeting.id, roundId: round.id, rule: round.result!.rule.text };
      break;
    }
  }
  expect(found).toBeDefined();
  const wb = await readBack(await t.downloaded(await t.call('sheets.export', { what: 'round', meetingId: found!.meetingId, roundId: found!.roundId })));
  const ws = wb.worksheets[0]!;
  const texts: string[] = [];
  ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
  expect(texts).toContain(`评定规则：${found!.rule}`);
  expect(ws.getRow(2).getCell(11).value).toBe('测评等次');

  let ledger: { year: number; evaluationId: string } | undefined;
  for (const key of store.list('year')) {
    const y = await store.read<YearData & { loop?: { ledger: { evaluationId: string }[] } }>(key);
    const e = y.loop?.ledger[0];
    if (e) {
      ledger = { year: Number(key.split('/').pop()), evaluationId: e.evaluationId };
      break;
    }
  }
  expect(ledger).toBeDefined();
  const lw = (await readBack(await t.downloaded(await t.call('sheets.export', { what: 'ledger', ...ledger! })))).worksheets[0]!;
  expect(lw.getRow(2).getCell(2).value).toBe('意见和建议');
  expect(lw.pageSetup.orientation).toBe('landscape');
});
