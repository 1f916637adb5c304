import { describe, expect, it } from 'vitest';
import type { Caller, FileDestination, FilePort, OutgoingFile } from '../../../electron/services/file-port';
import { recordAnnouncement, undoAnnouncement } from '../../../electron/services/meeting-docs/register';
import { registeredNumbers, usedNumbers } from '../../../electron/services/opinions/numbering';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { FileDelivery } from '../../../shared/api/file-types';
import { docRegisterSchema } from '../../../shared/domain/doc-register';
import { yearSchema, type YearData } from '../../../shared/domain/partitions';
import { takeDelivered } from '../exports/delivered';
import { readDocx, textOf } from '../documents/docx-xml';
import { finishedContent, record } from '../opinions/fixtures';
import { closeAll, start } from '../vote-service/support';
import { announcedRound, type AnnouncedRound } from './support';

/**
 * The 发文登记 of the 测评结果通报: every exported 通报 is recorded in the year partition with its
 * number before the file is handed over; the same 通报 reprints under its number, any other
 * document (通报 or opinion) is refused that number with the holder named, and the suggestions skip
 * the numbers of both.
 */

function desk(r: Pick<AnnouncedRound, 's'>) {
  return async <N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> => {
    const reply = await r.s.dispatch('desk', name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code, issues: reply.error.issues });
    return reply.result as ResultOf<N>;
  };
}

async function registerOf(r: Pick<AnnouncedRound, 's'>, year = 2026) {
  return (await r.s.store.read<YearData>(`year/${year}`)).register?.documents ?? [];
}

const WHOLE_TITLE = '关于2026年度工作评议民主测评结果的通报';

