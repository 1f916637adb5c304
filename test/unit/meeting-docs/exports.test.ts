import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { MeetingDocsView } from '../../../shared/api/documents-types';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { StoredGroupResult } from '../../../shared/domain/vote-round';
import type { CoreData } from '../../../shared/domain/partitions';
import { paragraphs, readDocx, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { latestRound } from '../vote-service/support';
import { rowsByHeader, tablesOf } from './docx-tables';
import { finishedContent } from '../opinions/fixtures';
import { announcedRound, type AnnouncedRound } from './support';

/**
 * The document calls end to end on the services: a round counted and announced through the vote
 * handlers, the file taken from the download the FilePort registered, its tables read back cell by
 * cell and compared with the round as stored.
 */

function desk(r: Pick<AnnouncedRound, 's'>) {
  return async <N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> => {
    const reply = await r.s.dispatch('desk', name, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result as ResultOf<N>;
  };
}

function fileOf(r: Pick<AnnouncedRound, 's'>, delivery: FileDelivery) {
  const file = takeDelivered(r.s, 'desk', delivery);
  return { ...file, document: readDocx(file.bytes).document };
}

/** Every row of a results table equals the stored group result of the same evaluatee. */
function expectTableEqualsStored(table: string[][], group: StoredGroupResult, names: string[], columns: { valid: string; rate?: boolean }) {
  const rows = rowsByHeader(table, '姓名');
  expect(rows.map((r) => r['姓名'])).toEqual(names);
  group.results.forEach((res, i) => {
    const row = rows[i]!;
    expect(row['满意']).toBe(String(res.counts.satisfied));
    expect(row['基本满意']).toBe(String(res.counts.basic));
    expect(row['不满意']).toBe(String(res.counts.unsatisfied));
    expect(row[columns.valid]).toBe(String(res.valid));
    if (columns.rate) {
      expect(row['满意率']).toBe(res.rateText);
      expect(row['等次']).toBe(res.outcome);
    } else {
      expect(row['空白']).toBe(String(res.counts.blank));
      expect(row['无效']).toBe(String(res.counts.invalid));
    }
  });
}

describe('meeting documents through the document calls', () => {
  it('the count report of each voter group holds the stored round’s counts, cell by cell', async () => {
    const r = await announcedRound({ deputies: true });
    const call = desk(r);
    const names = r.item.evaluatees.map((e) => e.name);
    for (const group of r.round.result!.groups) {
      const file = fileOf(r, await call('documents.countReport', { meetingId: r.meetingId, roundId: r.round.id, groupId: group.id }));
      expect(file.fileName).toBe(`${r.item.title}第1轮计票结果报告单${group.binding ? '' : '（列席代表）'}.docx`.replace('第1轮', '第一轮'));
      const [table] = tablesOf(file.document);
      expectTableEqualsStored(table!, group, names, { valid: '有效票' });
      const text = textOf(file.document);
      expect(text).toContain(`发出测评票${group.context.issued}张，收回${group.context.returned}张`);
      for (const name of [...r.round.result!.tellers, ...r.round.result!.scrutineers]) expect(text).toContain(name);
    }
  });

  it('the 通报 of the whole meeting has one table per voter group equal to the stored result, a chart, and refuses a malformed number', async () => {
    const r = await announcedRound({ deputies: true });
    const call = desk(r);
    await expect(call('documents.announcement', { meetingId: r.meetingId, docNumber: 'X人常[2026]9号', date: '2026-10-30' })).rejects.toThrow(
      '发文字号“X人常[2026]9号”不符合要求：年份应使用六角括号〔〕，不能使用“[]”',
    );
    const file = fileOf(r, await call('documents.announcement', { meetingId: r.meetingId, docNumber: 'X人常〔2026〕9号', date: '2026-10-30' }));
    expect(file.fileName).toBe('关于2026年度工作评议民主测评结果的通报.docx');
    const text = textOf(file.document);
    expect(text).toContain('X人常〔2026〕9号');
    expect(text).toContain(r.round.result!.rule.text.replace(/。$/, ''));
    expect(text).toContain('抄送：');
    const tables = tablesOf(file.document).filter((t) => t.some((row) => row.includes('满意率')));
    expect(tables).toHaveLength(2);
    const names = r.item.evaluatees.map((e) => e.name);
    const [members, deputies] = [...r.round.result!.groups].sort((a, b) => Number(b.binding) - Number(a.binding));
    expectTableEqualsStored(tables[0]!, members!, names, { valid: '有效票', rate: true });
    expectTableEqualsStored(tables[1]!, deputies!, names, { valid: '有效票', rate: true });
    expect(text).toContain('表2　列席代表民主测评结果');
    const media = Object.keys(unzipSync(file.bytes)).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(1);
  });

  it('one round’s 通报 is titled by its vote item and holds that round only', async () => {
    const r = await announcedRound();
    const call = desk(r);
    const file = fileOf(r, await call('documents.announcement', { meetingId: r.meetingId, roundId: r.round.id, docNumber: 'X人常〔2026〕3号', date: '2026-10-30' }));
    expect(file.fileName).toBe(`关于${r.item.title}结果的通报.docx`);
    expect(tablesOf(file.document).filter((t) => t.some((row) => row.includes('满意率')))).toHaveLength(1);
  });

  it('ballots: N identical sheets without serial numbers; a group counted apart gets its own title', async () => {
    const r = await announcedRound({ deputies: true, announce: false });
    const call = desk(r);
    const file = fileOf(r, await call('documents.ballots', { meetingId: r.meetingId, roundId: r.round.id, groupId: 'members', sheets: 7 }));
    expect(file.fileName).toBe(`${r.item.title}第一轮测评票（7张）.docx`);
    // Each sheet starts with the title (on a new page); every sheet reads exactly the same, nothing tells one from another.
    const title = `${r.data.meeting.name}民主测评票`;
    const texts = paragraphs(file.document).map((p) => textOf(p));
    const starts = texts.flatMap((t, i) => (t === title ? [i] : []));
    expect(starts).toHaveLength(7);
    expect(paragraphs(file.document).filter((p) => p.includes('<w:pageBreakBefore/>'))).toHaveLength(6);
    const sheets = starts.map((at, i) => texts.slice(at, starts[i + 1] ?? texts.length).join('|'));
    expect(new Set(sheets).size).toBe(1);
    for (const name of r.item.evaluatees.map((e) => e.name)) expect(sheets[0]).toContain(name);
    expect(sheets[0]).not.toMatch(/编号|No\.|票号|第\s*\d+\s*张/);
    const apart = fileOf(r, await call('documents.ballots', { meetingId: r.meetingId, roundId: r.round.id, groupId: 'deputies', sheets: 3 }));
    expect(paragraphs(apart.document).filter((p) => textOf(p) === `${r.data.meeting.name}民主测评票（列席代表）`)).toHaveLength(3);
    await expect(call('documents.ballots', { meetingId: r.meetingId, roundId: r.round.id, groupId: 'members', sheets: 501 })).rejects.toThrow('测评票张数不能大于500');
  });

  it('the panel’s view says which papers can be made and why not', async () => {
    const r = await announcedRound({ announce: false });
    const call = desk(r);
    const view: MeetingDocsView = await call('documents.meeting', { meetingId: r.meetingId });
    const active = r.core.members.filter((m) => m.active).length;
    expect(view).toMatchObject({ memberCount: active, signInBlocker: null, minutesBlocker: '本次会议还没有询问记录', publishedRounds: 0, meetingAnnouncementBlocker: '本次会议还没有已公布的测评结果' });
    expect(view.suggestedNumber).toBe(`${r.core.settings.organisation.docPrefix}〔2026〕1号`);
    const round = view.rounds.find((x) => x.id === r.round.id)!;
    expect(round).toMatchObject({ label: '第一轮', stateLabel: '已核对', ballotBlocker: null, countReportBlocker: null, announcementBlocker: '本轮测评已核对，结果公布后才能印发通报' });
    expect(round.groups).toEqual([{ id: 'members', label: '常委会组成人员', binding: true, defaultSheets: active + 2 }]);
    await expect(call('documents.announcement', { meetingId: r.meetingId, roundId: r.round.id, docNumber: 'X人常〔2026〕9号', date: '2026-10-30' })).rejects.toThrow(
      '本轮测评已核对，结果公布后才能印发通报。',
    );
    // A round only prepared: ballots yes, count report not yet.
    const other = (await r.call('vote.state')).items[1]!;
    const st = await r.call('vote.prepare', { agendaItemId: other.agendaItemId });
    const prepared = latestRound(st, 1);
    const again = await call('documents.meeting', { meetingId: r.meetingId });
    expect(again.rounds.find((x) => x.id === prepared.id)).toMatchObject({ ballotBlocker: null, countReportBlocker: '本轮测评已准备，计票核对后才能打印报告单' });
    await expect(call('documents.countReport', { meetingId: r.meetingId, roundId: prepared.id, groupId: 'members' })).rejects.toThrow('计票核对后才能打印报告单');
  });

  it('sign-in sheet, minutes and delivery receipt arrive as Word files with their contents', async () => {
    const r = await announcedRound({ announce: false });
    const call = desk(r);
    const signIn = fileOf(r, await call('documents.signIn', { meetingId: r.meetingId }));
    expect(signIn.fileName).toBe(`${r.data.meeting.name}签到表.docx`);
    // One table a page, the rows spread evenly over the pages.
    const rows = tablesOf(signIn.document).flat();
    const roster = r.core.members.filter((m) => m.active).sort((a, b) => a.rosterOrder - b.rosterOrder).map((m) => m.name);
    expect(rows.map((row) => row.find((c) => roster.includes(c))).filter(Boolean)).toEqual(roster);

    await expect(call('documents.minutes', { meetingId: r.meetingId })).rejects.toThrow('本次会议还没有询问记录');
    // One question drawn and noted on the console.
    await r.call('live.goto', { itemIndex: 0, stage: 'questioning' });
    await r.call('questioning.draw', { skipAnimation: true });
    const record = (await r.call<{ current: { id: string } | null }>('questioning.state')).current!;
    await r.call('questioning.question', { recordId: record.id, text: '农村学校师资如何补齐？' });
    await r.call('questioning.notes', { recordId: record.id, notes: '答：将于年内完成师资轮岗。' });
    const minutes = fileOf(r, await call('documents.minutes', { meetingId: r.meetingId }));
    expect(minutes.fileName).toBe(`${r.data.meeting.name}询问记录.docx`);
    expect(textOf(minutes.document)).toContain('问：农村学校师资如何补齐？');
    expect(textOf(minutes.document)).toContain('答：将于年内完成师资轮岗。');

    await expect(call('documents.receipt', { year: 2026, evaluationId: 'ev_zzzzzzzzzz' })).rejects.toThrow('找不到该评议');
    const row = (await call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await call('opinions.create', which);
    await call('opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(row.name) });
    await expect(call('documents.receipt', which)).rejects.toThrow('登记印发（发文字号）后才能打印送达回证');
    await call('opinions.approve', { ...which, versionNo: 1, council: { date: r.data.meeting.date, sitting: 12 } });
    await call('opinions.issue', { ...which, versionNo: 1, issue: { docNumber: `${r.core.settings.organisation.docPrefix}〔2026〕5号`, issueDate: r.data.meeting.date } });
    const receipt = fileOf(r, await call('documents.receipt', which));
    expect(receipt.fileName).toBe(`关于对${row.name}同志履职情况的评议意见送达回证.docx`);
    const text = textOf(receipt.document);
    for (const words of [`${r.core.settings.organisation.docPrefix}〔2026〕5号`, `关于对${row.name}同志履职情况的评议意见`, row.name, `${row.unitName}${row.position}`]) expect(text).toContain(words);
    // The 通报's suggested number comes after the opinions' numbers of the year.
    const r2 = await call('documents.meeting', { meetingId: r.meetingId });
    expect(r2.suggestedNumber).toBe(`${r.core.settings.organisation.docPrefix}〔2026〕6号`);
  });
});

describe('names and posts frozen with the result', () => {
  it('a count report printed after a transfer and a rename still shows the 姓名 and 单位及职务 of the count', async () => {
    const r = await announcedRound();
    const call = desk(r);
    const frozen = r.round.result!.people!;
    expect(frozen).toHaveLength(r.round.evaluateeIds.length);
    const firstId = r.round.evaluateeIds[0]!;
    // Afterwards the first evaluatee is renamed and moved to another post (the records change; the count does not).
    await r.s.store.update<CoreData, void>('core', (core) => {
      const e = core.evaluatees.find((x) => x.id === firstId)!;
      e.name = '改名后';
      e.position = '调任后职务';
    });
    const file = fileOf(r, await call('documents.countReport', { meetingId: r.meetingId, roundId: r.round.id, groupId: 'members' }));
    const rows = rowsByHeader(tablesOf(file.document)[0]!, '姓名');
    expect(rows[0]?.['姓名']).toBe(frozen[0]!.name);
    expect(rows[0]?.['单位及职务']).toBe(frozen[0]!.position);
    expect(textOf(file.document)).not.toContain('改名后');
  });
});

describe('设置 → 公文格式 reaches every meeting paper', () => {
  it('with the Windows font profile, a wider red line and an own header, the 通报, ballots, count report and sign-in sheet use them', async () => {
    const r = await announcedRound();
    const call = desk(r);
    const settings = await call('settings.get', {});
    await call('settings.update', {
      settings: { ...settings, documents: { ...settings.documents, fontProfile: 'windows', redLineSize: 20, organHeader: { text: '青岚县人大常委会文件', sizePt: 40, scalePercent: 90 } } },
    });
    const fontsIn = (xml: string) => new Set([...xml.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]));
    const standard = ['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312'];
    const files = [
      fileOf(r, await call('documents.announcement', { meetingId: r.meetingId, docNumber: 'X人常〔2026〕9号', date: '2026-10-30' })),
      fileOf(r, await call('documents.ballots', { meetingId: r.meetingId, roundId: r.round.id, groupId: 'members', sheets: 2 })),
      fileOf(r, await call('documents.countReport', { meetingId: r.meetingId, roundId: r.round.id, groupId: 'members' })),
      fileOf(r, await call('documents.signIn', { meetingId: r.meetingId })),
    ];
    for (const file of files) {
      const fonts = fontsIn(file.document);
      expect(fonts.has('仿宋'), file.fileName).toBe(true);
      for (const f of standard) expect(fonts.has(f), `${file.fileName}: ${f}`).toBe(false);
    }
    const announcement = files[0]!.document;
    expect(textOf(announcement)).toContain('青岚县人大常委会文件');
    expect(announcement).toMatch(/<w:bottom [^>]*w:sz="20"/);
    expect(announcement).toMatch(/<w:sz w:val="80"\/>/);
  });
});
