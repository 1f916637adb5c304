import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploads } from '../../../electron/services/loop/uploads';
import { FILE_MAX_BYTES } from '../../../shared/loop/schemas';
import { yearKey, type YearData } from '../../../shared/domain/partitions';
import { takeDelivered } from '../exports/delivered';
import { announceVote, issueOpinion, openHarness, storedYear, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setup() {
  h = await openHarness();
  const row = (await h.call('opinions.list', { year: 2026 })).rows[0]!;
  const which = { year: 2026, evaluationId: row.evaluationId };
  await announceVote(h, 2026, row.evaluationId);
  await issueOpinion(h, which, ['加强队伍建设', '完善制度']);
  return { h, which };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('evidence files', () => {
  it('stages, attaches into the data folder by checksum, lists, opens and removes', async () => {
    const { h, which } = await setup();
    const staged = await h.call('loop.evidence.stage', { fileName: '培训签到表.pdf', bytes: bytesOf('%PDF 签到') });
    expect(staged).toMatchObject({ name: '培训签到表.pdf', size: bytesOf('%PDF 签到').length });
    const c = await h.call('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 1 }, uploadId: staged.uploadId });
    const ref = c.ledger[0]!.evidence[0]!;
    expect(ref).toMatchObject({ name: '培训签到表.pdf', size: staged.size, storedAs: `attachments/evidence/${ref.sha256.slice(0, 2)}/${ref.sha256}.pdf` });
    expect(await readFile(join(h.services.dataDir, ...ref.storedAs.split('/')), 'utf8')).toBe('%PDF 签到');
    // The upload is used up.
    expect(await h.refused('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 2 }, uploadId: staged.uploadId })).toMatchObject({ code: 'not_found' });

    // The same content again on the same item is refused, on another item it is stored once.
    const again = await h.call('loop.evidence.stage', { fileName: '副本.pdf', bytes: bytesOf('%PDF 签到') });
    expect((await h.refused('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 1 }, uploadId: again.uploadId })).message).toContain('已有同样内容的文件“培训签到表.pdf”');
    const second = await h.call('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 2 }, uploadId: again.uploadId });
    expect(second.ledger[1]!.evidence[0]!.storedAs).toBe(ref.storedAs);

    const opened = takeDelivered(h.services, 'desk', await h.call('loop.evidence.open', { ...which, target: { kind: 'ledger', itemNo: 1 }, sha256: ref.sha256 }));
    expect(opened).toMatchObject({ fileName: '培训签到表.pdf', contentType: 'application/pdf' });
    expect(new TextDecoder().decode(opened.bytes)).toBe('%PDF 签到');

    const removed = await h.call('loop.evidence.remove', { ...which, target: { kind: 'ledger', itemNo: 1 }, sha256: ref.sha256 });
    expect(removed.ledger[0]!.evidence).toEqual([]);
    expect(await h.refused('loop.evidence.remove', { ...which, target: { kind: 'ledger', itemNo: 1 }, sha256: ref.sha256 })).toMatchObject({ code: 'not_found' });
    // Still referenced by item 2: the file stays.
    expect(await readFile(join(h.services.dataDir, ...ref.storedAs.split('/')), 'utf8')).toBe('%PDF 签到');
  });

  it('attaches the report scan and an escalation step’s documents; refuses a missing target without writing a file', async () => {
    const { h, which } = await setup();
    const scan = await h.call('loop.evidence.stage', { fileName: '报告扫描件.jpg', bytes: bytesOf('JPEG…') });
    expect(await h.refused('loop.evidence.attach', { ...which, target: { kind: 'report' }, uploadId: scan.uploadId })).toMatchObject({ code: 'conflict', message: '请先登记收到整改情况报告，再添加其文件或扫描件。' });
    expect(await h.refused('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 7 }, uploadId: scan.uploadId })).toMatchObject({ code: 'not_found' });
    expect(await h.refused('loop.evidence.attach', { ...which, target: { kind: 'escalation', stepId: 'es_zzzzzzzzzz' }, uploadId: scan.uploadId })).toMatchObject({ code: 'not_found' });
    await expect(stat(join(h.services.dataDir, 'attachments', 'evidence'))).rejects.toMatchObject({ code: 'ENOENT' });

    await h.call('loop.report.save', { ...which, report: { receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: null } });
    const withScan = await h.call('loop.evidence.attach', { ...which, target: { kind: 'report' }, uploadId: scan.uploadId });
    expect(withScan.report!.file).toMatchObject({ name: '报告扫描件.jpg' });
    // Saving the report again keeps its file.
    expect((await h.call('loop.report.save', { ...which, report: { receivedOn: '2026-11-21', reportDate: null, docNumber: 'X政〔2026〕1号', meetingId: null } })).report!.file).toMatchObject({ name: '报告扫描件.jpg' });

    const meetingId = (await h.call('meetings.list', {}))[0]!.id;
    const step = await h.call('loop.escalation.save', { ...which, step: { kind: 'inquiry', meetingId, date: '2026-11-25', askedBy: [{ name: '王委员' }], question: '进度', answeredBy: '', answer: '' }, confirm: true });
    const stepId = step.escalation[0]!.id;
    const doc = await h.call('loop.evidence.stage', { fileName: '询问记录.docx', bytes: bytesOf('docx') });
    const withDoc = await h.call('loop.evidence.attach', { ...which, target: { kind: 'escalation', stepId }, uploadId: doc.uploadId });
    expect(withDoc.escalation[0]!.documents).toEqual([expect.objectContaining({ name: '询问记录.docx' })]);
    // Saving the step again (documents are not sent) keeps them.
    const resaved = await h.call('loop.escalation.save', { ...which, step: { kind: 'inquiry', id: stepId, meetingId, date: '2026-11-25', askedBy: [{ name: '王委员' }], question: '进度如何', answeredBy: '', answer: '' } });
    expect(resaved.escalation[0]!.documents).toHaveLength(1);
  });

  it('refuses a file over 50 MB, a file altered on disk, and a stored path outside the data folder', async () => {
    const { h, which } = await setup();
    const big = await h.refused('loop.evidence.stage', { fileName: '录像.mp4', bytes: new Uint8Array(FILE_MAX_BYTES + 1) });
    expect(big).toMatchObject({ code: 'invalid_args' });
    expect(big.message).toContain('不能超过50 MB');
    // The staging itself applies the same rule (the host's path goes straight to it).
    expect(() => createUploads().stage('desk', '录像.mp4', new Uint8Array(FILE_MAX_BYTES + 1))).toThrow('文件“录像.mp4”超过50 MB，无法上传');
    // Browser mode cannot send bytes as JSON.
    expect((await h.refused('loop.evidence.stage', { fileName: 'a.pdf', bytes: {} as never })).message).toContain('文件内容无效');

    const staged = await h.call('loop.evidence.stage', { fileName: '台账.xlsx', bytes: bytesOf('xlsx') });
    const ref = (await h.call('loop.evidence.attach', { ...which, target: { kind: 'ledger', itemNo: 1 }, uploadId: staged.uploadId })).ledger[0]!.evidence[0]!;
    await writeFile(join(h.services.dataDir, ...ref.storedAs.split('/')), 'changed');
    expect((await h.refused('loop.evidence.open', { ...which, target: { kind: 'ledger', itemNo: 1 }, sha256: ref.sha256 })).message).toContain('校验值不符');

    // A record naming a place outside the data folder is refused by the partition's schema.
    await expect(
      h.services.store.update<YearData, void>(yearKey(2026), (data) => {
        data.loop!.ledger[0]!.evidence[0]!.storedAs = '../outside.xlsx';
      }),
    ).rejects.toThrow('不在数据文件夹内');
    expect((await storedYear(h, 2026)).loop!.ledger[0]!.evidence[0]!.storedAs).toBe(ref.storedAs);
  });
});
