import { describe, expect, it } from 'vitest';
import { recordLetter } from '../../../electron/services/loop-docs/letter-register';
import { yearNumbers } from '../../../electron/services/opinions/numbering';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { Settings } from '../../../shared/domain/settings';
import type { YearData } from '../../../shared/domain/partitions';
import { paragraphs, readDocx, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { seeded, type Seeded } from './support';

/**
 * The `loopDocs.*` calls on a data folder: the papers built from the year partition's `loop` records (a missing
 * `loop` read as empty), the 督办函 numbered in the 函 series of the 发文登记 before its file is handed over, and each
 * refusal a Chinese message naming what is missing. Today is 2026-10-28 (the test clock); the opinion was delivered
 * on 2025-11-08, so the 整改情况报告 (6 months by default) was due on 2026-05-08.
 */

function docText(t: Seeded, result: FileDelivery): { fileName: string; text: string } {
  const file = takeDelivered(t.s, 'desk', result);
  return { fileName: file.fileName, text: paragraphs(readDocx(file.bytes).document).map(textOf).join('\n').replaceAll('\u2060', '') };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('expected a refusal');
}

const ledgerEntry = (t: Seeded, itemNo: number, text: string) => ({
  evaluationId: t.evaluationId,
  opinionId: 'op_loopdocs01',
  itemNo,
  itemText: text,
  measures: '制定教师补充计划，分三年补齐缺额。',
  responsible: '李军',
  dueDate: '2026-04-30',
  progress: [{ date: '2026-02-15', text: '已招聘教师42名。' }],
  status: 'done' as const,
  evidence: [],
  verdict: 'fullyRectified' as const,
});

describe('督办函', () => {
  it('the view tolerates a year without loop records and offers the overdue report with the next number of the 函 series', async () => {
    const t = await seeded();
    expect((await t.readYear()).loop).toBeUndefined();
    const view = await t.desk('loopDocs.view', { year: t.year, evaluationId: t.evaluationId });
    expect(view.letter.blocker).toBeNull();
    expect(view.letter.overdue).toEqual([{ kind: 'report', label: '整改情况报告', due: '2026-05-08', daysOverdue: 173 }]);
    expect(view.letter.suggestedNumber).toBe(`${t.docPrefix}函〔2026〕1号`);
    expect(view.letter.issued).toEqual([]);
    expect(view.followUpReportBlocker).toBe('还没有回头看记录');
    expect(view.ledgerBlocker).toBe('整改台账还没有条目');
    expect(view.interpellations).toEqual([]);
    expect(view.unitName).toBe(t.unitName);
  });

  it('is exported addressed to the unit, in the county’s words, and registered; again under its number it reprints, a new number is a new letter', async () => {
    const t = await seeded();
    const number = `${t.docPrefix}函〔2026〕1号`;
    const result = await t.desk('loopDocs.supervisionLetter', { year: t.year, evaluationId: t.evaluationId, docNumber: number, date: '2026-10-28', replyBy: '2026-11-15' });
    const { fileName, text } = docText(t, result);
    expect(fileName).toBe(`关于督促报送${t.name}同志评议意见整改情况报告的函.docx`);
    expect(text).toContain(t.fullName);
    expect(text).toContain(number);
    expect(text).toContain(`${t.unitName}：`);
    expect(text).toContain(`2025年11月8日，县人大常委会将《关于对${t.name}同志履职情况的评议意见》（${t.opinionNumber}）送达${t.name}同志`);
    expect(text).toContain('应于收到评议意见之日起6个月内（即2026年5月8日前）报送整改情况报告。截至2026年10月28日，县人大常委会尚未收到整改情况报告，已逾期173日。');
    expect(text).toContain('于2026年11月15日前将整改情况报告书面报送县人大常委会。');
    expect(text).not.toMatch(/某某|X人常|XX/);
    const letters = (await t.readYear()).register?.letters ?? [];
    expect(letters).toMatchObject([{ kind: '督办函', docNumber: number, evaluationId: t.evaluationId, date: '2026-10-28', replyBy: '2026-11-15', exports: 1 }]);

    takeDelivered(t.s, 'desk', await t.desk('loopDocs.supervisionLetter', { year: t.year, evaluationId: t.evaluationId, docNumber: number, date: '2026-10-28', replyBy: '2026-11-20' }));
    expect((await t.readYear()).register?.letters).toMatchObject([{ docNumber: number, replyBy: '2026-11-20', exports: 2 }]);
    const view = await t.desk('loopDocs.view', { year: t.year, evaluationId: t.evaluationId });
    expect(view.letter.suggestedNumber).toBe(`${t.docPrefix}函〔2026〕2号`);
    expect(view.letter.takenNumbers).toEqual([number]);

    takeDelivered(t.s, 'desk', await t.desk('loopDocs.supervisionLetter', { year: t.year, evaluationId: t.evaluationId, docNumber: ` ${t.docPrefix}函〔2026〕2号`, date: '2026-10-28', replyBy: '2026-11-20' }));
    const again = await t.desk('loopDocs.view', { year: t.year, evaluationId: t.evaluationId });
    expect(again.letter.issued.map((l) => l.docNumber)).toEqual([number, `${t.docPrefix}函〔2026〕2号`]);
  });

  it('refuses a number outside the 函 series, of another year than its date, or held by another evaluation’s letter; and a reply day before the letter', async () => {
    const t = await seeded();
    const args = { year: t.year, evaluationId: t.evaluationId, date: '2026-10-28', replyBy: '2026-11-15' };
    expect((await refusal(t.desk('loopDocs.supervisionLetter', { ...args, docNumber: `${t.docPrefix}〔2026〕30号` }))).message).toContain('发文字号应使用函件代字');
    expect((await refusal(t.desk('loopDocs.supervisionLetter', { ...args, docNumber: `${t.docPrefix}函〔2025〕3号` }))).message).toContain('应与成文日期的年份（2026年）一致');
    expect((await refusal(t.desk('loopDocs.supervisionLetter', { ...args, docNumber: `${t.docPrefix}函[2026]3号` }))).message).toContain('六角括号');
    expect((await refusal(t.desk('loopDocs.supervisionLetter', { ...args, docNumber: `${t.docPrefix}函〔2026〕3号`, replyBy: '2026-10-01' }))).message).toBe(
      '报送期限（2026年10月1日）不能早于督办函的成文日期（2026年10月28日）。',
    );
    expect((await t.readYear()).register?.letters ?? []).toEqual([]);

    // Another evaluation's letter holds the number: refused, naming it.
    const data: YearData = { year: 2026, evaluations: [], register: { documents: [], letters: [] } };
    recordLetter(data, { evaluationId: 'ev_aaaaaaaaaa', docNumber: `${t.docPrefix}函〔2026〕4号`, title: '关于督促报送李华同志评议意见整改情况报告的函', date: '2026-10-20', replyBy: '2026-11-01' }, { others: [], now: 't1' });
    expect(() =>
      recordLetter(data, { evaluationId: 'ev_bbbbbbbbbb', docNumber: `${t.docPrefix}函〔2026〕4号`, title: 'x', date: '2026-10-28', replyBy: '2026-11-01' }, { others: [], now: 't2' }),
    ).toThrow('已被使用（《关于督促报送李华同志评议意见整改情况报告的函》的发文字号）');
    expect(yearNumbers(data).map((u) => u.text)).toEqual([`${t.docPrefix}函〔2026〕4号`]);
  });

  it('is refused once the report arrived, and names the plan too where the county sets a plan deadline', async () => {
    const t = await seeded();
    const settings = await t.desk('settings.get', {});
    await t.desk('settings.update', { settings: { ...(settings as Settings), deadlines: { ...(settings as Settings).deadlines, rectificationPlanDays: 15 } } });
    const view = await t.desk('loopDocs.view', { year: t.year, evaluationId: t.evaluationId });
    expect(view.letter.overdue.map((o) => [o.label, o.due])).toEqual([
      ['整改方案', '2025-11-23'],
      ['整改情况报告', '2026-05-08'],
    ]);
    const result = await t.desk('loopDocs.supervisionLetter', { year: t.year, evaluationId: t.evaluationId, docNumber: `${t.docPrefix}函〔2026〕1号`, date: '2026-10-28', replyBy: '2026-11-15' });
    expect(docText(t, result).text).toContain('收到评议意见之日起15日内（即2025年11月23日前）报送整改方案');

    await t.setLoop((loop) => {
      loop.plans.push({ evaluationId: t.evaluationId, receivedOn: '2025-11-20', docNumber: '', file: null });
      loop.reports.push({ evaluationId: t.evaluationId, reportDate: '2026-05-06', receivedOn: '2026-05-07', docNumber: '', file: null, meetingId: null });
    });
    const after = await t.desk('loopDocs.view', { year: t.year, evaluationId: t.evaluationId });
    expect(after.letter.blocker).toBe('没有逾期未报的整改方案或整改情况报告');
    const refused = await refusal(t.desk('loopDocs.supervisionLetter', { year: t.year, evaluationId: t.evaluationId, docNumber: `${t.docPrefix}函〔2026〕2号`, date: '2026-10-28', replyBy: '2026-11-15' }));
    expect(refused).toEqual({ code: 'conflict', message: '截至2026年10月28日，该评议没有逾期未报的整改方案或整改情况报告，不需要督办函。' });
  });
});

describe('回头看调研报告, 质询案, 整改台账 and 结果运用登记表', () => {
  it('builds the 回头看调研报告 from the record, each item quoted from the ledger with its verdict', async () => {
    const t = await seeded();
    expect((await refusal(t.desk('loopDocs.followUpReport', { year: t.year, evaluationId: t.evaluationId }))).message).toContain('还没有回头看记录');
    await t.setLoop((loop) => {
      loop.ledger.push(ledgerEntry(t, 1, '（一）加强师资队伍建设。要补齐教师缺额。'), { ...ledgerEntry(t, 2, '（二）优化城乡学校布局。'), verdict: 'notRectified' });
      loop.followUps.push({
        evaluationId: t.evaluationId,
        groupName: '',
        group: [{ role: '组长', name: '刘建国', post: '县人大常委会副主任' }],
        startDate: '2026-06-10',
        endDate: '2026-06-12',
        activities: [{ date: '2026-06-10', activity: '听取整改情况汇报', place: t.unitName }],
        checks: [
          { opinionId: 'op_loopdocs01', itemNo: 1, checked: '教师缺额已补齐', verdict: 'fullyRectified' },
          { opinionId: 'op_loopdocs01', itemNo: 2, checked: '', verdict: 'notRectified' },
        ],
        summary: '整改总体取得成效。',
      });
    });
    const result = await t.desk('loopDocs.followUpReport', { year: t.year, evaluationId: t.evaluationId });
    const { fileName, text } = docText(t, result);
    expect(fileName).toBe(`${t.name}回头看调研报告.docx`);
    expect(text).toContain(`落实《关于对${t.name}同志履职情况的评议意见》（${t.opinionNumber}）提出的意见和建议的情况进行了回头看调研`);
    expect(text).toContain('（一）关于“加强师资队伍建设”。教师缺额已补齐。');
    expect(text).toContain('（二）关于“优化城乡学校布局”。');
    expect(text).toContain('调研组评价：未到位。');
    expect(text).toContain('调研组逐项核查意见和建议2项，其中整改到位1项、未到位1项。');
    expect(text).toContain('县人大常委会回头看调研组\n2026年6月12日');
    expect((await refusal(t.desk('loopDocs.followUpReport', { year: t.year, evaluationId: t.evaluationId, date: '2026-06-01' }))).message).toContain('不能早于回头看结束日期');
  });

  it('prints a 质询案 signed by its proposers, and refuses a step that is not one', async () => {
    const t = await seeded();
    await t.setLoop((loop) => {
      loop.escalation.push(
        {
          kind: 'interpellation',
          id: 'es_interpel01',
          evaluationId: t.evaluationId,
          documents: [],
          proposedOn: '2026-09-01',
          proposers: [{ name: '周伟' }, { name: '吴刚' }, { name: '郑晓燕' }],
          object: t.unitName,
          questions: '整改为何迟迟未落实？',
          reasons: '评议意见送达已逾十个月，整改情况报告仍未报送。',
          decision: null,
          answers: [],
        },
        { kind: 'decision', id: 'es_decision01', evaluationId: t.evaluationId, documents: [], date: '2026-10-20', meetingId: 'mt_aaaaaaaaaa', text: '责令限期整改。' },
      );
    });
    const view = await t.desk('loopDocs.view', { year: t.year, evaluationId: t.evaluationId });
    expect(view.interpellations).toEqual([{ stepId: 'es_interpel01', object: t.unitName, proposedOn: '2026-09-01', proposers: 3 }]);
    const { text } = docText(t, await t.desk('loopDocs.interpellation', { year: t.year, evaluationId: t.evaluationId, stepId: 'es_interpel01' }));
    expect(text).toContain(`关于对${t.unitName}的质询案`);
    expect(text).toContain(`${t.fullName}：`);
    expect(text).toContain('我们3名县人大常委会组成人员联名');
    expect(text).toMatch(/提案人（签名）：\n周伟　+＿+\n吴刚　+＿+\n郑晓燕　+＿+\n2026年9月1日$/u);
    expect((await refusal(t.desk('loopDocs.interpellation', { year: t.year, evaluationId: t.evaluationId, stepId: 'es_decision01' }))).message).toBe('该监督措施是常委会相应决定，不是质询案。');
    expect((await refusal(t.desk('loopDocs.interpellation', { year: t.year, evaluationId: t.evaluationId, stepId: 'es_missing001' }))).code).toBe('not_found');
  });

  it('prints the 整改台账 and the 结果运用登记表 of the evaluation and of the year', async () => {
    const t = await seeded();
    expect((await refusal(t.desk('loopDocs.ledger', { year: t.year, evaluationId: t.evaluationId }))).message).toContain('整改台账还没有条目');
    await t.setLoop((loop) => {
      loop.ledger.push(ledgerEntry(t, 1, '（一）加强师资队伍建设。要补齐教师缺额。'));
      loop.resultUses.push(
        { id: 'ru_loopdocs01', evaluationId: t.evaluationId, meetingId: null, kind: 'opinion', recipient: '县委组织部', date: '2025-11-08', how: 'confidential', docNumber: t.opinionNumber, note: '' },
        { id: 'ru_loopdocs02', evaluationId: null, meetingId: 'mt_aaaaaaaaaa', kind: 'bulletin', recipient: '全县各单位', date: '2025-11-05', how: 'electronic', docNumber: '', note: '' },
      );
    });
    const ledger = docText(t, await t.desk('loopDocs.ledger', { year: t.year, evaluationId: t.evaluationId }));
    expect(ledger.fileName).toBe(`${t.name}整改台账.docx`);
    expect(ledger.text.replaceAll('\n', '')).toContain('加强师资队伍建设制定教师补充计划');
    expect(ledger.text).toContain('共1项：已完成1项。');
    const one = docText(t, await t.desk('loopDocs.resultUses', { year: t.year, evaluationId: t.evaluationId }));
    expect(one.text).toContain(`${t.name}同志评议结果运用登记表`);
    expect(one.text).toContain('县委组织部');
    expect(one.text).not.toContain('全县各单位');
    const all = docText(t, await t.desk('loopDocs.resultUses', { year: t.year }));
    expect(all.fileName).toBe(`${t.year}年度评议结果运用登记表.docx`);
    expect(all.text).toContain('全县各单位');
    expect(all.text).toContain('被评议对象');
    expect(all.text).toContain(t.name);
  });
});

describe('the county’s own words on every loop paper', () => {
  it('dates the Chinese way, no word twice in a row, no organ but the settings’ own, no placeholder', async () => {
    const t = await seeded();
    await t.setLoop((loop) => {
      loop.ledger.push(ledgerEntry(t, 1, '（一）加强师资队伍建设。要补齐教师缺额。'));
      loop.followUps.push({
        evaluationId: t.evaluationId,
        groupName: '',
        group: [{ role: '组长', name: '刘建国', post: '县人大常委会副主任' }],
        startDate: '2026-06-10',
        endDate: '2026-06-12',
        activities: [{ date: '2026-06-10', activity: '听取整改情况汇报', place: '' }],
        checks: [{ opinionId: 'op_loopdocs01', itemNo: 1, checked: '教师缺额已补齐', verdict: 'mostlyRectified' }],
        summary: '',
      });
      loop.escalation.push({
        kind: 'interpellation',
        id: 'es_interpel01',
        evaluationId: t.evaluationId,
        documents: [],
        proposedOn: '2026-09-01',
        proposers: [{ name: '周伟' }, { name: '吴刚' }, { name: '郑晓燕' }],
        object: t.unitName,
        questions: '整改为何迟迟未落实？',
        reasons: '整改情况报告仍未报送。',
        decision: null,
        answers: [],
      });
      loop.resultUses.push({ id: 'ru_loopdocs01', evaluationId: t.evaluationId, meetingId: null, kind: 'opinion', recipient: '县委', date: '2025-11-08', how: 'confidential', docNumber: t.opinionNumber, note: '' });
    });
    const which = { year: t.year, evaluationId: t.evaluationId };
    const papers = {
      督办函: await t.desk('loopDocs.supervisionLetter', { ...which, docNumber: `${t.docPrefix}函〔2026〕1号`, date: '2026-10-28', replyBy: '2026-11-15' }),
      回头看调研报告: await t.desk('loopDocs.followUpReport', which),
      质询案: await t.desk('loopDocs.interpellation', { ...which, stepId: 'es_interpel01' }),
      整改台账: await t.desk('loopDocs.ledger', which),
      结果运用登记表: await t.desk('loopDocs.resultUses', which),
    };
    for (const [name, result] of Object.entries(papers)) {
      const text = docText(t, result).text;
      expect(text, name).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
      expect([...text.matchAll(/(\p{Script=Han}{2,6})\1/gu)].map((m) => m[0]), name).toEqual([]);
      expect(text, name).not.toMatch(/某某|XX|X人常|undefined|null|NaN/);
      for (const organ of text.matchAll(/\p{Script=Han}*县人民代表大会常务委员会/gu)) expect(organ[0], name).toBe(t.fullName);
    }
  });
});