describe('the 发文登记 in the year partition', () => {
  it('a year file without a register loads as before; one with a register keeps it, an entry without a count is one export', () => {
    const plain = yearSchema.parse({ year: 2026, evaluations: [], opinions: { records: [], memberOpinions: [] } });
    expect(plain.register).toBeUndefined();
    expect(Object.keys(plain)).not.toContain('register');
    const entry = {
      kind: '测评结果通报',
      docNumber: 'X人常〔2026〕3号',
      title: WHOLE_TITLE,
      meetingId: 'mt_aaaaaaaaaa',
      roundId: null,
      date: '2026-10-30',
      firstExportedAt: '2026-10-30T02:00:00.000Z',
      exportedAt: '2026-10-30T02:00:00.000Z',
    };
    const withRegister = yearSchema.parse({ year: 2026, evaluations: [], register: { documents: [entry] } });
    expect(withRegister.register?.documents).toEqual([{ ...entry, exports: 1 }]);
    expect(docRegisterSchema.safeParse({ documents: [{ ...entry, date: '2026-13-01' }] }).error?.issues[0]?.message).toBe('成文日期不是有效的日期（格式应为 2024-10-28）');
    expect(docRegisterSchema.safeParse({ documents: [{ ...entry, kind: '通知' }] }).error?.issues[0]?.message).toBe('公文种类应为测评结果通报之一');
  });

  it('records, reprints, renumbers and takes back an entry inside the write', () => {
    const data: YearData = { year: 2026, evaluations: [] };
    const doc = { meetingId: 'mt_aaaaaaaaaa', roundId: null, docNumber: ' X人常〔2026〕3号 ', title: WHOLE_TITLE, date: '2026-10-30' };
    const first = recordAnnouncement(data, doc, { others: [], now: 't1' });
    expect(first.previous).toBeNull();
    expect(data.register?.documents).toEqual([
      { kind: '测评结果通报', docNumber: 'X人常〔2026〕3号', title: WHOLE_TITLE, meetingId: 'mt_aaaaaaaaaa', roundId: null, date: '2026-10-30', firstExportedAt: 't1', exportedAt: 't1', exports: 1 },
    ]);
    // The same 通报 again: a reprint under its number.
    const again = recordAnnouncement(data, { ...doc, docNumber: 'X人常〔2026〕3号' }, { others: [], now: 't2' });
    expect(data.register?.documents[0]).toMatchObject({ firstExportedAt: 't1', exportedAt: 't2', exports: 2 });
    // Another 通报 of the meeting (a round's) may not take it; an opinion holding 4号 in another year's partition is named.
    const round = { ...doc, roundId: 'vr_bbbbbbbbbb', title: '关于政府组成部门负责人民主测评结果的通报' };
    expect(() => recordAnnouncement(data, round, { others: [], now: 't3' })).toThrow(`发文字号X人常〔2026〕3号已被使用（《${WHOLE_TITLE}》的发文字号），请换一个序号。`);
    const opinion = usedNumbers([record('op_aaaaaaaaaa', ['X人常〔2026〕4号'])], () => '关于对张明同志履职情况的评议意见');
    expect(() => recordAnnouncement(data, { ...round, docNumber: 'X人常〔2026〕4号' }, { others: opinion, now: 't3' })).toThrow(
      '发文字号X人常〔2026〕4号已被使用（《关于对张明同志履职情况的评议意见》的发文字号），请换一个序号。',
    );
    expect(() => recordAnnouncement(data, { ...round, docNumber: 'X人常〔2025〕5号' }, { others: [], now: 't3' })).toThrow('发文字号的年份〔2025〕应与成文日期的年份（2026年）一致。');
    expect(() => recordAnnouncement(data, { ...round, docNumber: 'X人常〔2026〕05号' }, { others: [], now: 't3' })).toThrow('不符合要求');
    expect(data.register?.documents).toHaveLength(1);

    // The whole meeting's 通报 renumbered to 6号: one entry; 3号 stays held (copies may be out there).
    const renumbered = recordAnnouncement(data, { ...doc, docNumber: 'X人常〔2026〕6号' }, { others: [], now: 't4' });
    expect(data.register?.documents).toHaveLength(1);
    expect(data.register?.documents[0]).toMatchObject({ docNumber: 'X人常〔2026〕6号', firstExportedAt: 't1', exports: 3, retiredNumbers: ['X人常〔2026〕3号'] });
    expect(registeredNumbers(data.register?.documents ?? []).map((u) => u.text)).toEqual(['X人常〔2026〕6号', 'X人常〔2026〕3号']);
    expect(() => recordAnnouncement(structuredClone(data), { ...round, docNumber: 'X人常〔2026〕3号' }, { others: [], now: 't4' })).toThrow(`发文字号X人常〔2026〕3号已被使用（《${WHOLE_TITLE}》的发文字号）`);
    // The 通报 itself may go back to its earlier number.
    const back = structuredClone(data);
    recordAnnouncement(back, doc, { others: [], now: 't4' });
    expect(back.register?.documents[0]).toMatchObject({ docNumber: 'X人常〔2026〕3号', retiredNumbers: ['X人常〔2026〕6号'] });
    // Taken back (the file was never written): the entry is as it was before.
    undoAnnouncement(data, renumbered);
    expect(data.register?.documents[0]).toMatchObject({ docNumber: 'X人常〔2026〕3号', exportedAt: 't2', exports: 2 });
    // A first export taken back leaves no entry; an entry exported again since is left alone.
    const roundFirst = recordAnnouncement(data, { ...round, docNumber: 'X人常〔2026〕7号' }, { others: [], now: 't5' });
    const roundAgain = recordAnnouncement(data, { ...round, docNumber: 'X人常〔2026〕7号' }, { others: [], now: 't6' });
    undoAnnouncement(data, roundFirst);
    expect(data.register?.documents).toHaveLength(2);
    undoAnnouncement(data, roundAgain);
    expect(data.register?.documents.map((d) => [d.roundId, d.exports])).toEqual([
      [null, 2],
      ['vr_bbbbbbbbbb', 1],
    ]);
    expect(again.previous?.exports).toBe(1);
  });
});

