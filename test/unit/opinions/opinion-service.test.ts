import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger, type Clock } from '../../../electron/services/deps';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import { takeDelivered } from '../exports/delivered';
import { checkOpinionStructure } from './docx-structure';
import { finishedContent } from './fixtures';

const clock: Clock = { now: () => Date.UTC(2026, 10, 28, 2, 0, 0) };
let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

async function open() {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-op-'));
  services = await createAppServices({ homeDir: home, mode: 'browser', version: 'test', clock, log: silentLogger, backupOnStart: false });
  const s = services;
  return async function call<N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
    const reply = await s.dispatch('desk', name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as ResultOf<N>;
  };
}

describe('opinion services on the demo county', () => {
  it('drafts, approves, issues, delivers and exports an opinion that passes the structure check', async () => {
    const call = await open();
    const list = await call('opinions.list', {});
    expect(list.year).toBe(2026);
    expect(list.rows).toHaveLength(11);
    expect(list.rows.every((r) => r.status === 'none' && r.meetingName !== null)).toBe(true);
    const row = list.rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };

    await call('memberOpinions.add', { year: 2026, opinion: { evaluateeId: row.evaluateeId, name: '周委员', text: '加强基层队伍建设', source: 'written' } });
    const created = await call('opinions.create', which);
    expect(created.row.status).toBe('draft');
    expect(created.hints).toContain('尚无已公布的测评结果；测评公布后可“按最新记录重新预填”。');
    const v1 = created.record!.versions[0]!;
    expect(v1.content.addressee).toBe(`${row.name}同志`);
    expect(v1.content.lead[0]!.text).toContain(row.meetingName!);
    expect(v1.content.sections.suggestions.map((p) => p.text)).toContain('加强基层队伍建设。');
    expect(created.doc.organHeader).toMatch(/人民代表大会常务委员会文件$/);
    expect(created.doc.copyTo).toContain(row.unitName);
    // Creating again (a second window) keeps the existing opinion.
    expect((await call('opinions.create', which)).record!.id).toBe(created.record!.id);

    await expect(call('opinions.approve', { ...which, versionNo: 1, council: { date: '2026-11-10', sitting: 30 } })).rejects.toThrow(/待填写/);
    await call('opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(row.name) });
    const approved = await call('opinions.approve', { ...which, versionNo: 1, council: { date: '2026-11-10', sitting: 30 } });
    expect(approved.row.status).toBe('approved');
    expect(approved.suggestedNumber).toBe(`${approved.doc.docPrefix}〔2026〕1号`);
    await expect(call('opinions.export', which)).rejects.toThrow(/印发/);

    const docNumber = approved.suggestedNumber;
    const issued = await call('opinions.issue', { ...which, versionNo: 1, issue: { docNumber, issueDate: '2026-11-12' } });
    expect(issued.row).toMatchObject({ status: 'issued', docNumber, issueDate: '2026-11-12' });
    await expect(call('opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent('改') })).rejects.toThrow(/修订/);

    const pending = await call('opinions.pending', {});
    expect(pending.awaitingDelivery.map((p) => p.evaluationId)).toEqual([row.evaluationId]);
    const delivered = await call('opinions.deliver', { ...which, versionNo: 1, delivery: { date: '2026-11-13', receivedBy: '办公室李干事' } });
    // The stage is derived from the records (shared/loop): this shortcut has no announced vote, so it
    // stays where the demo's research of this year left it.
    expect(delivered.row).toMatchObject({ status: 'delivered', stageLabel: '事前调研' });
    const after = await call('opinions.pending', {});
    // The demo's earlier years have open deadlines of their own: this evaluation's only.
    expect(after.deadlines.filter((d) => d.evaluationId === row.evaluationId)).toEqual([
      expect.objectContaining({ evaluationId: row.evaluationId, deliveredOn: '2026-11-13', planDue: null, reportDue: '2027-05-13', reReportDue: null }),
    ]);

    // Browser mode: a one-time download link for the desk, with the Chinese name.
    const file = takeDelivered(services!, 'desk', await call('opinions.export', which));
    expect(file.fileName).toBe(`关于对${row.name}同志履职情况的评议意见.docx`);
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = file.bytes;
    expect(
      checkOpinionStructure(bytes, {
        header: created.doc.organHeader,
        docNumber,
        title: `关于对${row.name}同志履职情况的评议意见`,
        copyToIncludes: ['县委', row.unitName],
        issueDateCn: '2026年11月12日',
      }),
    ).toEqual([]);

    // The number is taken: another opinion of the same series cannot have it; the next is suggested.
    const other = { year: 2026, evaluationId: list.rows[1]!.evaluationId };
    await call('opinions.create', other);
    await call('opinions.saveDraft', { ...other, versionNo: 1, content: finishedContent(list.rows[1]!.name) });
    await call('opinions.approve', { ...other, versionNo: 1, council: { date: '2026-11-10', sitting: null } });
    await expect(call('opinions.issue', { ...other, versionNo: 1, issue: { docNumber, issueDate: '2026-11-12' } })).rejects.toThrow(/已被使用/);
    expect((await call('opinions.suggestNumber', { ...other, issueYear: 2026 })).suggestion).toBe(docNumber.replace('1号', '2号'));

    // Revising the issued opinion: version 2 with the reason, version 1 kept and still exportable.
    const revised = await call('opinions.revise', { ...which, versionNo: 1, reason: '更正单位名称' });
    expect(revised.record!.versions.map((v) => [v.no, v.reason, v.issue?.docNumber ?? null])).toEqual([
      [1, '', docNumber],
      [2, '更正单位名称', null],
    ]);
    expect(revised.row.status).toBe('draft');
    expect(revised.suggestedNumber).toBe(docNumber);
    expect(await call('opinions.export', { ...which, versionNo: 1 })).toMatchObject({ kind: 'download', fileName: `关于对${row.name}同志履职情况的评议意见.docx` });
  });

  it('records members’ opinions per evaluatee of the year', async () => {
    const call = await open();
    const row = (await call('opinions.list', {})).rows[2]!;
    const members = await call('members.list', {});
    const added = await call('memberOpinions.add', {
      year: 2026,
      opinion: { evaluateeId: row.evaluateeId, memberId: members[3]!.id, name: members[3]!.name, text: '建议加快项目审批', source: 'meeting' },
    });
    expect(added).toMatchObject({ name: members[3]!.name, source: 'meeting', memberId: members[3]!.id });
    const updated = await call('memberOpinions.update', { year: 2026, id: added.id, opinion: { evaluateeId: row.evaluateeId, name: '外部专家', text: '建议简化流程', source: 'written' } });
    expect(updated).toMatchObject({ id: added.id, name: '外部专家', text: '建议简化流程' });
    expect(updated.memberId).toBeUndefined();
    expect((await call('opinions.get', { year: 2026, evaluationId: row.evaluationId })).memberOpinions).toHaveLength(1);
    expect((await call('opinions.list', {})).rows[2]!.memberOpinions).toBe(1);
    await call('memberOpinions.delete', { year: 2026, id: added.id });
    expect((await call('opinions.get', { year: 2026, evaluationId: row.evaluationId })).memberOpinions).toHaveLength(0);

    const earlier = (await call('plan.get', {})).rows.find((r) => r.cells[0] !== null)!;
    await expect(call('memberOpinions.add', { year: 2026, opinion: { evaluateeId: earlier.evaluateeId, name: '周委员', text: '意见', source: 'written' } })).rejects.toThrow(/不在2026年度评议计划中/);
  });
});
