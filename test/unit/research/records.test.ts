import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../loop-services/harness';
import type { YearData } from '../../../shared/domain/partitions';
import { readDocx, paragraphs, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { clearDemoResearch } from './clear-demo-research';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open() {
  harness = await openHarness('2026-10-10');
  const s = harness.services;
  const call = harness.call;
  const rows = (await call('opinions.list', { year: 2026 })).rows;
  // This year's research as the office finds it before recording any: the demo's removed.
  await clearDemoResearch(call, 2026, rows[0]!.evaluationId);
  const leader = (await call('research.get', { year: 2026, evaluationId: rows[0]!.evaluationId })).members.find((m) => m.role === '副主任')!;
  const members = [{ role: '组长' as const, memberId: leader.id, name: leader.name, post: '县人大常委会副主任' }];
  return { s, call, rows, members };
}

const sections = (who: string) => ({ basicSituation: [`${who}的基本情况。`], achievements: [`（一）${who}的成效。`], problems: [`${who}的问题。`], suggestions: [`${who}的建议。`] });

describe('research records: groups, activities, findings', () => {
  it('a batch group researches several evaluations; an evaluation is in one group only; a finding names its criterion and its activity', async () => {
    const { s, call, rows, members } = await open();
    const [a, b, c] = rows;
    const { id: groupId } = await call('research.group.save', { year: 2026, group: { evaluationIds: [a!.evaluationId, b!.evaluationId], members, from: '2026-09-01', to: '2026-09-20' } });
    const viewA = await call('research.records', { year: 2026, evaluationId: a!.evaluationId });
    const viewB = await call('research.records', { year: 2026, evaluationId: b!.evaluationId });
    expect(viewA.group?.id).toBe(groupId);
    expect(viewB.group?.id).toBe(groupId);
    expect(viewA.group?.reportMode).toBe('perEvaluation');
    await expect(call('research.group.save', { year: 2026, group: { evaluationIds: [b!.evaluationId, c!.evaluationId], members } })).rejects.toThrow(`${b!.name}已在另一个调研组中`);

    // One forum for both, a questionnaire for one.
    const { id: forum } = await call('research.activity.save', { year: 2026, activity: { kind: 'forum', evaluationIds: [a!.evaluationId, b!.evaluationId], date: '2026-09-03', place: '县政府会议室', participants: '服务对象代表12人', notes: '听取意见' } });
    const { id: survey } = await call('research.activity.save', {
      year: 2026,
      activity: { kind: 'questionnaire', evaluationIds: [a!.evaluationId], date: '2026-09-05', questionnaire: { title: '满意度调查', issued: 50, returned: 48, questions: [{ text: '总体评价', multiple: false, options: [{ text: '满意', tally: 40 }, { text: '不满意', tally: 8 }] }] } },
    });
    expect((await call('research.records', { year: 2026, evaluationId: b!.evaluationId })).activities.map((x) => x.id)).toEqual([forum]);

    const criteria = viewA.criteria;
    const { id: f1 } = await call('research.finding.save', { year: 2026, finding: { evaluationId: a!.evaluationId, text: '政务服务窗口办事效率不高', criterionId: criteria[2]!.id, weight: 2, activityId: survey, suggestion: '推行一窗通办' } });
    await call('research.finding.save', { year: 2026, finding: { evaluationId: a!.evaluationId, text: '执行县委部署不够有力', criterionId: criteria[1]!.id, activityId: forum } });
    // The questionnaire was not about b: its findings cannot come from it.
    await expect(call('research.finding.save', { year: 2026, finding: { evaluationId: b!.evaluationId, text: 'x', criterionId: criteria[0]!.id, activityId: survey } })).rejects.toThrow('来源调研活动不是对该被评议对象开展的');
    await expect(call('research.finding.save', { year: 2026, finding: { evaluationId: a!.evaluationId, text: 'x', criterionId: 'cr_zzzzzzzzzz' } })).rejects.toThrow('评价标准不存在');
    // In criterion order.
    expect((await call('research.records', { year: 2026, evaluationId: a!.evaluationId })).findings.map((x) => x.text)).toEqual(['执行县委部署不够有力', '政务服务窗口办事效率不高']);
    // An activity a finding came from is not deleted under it.
    await expect(call('research.activity.remove', { year: 2026, activityId: survey })).rejects.toThrow('有1个调研问题来源于该活动');

    // Edited and deleted.
    await call('research.finding.save', { year: 2026, finding: { id: f1, evaluationId: a!.evaluationId, text: '窗口办事效率不高', criterionId: criteria[2]!.id, weight: 3, activityId: survey, suggestion: '推行一窗通办' } });
    const stored = await s.store.read<YearData>('year/2026');
    expect(stored.research?.findings.find((x) => x.id === f1)).toMatchObject({ text: '窗口办事效率不高', weight: 3 });
    await call('research.finding.remove', { year: 2026, findingId: f1 });
    // An evaluation with research records is not taken out of the plan under them (one planned for a later year, on no agenda).
    const unit = (await call('units.list', {})).find((u) => u.kind === 'government')!;
    const person = await call('evaluatees.create', { evaluatee: { name: '司马清和', category: '其他', unitId: unit.id, position: '副局长', postKey: `${unit.id}/副局长`, appointmentDate: '2025-05-01' } });
    const year = 2026;
    const later = await call('plan.add', { evaluateeId: person.id, year, mode: 'report' });
    await call('research.group.save', { year, group: { evaluationIds: [later.id], members } });
    await expect(call('plan.remove', { year, evaluationId: later.id })).rejects.toThrow('该评议已有调研记录');
    await call('research.group.remove', { year, groupId: (await call('research.records', { year, evaluationId: later.id })).group!.id });
    await call('plan.remove', { year, evaluationId: later.id });
    expect((await call('research.records', { year: 2026, evaluationId: a!.evaluationId })).findings.map((x) => x.text)).toEqual(['执行县委部署不够有力']);
  });

  it('the report text is built from the records: activities with the questionnaire figures, findings by criterion, suggestions', async () => {
    const { call, rows, members } = await open();
    const a = rows[0]!;
    await call('research.group.save', { year: 2026, group: { evaluationIds: [a.evaluationId], members } });
    const { id: survey } = await call('research.activity.save', {
      year: 2026,
      activity: { kind: 'questionnaire', evaluationIds: [a.evaluationId], date: '2026-09-05', questionnaire: { title: '满意度调查', issued: 50, returned: 48, questions: [{ text: '总体评价', multiple: false, options: [{ text: '满意', tally: 40 }, { text: '不满意', tally: 6 }] }] } },
    });
    const criteria = (await call('research.records', { year: 2026, evaluationId: a.evaluationId })).criteria;
    await call('research.finding.save', { year: 2026, finding: { evaluationId: a.evaluationId, text: '窗口办事效率不高', criterionId: criteria[2]!.id, weight: 2, activityId: survey, suggestion: '推行一窗通办' } });
    await call('research.finding.save', { year: 2026, finding: { evaluationId: a.evaluationId, text: '学法用法不够', criterionId: criteria[0]!.id } });
    await call('research.save', { year: 2026, evaluationId: a.evaluationId, content: { sections: { achievements: ['成效显著。'] } } });
    const { content } = await call('research.compose', { year: 2026, evaluationId: a.evaluationId });
    expect(content.sections.basicSituation).toEqual([
      '2026年9月5日，调研组开展问卷调查“满意度调查”，发放问卷50份，回收48份，回收率96.0%。',
      '问卷第1题“总体评价”（单选）：“满意”40份，占83.3%；“不满意”6份，占12.5%；未作答2份，占4.2%。',
    ]);
    expect(content.sections.achievements).toEqual(['成效显著。']);
    expect(content.sections.problems).toEqual([`（一）${criteria[0]!.name}方面`, '1.学法用法不够。', `（二）${criteria[2]!.name}方面`, '1.窗口办事效率不高。']);
    expect(content.sections.suggestions).toEqual([`（一）${criteria[2]!.name}方面`, '1.推行一窗通办。']);
  });

  it('a batch writes one report per evaluation by default, or one combined report with a section per evaluatee', async () => {
    const { s, call, rows, members } = await open();
    const [a, b] = rows;
    const group = { evaluationIds: [a!.evaluationId, b!.evaluationId], members, from: '2026-09-01', to: '2026-09-20' };
    const { id } = await call('research.group.save', { year: 2026, group });
    for (const r of [a!, b!]) await call('research.save', { year: 2026, evaluationId: r.evaluationId, content: { sections: sections(r.name) } });
    await call('research.activity.save', { year: 2026, activity: { kind: 'interview', evaluationIds: [a!.evaluationId, b!.evaluationId], count: 20 } });

    // Per evaluation: each report is its own, about one person.
    await expect(call('research.exportCombined', { year: 2026, groupId: id })).rejects.toThrow('每名被评议对象各一份');
    const single = textOf(readDocx(takeDelivered(s, 'desk', await call('research.export', { year: 2026, evaluationId: a!.evaluationId })).bytes).document);
    expect(single).toContain(`${a!.name}的问题。`);
    expect(single).not.toContain(`${b!.name}的问题。`);

    await call('research.group.save', { year: 2026, groupId: id, group: { ...group, reportMode: 'combined' } });
    const file = takeDelivered(s, 'desk', await call('research.exportCombined', { year: 2026, groupId: id }));
    expect(file.fileName).toBe(`关于对${a!.name}等2名同志履职情况的调研报告.docx`);
    const list = paragraphs(readDocx(file.bytes).document);
    const at = (text: string) => list.findIndex((p) => p.includes(text));
    // One lead and one methods sentence, then 一、 per evaluatee with its four sub-sections in order.
    expect(list.filter((p) => p.includes('个别谈话20人次')).length).toBe(1);
    const order = [`一、关于${a!.name}同志`, '（一）基本情况', `${a!.name}的基本情况。`, '（三）存在问题', `${a!.name}的问题。`, '（四）意见建议', `二、关于${b!.name}同志`, '（一）基本情况', `${b!.name}的基本情况。`, `${b!.name}的建议。`];
    const positions: number[] = [];
    let from = 0;
    for (const text of order) {
      const i = list.slice(from).findIndex((p) => p.includes(text));
      expect(i, text).toBeGreaterThanOrEqual(0);
      positions.push(from + i);
      from += i + 1;
    }
    expect(at('现将调研情况报告如下')).toBeLessThan(positions[0]!);
    // A typed （一） under a section renumbered one level lower, so it does not read as the section's heading.
    expect(list.some((p) => p.includes(`1.${a!.name}的成效。`))).toBe(true);
    expect(list.some((p) => p.includes(`（一）${a!.name}的成效。`))).toBe(false);
    // A combined report of a single evaluation is refused with the field named.
    await expect(call('research.group.save', { year: 2026, groupId: id, group: { ...group, evaluationIds: [a!.evaluationId], reportMode: 'combined' } })).rejects.toThrow('只有一名被评议对象时不能合并调研报告');
  });

  it('the questionnaire prints as a form with a box per option; the notice prints with its period', async () => {
    const { s, call, rows, members } = await open();
    const a = rows[0]!;
    await call('research.group.save', { year: 2026, group: { evaluationIds: [a.evaluationId], members } });
    const { id } = await call('research.activity.save', {
      year: 2026,
      activity: { kind: 'questionnaire', evaluationIds: [a.evaluationId], questionnaire: { issued: 10, returned: 0, questions: [{ text: '总体评价', options: [{ text: '满意' }, { text: '不满意' }] }, { text: '需改进', multiple: true, options: [{ text: '效率' }, { text: '态度' }] }] } },
    });
    const form = takeDelivered(s, 'desk', await call('research.questionnaireForm', { year: 2026, activityId: id }));
    expect(form.fileName).toBe(`关于${a.name}同志履职情况的调查问卷.docx`);
    const text = textOf(readDocx(form.bytes).document);
    for (const words of ['1.总体评价（单选）', '□满意', '□不满意', '2.需改进（可多选）', '□效率', '县人大常委会调研组']) expect(text).toContain(words);

    const notice = await call('research.activity.save', { year: 2026, activity: { kind: 'notice', evaluationIds: [a.evaluationId], notice: { text: '为做好评议工作，现公开征求意见。', channel: '县人大门户网站', from: '2026-09-01', to: '2026-09-15', opinions: [{ channel: '电子邮件', text: '办事效率有待提高' }] } } });
    const paper = textOf(readDocx(takeDelivered(s, 'desk', await call('research.noticeForm', { year: 2026, activityId: notice.id })).bytes).document);
    expect(paper).toContain('公告期：2026年9月1日至2026年9月15日');
    expect(paper).toContain('县人大门户网站');
  });

  it('judicial activities only for judges and prosecutors; a leader who is in neither list is refused', async () => {
    const { call, rows, members } = await open();
    const official = rows.find((r) => r.category === '政府组成部门负责人')!;
    await expect(call('research.activity.save', { year: 2026, activity: { kind: 'caseReview', evaluationIds: [official.evaluationId], cases: [] } })).rejects.toThrow('案件评查只适用于员额法官、员额检察官');
    await expect(call('research.group.save', { year: 2026, group: { evaluationIds: [official.evaluationId], members: [...members.map((m) => ({ ...m, role: '成员' as const })), { role: '组长', name: '某人', post: '干部' }] } })).rejects.toThrow(
      '调研组组长应从组成人员或人员库中选择，“某人”不在其中',
    );
    const judge = rows.find((r) => r.category === '员额法官');
    if (judge) {
      const { id } = await call('research.activity.save', {
        year: 2026,
        activity: { kind: 'caseReview', evaluationIds: [judge.evaluationId], cases: [{ number: '（2025）X01民初123号', category: '涉法涉诉信访重点案件', finding: '程序规范' }] },
      });
      expect((await call('research.records', { year: 2026, evaluationId: judge.evaluationId })).activities.find((x) => x.id === id)?.kind).toBe('caseReview');
    }
  });
});
