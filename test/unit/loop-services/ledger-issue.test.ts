import { afterEach, describe, expect, it } from 'vitest';
import { announceVote, contentWithItems, issueOpinion, openHarness, storedYear, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('ledger entries from the issued opinion', () => {
  it('are created at issue, frozen against a later draft, retexted by number on a re-issue with their work kept', async () => {
    h = await openHarness();
    const row = (await h.call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await announceVote(h, 2026, row.evaluationId);
    await issueOpinion(h, which, ['加强队伍建设', '完善制度', '提升服务'], { deliveredOn: null });

    // Written in the issue's own store update, not only computed on read.
    const stored = (await storedYear(h, 2026)).loop!.ledger.filter((e) => e.evaluationId === row.evaluationId);
    expect(stored.map((e) => e.itemNo)).toEqual([1, 2, 3]);
    expect(stored[0]!.itemText).toMatch(/^加强队伍建设\n.+加强队伍建设的具体要求。$/);

    await h.call('opinions.deliver', { ...which, versionNo: 1, delivery: { date: '2026-11-08', receivedBy: '王干事' } });
    await h.call('loop.ledger.save', {
      ...which,
      itemNo: 2,
      entry: { measures: '修订制度三项', responsible: '李科长', dueDate: null, status: 'inProgress', verdict: null, progress: [{ date: '2026-11-20', text: '起草中' }] },
    });

    // A later draft changes nothing the ledger shows.
    await h.call('opinions.revise', { ...which, versionNo: 1, reason: '更正第二项文字' });
    await h.call('opinions.saveDraft', { ...which, versionNo: 2, content: contentWithItems(row.name, ['加强队伍建设', '健全制度体系']) });
    const whileDraft = await h.call('loop.case', which);
    expect(whileDraft.ledger.map((e) => e.itemText.split('\n')[0])).toEqual(['加强队伍建设', '完善制度', '提升服务']);
    expect(whileDraft.items).toBe(3);

    // The re-issue: item 2 retexted with its measures and notes kept; item 3 removed but its entry kept.
    await h.call('opinions.approve', { ...which, versionNo: 2, council: { date: '2026-11-25', sitting: 13 } });
    await h.call('opinions.issue', { ...which, versionNo: 2, issue: { docNumber: `${(await h.call('opinions.get', which)).doc.docPrefix}〔2026〕77号`, issueDate: '2026-11-26' } });
    const after = await h.call('loop.case', which);
    expect(after.ledger.map((e) => [e.itemNo, e.itemText.split('\n')[0]])).toEqual([
      [1, '加强队伍建设'],
      [2, '健全制度体系'],
      [3, '提升服务'],
    ]);
    expect(after.ledger[1]).toMatchObject({ measures: '修订制度三项', responsible: '李科长', progress: [{ date: '2026-11-20', text: '起草中' }] });
    expect(after.orphaned).toEqual([3]);
    expect(after.items).toBe(2);
    expect(after.issued.revisions).toEqual([
      expect.objectContaining({ fromVersion: 1, toVersion: 2, reason: '更正第二项文字', changes: [expect.objectContaining({ no: 2, kind: 'changed' }), expect.objectContaining({ no: 3, kind: 'removed' })] }),
    ]);
    // Deadlines still count from the first delivery.
    expect(after.deadlines).toEqual([expect.objectContaining({ kind: 'report', due: '2027-05-08' })]);
    const stored2 = (await storedYear(h, 2026)).loop!.ledger.filter((e) => e.evaluationId === row.evaluationId);
    expect(stored2.find((e) => e.itemNo === 2)!.itemText.startsWith('健全制度体系')).toBe(true);
  });

  it('reconciles on read an opinion issued before the ledger existed, and writes it on the first change', async () => {
    h = await openHarness();
    const row = (await h.call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await announceVote(h, 2026, row.evaluationId);
    await issueOpinion(h, which, ['一项', '两项']);
    // As a folder written before this version: no loop records at all.
    await h.services.store.update<{ loop?: unknown }, void>('year/2026', (data) => {
      delete data.loop;
    });
    expect((await storedYear(h, 2026)).loop).toBeUndefined();
    const c = await h.call('loop.case', which);
    expect(c.ledger.map((e) => e.itemNo)).toEqual([1, 2]);
    await h.call('loop.ledger.save', { ...which, itemNo: 1, entry: { measures: '措施', responsible: '', dueDate: null, status: 'done', verdict: null, progress: [] } });
    expect((await storedYear(h, 2026)).loop!.ledger.map((e) => [e.itemNo, e.status])).toEqual([
      [1, 'done'],
      [2, 'notStarted'],
    ]);
  });
});