describe('documents.announcement with the register', () => {
  it('records the 通报, reprints it under its number and refuses that number to another 通报 and to an opinion', async () => {
    const r = await announcedRound();
    const call = desk(r);
    const prefix = r.core.settings.organisation.docPrefix;
    const n = (seq: number) => `${prefix}〔2026〕${seq}号`;
    const roundTitle = `关于${r.item.title}结果的通报`;

    const before = await call('documents.meeting', { meetingId: r.meetingId });
    expect(before).toMatchObject({ suggestedNumber: n(1), takenNumbers: [], meetingAnnouncement: null });
    expect(before.rounds.find((x) => x.id === r.round.id)?.announcement).toBeNull();
    expect(await registerOf(r)).toEqual([]);

    // The round's 通报 as 3号: in the register before the file is offered.
    const first = takeDelivered(r.s, 'desk', await call('documents.announcement', { meetingId: r.meetingId, roundId: r.round.id, docNumber: n(3), date: '2026-10-30' }));
    expect(textOf(readDocx(first.bytes).document)).toContain(n(3));
    const [entry] = await registerOf(r);
    expect(entry).toMatchObject({ kind: '测评结果通报', docNumber: n(3), title: roundTitle, meetingId: r.meetingId, roundId: r.round.id, date: '2026-10-30', exports: 1 });
    expect(entry!.exportedAt).toBe(entry!.firstExportedAt);
    const view = await call('documents.meeting', { meetingId: r.meetingId });
    expect(view.rounds.find((x) => x.id === r.round.id)?.announcement).toEqual({
      docNumber: n(3),
      title: roundTitle,
      date: '2026-10-30',
      firstExportedAt: entry!.firstExportedAt,
      exportedAt: entry!.exportedAt,
      exports: 1,
    });
    expect(view).toMatchObject({ suggestedNumber: n(4), takenNumbers: [n(3)], meetingAnnouncement: null });

    // Exported again with its number: a reprint, one entry.
    await call('documents.announcement', { meetingId: r.meetingId, roundId: r.round.id, docNumber: n(3), date: '2026-10-31' });
    expect(await registerOf(r)).toMatchObject([{ docNumber: n(3), date: '2026-10-31', exports: 2, firstExportedAt: entry!.firstExportedAt }]);

    // The whole meeting's 通报 is another document: 3号 is refused, naming the round's 通报, as a field error.
    const refused = await call('documents.announcement', { meetingId: r.meetingId, docNumber: n(3), date: '2026-10-31' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'conflict', message: `发文字号${n(3)}已被使用（《${roundTitle}》的发文字号），请换一个序号。` });
    expect((refused as { issues: { path: string; message: string }[] }).issues).toEqual([{ path: 'issue.docNumber', message: `${n(3)}已被《${roundTitle}》使用` }]);
    await call('documents.announcement', { meetingId: r.meetingId, docNumber: n(4), date: '2026-10-31' });
    const both = await call('documents.meeting', { meetingId: r.meetingId });
    expect(both.meetingAnnouncement).toMatchObject({ docNumber: n(4), title: WHOLE_TITLE });
    expect(both).toMatchObject({ suggestedNumber: n(5), takenNumbers: [n(3), n(4)] });

    // An opinion may not take a 通报's number; its suggestion skips them.
    const row = (await call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await call('opinions.create', which);
    await call('opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(row.name) });
    const approved = await call('opinions.approve', { ...which, versionNo: 1, council: { date: '2026-11-02', sitting: 12 } });
    expect(approved.suggestedNumber).toBe(n(5));
    expect(await call('opinions.suggestNumber', { ...which, issueYear: 2026 })).toEqual({ suggestion: n(5), taken: [n(3), n(4)] });
    await expect(call('opinions.issue', { ...which, versionNo: 1, issue: { docNumber: n(4), issueDate: '2026-11-03' } })).rejects.toThrow(
      `发文字号${n(4)}已被使用（《${WHOLE_TITLE}》的发文字号），请换一个序号。`,
    );
    await call('opinions.issue', { ...which, versionNo: 1, issue: { docNumber: n(5), issueDate: '2026-11-03' } });

    // …nor a 通报 an opinion's: the opinion is named; the 通报's suggestion skips it.
    await expect(call('documents.announcement', { meetingId: r.meetingId, roundId: r.round.id, docNumber: n(5), date: '2026-11-03' })).rejects.toThrow(
      `发文字号${n(5)}已被使用（《关于对${row.name}同志履职情况的评议意见》的发文字号），请换一个序号。`,
    );
    expect(await call('documents.meeting', { meetingId: r.meetingId })).toMatchObject({ suggestedNumber: n(6), takenNumbers: [n(3), n(4), n(5)] });

    // The round's 通报 renumbered to 7号: its entry now says 7号 and 3号 stays taken.
    await call('documents.announcement', { meetingId: r.meetingId, roundId: r.round.id, docNumber: n(7), date: '2026-11-03' });
    expect((await registerOf(r)).map((d) => [d.roundId, d.docNumber, d.exports])).toEqual([
      [r.round.id, n(7), 3],
      [null, n(4), 1],
    ]);
    expect(await call('documents.meeting', { meetingId: r.meetingId })).toMatchObject({ suggestedNumber: n(8), takenNumbers: [n(3), n(4), n(5), n(7)] });
    expect((await call('opinions.suggestNumber', { ...which, issueYear: 2026 })).suggestion).toBe(n(5));
  });

  it('refuses a number whose year is not the 成文日期’s, and records nothing', async () => {
    const r = await announcedRound();
    const call = desk(r);
    const prefix = r.core.settings.organisation.docPrefix;
    await expect(call('documents.announcement', { meetingId: r.meetingId, docNumber: `${prefix}〔2025〕3号`, date: '2026-10-30' })).rejects.toThrow(
      '发文字号的年份〔2025〕应与成文日期的年份（2026年）一致。',
    );
    expect(await registerOf(r)).toEqual([]);
  });

  it('the register is on disk: the services opened again hold the number', async () => {
    const r = await announcedRound();
    const prefix = r.core.settings.organisation.docPrefix;
    // The demo county's year file was written without a register and loads as before.
    expect((await r.s.store.read<YearData>('year/2026')).register).toBeUndefined();
    await desk(r)('documents.announcement', { meetingId: r.meetingId, docNumber: `${prefix}〔2026〕2号`, date: '2026-10-30' });
    await closeAll();
    const { s } = await start(r.dir);
    const view = await desk({ s })('documents.meeting', { meetingId: r.meetingId });
    expect(view.meetingAnnouncement).toMatchObject({ docNumber: `${prefix}〔2026〕2号`, title: WHOLE_TITLE, date: '2026-10-30' });
    expect(view.suggestedNumber).toBe(`${prefix}〔2026〕3号`);
  });
});

/** The desktop's save dialog, scripted: closed, or a disk that fails the write. */
class ScriptedFiles implements FilePort {
  answer: 'save' | 'close' | 'fail' = 'save';
  saved: string[] = [];
  async destination(_caller: Caller, file: { fileName: string }): Promise<FileDestination | null> {
    if (this.answer === 'close') return null;
    const fail = this.answer === 'fail';
    return {
      fileName: file.fileName,
      complete: async (bytes): Promise<FileDelivery> => {
        if (fail) throw new Error('磁盘已满，文件未写入');
        this.saved.push(file.fileName);
        return { kind: 'saved', path: `/导出/${file.fileName}`, fileName: file.fileName, bytes: bytes.length };
      },
    };
  }
  async deliver(caller: Caller, file: OutgoingFile): Promise<FileDelivery> {
    const d = await this.destination(caller, file);
    return d ? d.complete(file.bytes) : { kind: 'cancelled' };
  }
  async open(_caller: Caller, file: OutgoingFile): Promise<FileDelivery> {
    return { kind: 'opened', fileName: file.fileName, bytes: file.bytes.length };
  }
  async chooseFolder(): Promise<string | null> {
    return null;
  }
  async chooseDataFolder(): Promise<string | null> {
    return null;
  }
}

describe('the number goes out only with the file', () => {
  it('a closed save dialog records nothing; a failed write takes the entry back; a saved file keeps it', async () => {
    const files = new ScriptedFiles();
    const r = await announcedRound({ files });
    const call = desk(r);
    const n = (seq: number) => `${r.core.settings.organisation.docPrefix}〔2026〕${seq}号`;
    const args = { meetingId: r.meetingId, roundId: r.round.id, docNumber: n(3), date: '2026-10-30' };

    files.answer = 'close';
    expect(await call('documents.announcement', args)).toEqual({ kind: 'cancelled' });
    expect(await registerOf(r)).toEqual([]);

    files.answer = 'fail';
    await expect(call('documents.announcement', args)).rejects.toThrow();
    expect(await registerOf(r)).toEqual([]);

    files.answer = 'save';
    expect(await call('documents.announcement', args)).toMatchObject({ kind: 'saved', fileName: `关于${r.item.title}结果的通报.docx` });
    expect(await registerOf(r)).toMatchObject([{ docNumber: n(3), exports: 1 }]);

    // A renumbering whose file fails leaves the 通报 under its earlier number.
    files.answer = 'fail';
    await expect(call('documents.announcement', { ...args, docNumber: n(8) })).rejects.toThrow();
    expect(await registerOf(r)).toMatchObject([{ docNumber: n(3), exports: 1 }]);
    expect(files.saved).toHaveLength(1);
  });
});
