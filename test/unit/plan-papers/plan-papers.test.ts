import { afterAll, describe, expect, it } from 'vitest';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { Settings } from '../../../shared/domain/settings';
import { paragraphs, readDocx, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { closeAll, start } from '../vote-service/support';

/**
 * The `planPapers.*` calls on the demo county: the 请示 numbered in the 发文登记 (register.requests of its number's
 * year) under the upward organ's 机关代字 from the settings, a number another paper holds refused naming it, a reprint
 * keeping its number; the notice's channel and period stored in the year partition, a period ending before it starts
 * refused naming the field; the notice's plain text from the plan.
 */

afterAll(closeAll);

async function setup() {
  const { s } = await start();
  const desk = async <T>(name: string, args: unknown): Promise<T> => {
    const reply = await s.dispatch('desk', name as never, args as never);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as T;
  };
  const core = await s.store.read<CoreData>('core');
  const term = core.settings.term;
  const year = term.startYear;
  const doc = (result: FileDelivery) => {
    const file = takeDelivered(s, 'desk', result);
    return { fileName: file.fileName, text: paragraphs(readDocx(file.bytes).document).map(textOf).join('\n').replaceAll('\u2060', '') };
  };
  return { s, desk, core, term, year, doc };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('the 请示 of the plan', () => {
  it('goes out under the upward organ of the settings, numbered in its series and registered with its 签发人 and 附注', async () => {
    const t = await setup();
    const settings: Settings = { ...t.core.settings, upward: { organ: `中共${t.core.settings.organisation.fullName}党组`, docPrefix: '青人常党', addressee: '中共青岚县委' } };
    await t.desk('settings.update', { settings });
    const view = await t.desk<{ request: { suggestedNumber: string; organ: string; last: unknown } }>('planPapers.view', { year: t.year });
    expect(view.request.organ).toBe(settings.upward.organ);
    expect(view.request.last).toBeNull();
    const number = view.request.suggestedNumber;
    expect(number).toMatch(/^青人常党〔\d{4}〕1号$/);
    const date = `${number.slice(5, 9)}-03-02`;
    const args = { docNumber: number, date, signer: '周明远', contactName: '林晓', contactPhone: '0000-1234567' };
    const file = t.doc(await t.desk<FileDelivery>('planPapers.request', args));
    expect(file.fileName).toMatch(/请示\.docx$/);
    expect(file.text).toContain(`${settings.upward.organ}文件`);
    expect(file.text).toContain(`${number}签发人：周明远`);
    expect(file.text).toContain('中共青岚县委：');
    expect(file.text).toContain('（联系人：林晓，电话：0000-1234567）');
    expect(file.text).toContain(`${t.term.startYear}年`);
    const year = await t.s.store.read<YearData>(`year/${number.slice(5, 9)}`);
    expect(year.register?.requests).toMatchObject([{ kind: '计划请示', docNumber: number, signer: '周明远', contactName: '林晓', exports: 1 }]);

    // Offered again with what it carried; a reprint under the same number keeps one entry.
    const again = await t.desk<{ request: { suggestedNumber: string; last: { docNumber: string; signer: string } } }>('planPapers.view', { year: t.year });
    expect(again.request.last).toMatchObject({ docNumber: number, signer: '周明远' });
    expect(again.request.suggestedNumber).toBe(number);
    t.doc(await t.desk<FileDelivery>('planPapers.request', args));
    expect((await t.s.store.read<YearData>(`year/${number.slice(5, 9)}`)).register?.requests).toMatchObject([{ docNumber: number, exports: 2 }]);
  });

  it('refuses a number another paper holds, naming it, and a number whose year is not the date’s', async () => {
    const t = await setup();
    const prefix = t.core.settings.organisation.docPrefix;
    // An opinion of the demo holds a number of the Standing Committee's own series.
    const years = [...Array(8).keys()].map((i) => t.term.startYear - 4 + i).filter((y) => t.s.store.has(`year/${y}`));
    let held: string | undefined;
    for (const y of years) {
      const data = await t.s.store.read<YearData>(`year/${y}`);
      held = data.opinions?.records.flatMap((r) => r.versions.flatMap((v) => (v.issue ? [v.issue.docNumber] : []))).find((n) => n.startsWith(prefix));
      if (held) break;
    }
    expect(held).toBeDefined();
    const date = `${held!.slice(prefix.length + 1, prefix.length + 5)}-12-01`;
    const args = { docNumber: held!, date, signer: '周明远', contactName: '林晓', contactPhone: '0000-1234567' };
    const clash = await refusal(t.desk('planPapers.request', args));
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain(`发文字号${held}已被使用`);
    const wrongYear = await refusal(t.desk('planPapers.request', { ...args, date: '2001-01-05' }));
    expect(wrongYear.message).toContain('应与成文日期的年份');
    const noSigner = await refusal(t.desk('planPapers.request', { ...args, signer: ' ' }));
    expect(noSigner.message).toContain('签发人');
  });
});

describe('the 评议工作公告', () => {
  it('stores the channel and period per year and gives the notice as plain text and as a Word paper', async () => {
    const t = await setup();
    const planned = (await t.s.store.read<YearData>(`year/${t.year}`)).evaluations.length;
    expect(planned).toBeGreaterThan(0);
    const before = await t.desk<{ notice: unknown; noticeText: string | null; noticeBlocker: string }>('planPapers.view', { year: t.year });
    expect(before.notice).toBeNull();
    expect(before.noticeText).toBeNull();
    expect(before.noticeBlocker).toContain('意见反映渠道');
    const notice = { channels: '电话：0000-1234567\n电子邮箱：rd@example.invalid', from: `${t.year}-08-01`, to: `${t.year}-08-31` };
    const saved = await t.desk<{ notice: unknown; noticeText: string }>('planPapers.saveNotice', { year: t.year, notice });
    expect(saved.notice).toEqual(notice);
    expect((await t.s.store.read<YearData>(`year/${t.year}`)).notice).toEqual(notice);
    expect(saved.noticeText).toContain(`${t.core.settings.organisation.fullName}关于开展${t.year}年度工作评议征求意见的公告`);
    expect(saved.noticeText).toContain(`征求意见时间：${t.year}年8月1日至${t.year}年8月31日。`);
    expect(saved.noticeText).toContain('电子邮箱：rd@example.invalid');
    expect(saved.noticeText.match(/^\u3000\u3000\d+\. /gm)).toHaveLength(planned);
    const file = t.doc(await t.desk<FileDelivery>('planPapers.notice', { year: t.year, date: `${t.year}-07-25` }));
    expect(file.text).toContain(`征求意见时间：${t.year}年8月1日至${t.year}年8月31日。`);
  });

  it('refuses a period that ends before it starts, naming the field, and keeps what was stored', async () => {
    const t = await setup();
    const good = { channels: '电话：0000-1234567', from: `${t.year}-08-01`, to: `${t.year}-08-31` };
    await t.desk('planPapers.saveNotice', { year: t.year, notice: good });
    const bad = await refusal(t.desk('planPapers.saveNotice', { year: t.year, notice: { ...good, from: `${t.year}-09-01` } }));
    expect(bad.message).toContain('征求意见截止日期不能早于开始日期');
    expect((await t.s.store.read<YearData>(`year/${t.year}`)).notice).toEqual(good);
    const outside = await refusal(t.desk('planPapers.saveNotice', { year: t.term.endYear + 1, notice: good }));
    expect(outside.message).toContain('不在本届计划期内');
  });

  it('gives the 年度计划 of a planned year and refuses a year with nobody planned', async () => {
    const t = await setup();
    const file = t.doc(await t.desk<FileDelivery>('planPapers.annualPlan', { year: t.year, date: `${t.year}-03-01` }));
    expect(file.text).toContain(`${t.core.settings.organisation.fullName}${t.year}年度工作评议计划`);
    const empty = [...Array(6).keys()].map((i) => t.term.startYear + i).find((y) => y <= t.term.endYear && !t.s.store.has(`year/${y}`));
    if (empty !== undefined) {
      const refused = await refusal(t.desk('planPapers.annualPlan', { year: empty, date: `${t.year}-03-01` }));
      expect(refused.message).toContain('还没有列入计划的评议对象');
    }
  });
});
