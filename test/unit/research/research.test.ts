import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../loop-services/harness';
import { yearSchema, type YearData } from '../../../shared/domain/partitions';
import { checkGroup, researchContentSchema, researchProblems, type ResearchContentInput, type ResearchMember } from '../../../shared/domain/research';
import { readDocx, textOf } from '../documents/docx-xml';
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
  // This year's research as the office finds it before recording any: the demo's removed.
  await clearDemoResearch(call, 2026, (await call('opinions.list', { year: 2026 })).rows[0]!.evaluationId);
  /** A group of the evaluation with its 组长 a 副主任 of the demo roster, as the desk picks one. */
  const formGroup = async (which: { year: number; evaluationId: string }) => {
    const leader = (await call('research.get', which)).members.find((m) => m.role === '副主任')!;
    const members: ResearchMember[] = [{ role: '组长', memberId: leader.id, name: leader.name, post: '县人大常委会副主任' }, { role: '成员', name: '李强', post: '县人大常委会办公室主任' }];
    await call('research.group.save', { year: which.year, group: { evaluationIds: [which.evaluationId], name: '县人大常委会第一调研组', members, from: '2026-09-01', to: '2026-09-20' } });
    for (const [kind, count] of [['interview', 12], ['visit', 3], ['reading', 30]] as const) {
      await call('research.activity.save', { year: which.year, activity: { kind, evaluationIds: [which.evaluationId], count } });
    }
    await call('research.activity.save', { year: which.year, activity: { kind: 'questionnaire', evaluationIds: [which.evaluationId], questionnaire: { issued: 50, returned: 48 } } });
    return members;
  };
  return { s, call, formGroup };
}

const complete: ResearchContentInput = {
  sections: {
    basicSituation: ['该同志2023年任现职，分管全县教育工作。'],
    achievements: ['（一）依法履职意识较强。', '主动接受人大监督。'],
    problems: ['农村学校师资仍然薄弱。'],
    suggestions: ['加强农村教师队伍建设。'],
  },
};

describe('research report schema', () => {
  it('the report keeps its sections, other methods and date; what it is still missing is named', () => {
    const content = researchContentSchema.parse(complete);
    const group = { members: [{ role: '组长' as const, name: '周明', post: '县人大常委会副主任' }] };
    expect(researchProblems(content, group)).toEqual([]);
    expect(researchProblems(researchContentSchema.parse({}), undefined)).toEqual(['尚未组成调研组', '“基本情况”还没有内容', '“主要成效”还没有内容', '“存在问题”还没有内容', '“意见建议”还没有内容']);
    expect(researchProblems(content, { members: [] })).toEqual(['调研组尚无组长']);
  });

  it('a year file without research loads as before; one with research keeps it', () => {
    const plain = yearSchema.parse({ year: 2026, evaluations: [] });
    expect(plain.research).toBeUndefined();
    const withReport = yearSchema.parse({
      year: 2026,
      evaluations: [],
      research: { reports: [{ evaluationId: 'ev_aaaaaaaaaa', evaluateeId: 'ee_aaaaaaaaaa', content: complete, createdAt: 'x', updatedAt: 'y' }] },
    });
    expect(withReport.research?.reports[0]?.content.sections.problems).toEqual(['农村学校师资仍然薄弱。']);
    expect(withReport.research).toMatchObject({ groups: [], activities: [], findings: [] });
  });
});

describe('research handlers on the demo county', () => {
  it('saves the report in the year partition, reads it back and exports the .docx with the group and the activities', async () => {
    const { s, call, formGroup } = await open();
    const row = (await call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    const before = await call('research.get', which);
    expect(before).toMatchObject({ name: row.name, content: null, updatedAt: null, category: row.category });
    expect(before.members.length).toBeGreaterThan(0);
    await expect(call('research.export', which)).rejects.toThrow('尚未填写调研报告');

    // An incomplete report is stored (autosave), but not exported.
    await call('research.save', { ...which, content: { otherMethods: '' } });
    await expect(call('research.export', which)).rejects.toThrow('调研报告尚不完整：尚未组成调研组；“基本情况”还没有内容');

    const members = await formGroup(which);
    const saved = await call('research.save', { ...which, content: complete });
    const after = await call('research.get', which);
    expect(after.updatedAt).toBe(saved.updatedAt);
    expect(after.content).toEqual(researchContentSchema.parse(complete));
    const stored = await s.store.read<YearData>('year/2026');
    expect(stored.research?.reports.map((r) => r.evaluationId)).toEqual([row.evaluationId]);
    expect(stored.opinions?.records ?? []).toEqual([]);

    const file = takeDelivered(s, 'desk', await call('research.export', which));
    expect(file.fileName).toBe(`关于对${row.name}同志履职情况的调研报告.docx`);
    const text = textOf(readDocx(file.bytes).document);
    for (const words of [members[0]!.name, '县人大常委会副主任', '李强', '个别谈话12人次', '发放调查问卷50份、回收48份', '基本情况', '主要成效', '存在问题', '意见建议', '该同志2023年任现职', '（一）依法履职意识较强。', '农村学校师资仍然薄弱']) {
      expect(text).toContain(words);
    }
  });

  it('refuses bad input with the field named and leaves the stored records as they were', async () => {
    const { s, call, formGroup } = await open();
    const row = (await call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await formGroup(which);
    const before = await s.store.read<YearData>('year/2026');
    await expect(
      call('research.activity.save', { year: 2026, activity: { kind: 'questionnaire', evaluationIds: [which.evaluationId], questionnaire: { issued: 50, returned: 60 } } }),
    ).rejects.toThrow('回收份数（60份）不能多于发放份数（50份）');
    expect(await s.store.read<YearData>('year/2026')).toEqual(before);
    await expect(call('research.get', { year: 2026, evaluationId: 'ev_zzzzzzzzzz' })).rejects.toThrow('找不到该评议');
  });

  it('an opinion drafted after the research names the activities with their counts and takes the findings', async () => {
    const { call, formGroup } = await open();
    const row = (await call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await formGroup(which);
    await call('research.save', { ...which, content: { ...complete, sections: { ...complete.sections, problems: ['（一）农村学校师资仍然薄弱。', '2.校舍维修资金不足'] } } });
    const detail = await call('opinions.create', which);
    const content = detail.record!.versions[0]!.content;
    expect(content.lead[0]!.text).toContain('采取个别谈话12人次、实地走访3处、查阅资料30份、发放调查问卷50份、回收48份等方式');
    expect(content.sections.problems.map((p) => p.text)).toEqual(expect.arrayContaining(['农村学校师资仍然薄弱。', '校舍维修资金不足。']));
    expect(detail.material.findings).toEqual(['农村学校师资仍然薄弱。', '校舍维修资金不足']);
  });
});

describe('research group: leader from the leadership, members from the roster and the registry', () => {
  const roster = [
    { id: 'mb_0000000001', name: '王主任', role: '主任' as const },
    { id: 'mb_0000000002', name: '李副主任', role: '副主任' as const },
    { id: 'mb_0000000003', name: '赵委员', role: '委员' as const },
  ];
  const registry = [{ id: 'ps_0000000001', name: '陈代表', kind: '人大代表' as const }];
  const entry = (role: ResearchMember['role'], who: { id: string; name: string }): ResearchMember =>
    who.id.startsWith('mb_') ? { role, memberId: who.id, name: who.name, post: 'x' } : { role, personId: who.id, name: who.name, post: 'x' };

  it('a 主任 or 副主任 leads without a question; a 委员 or a deputy only with a confirmation; a typed-in leader is refused', () => {
    expect(checkGroup([entry('组长', roster[1]!), entry('成员', registry[0]!)], [], roster, registry)).toEqual({ refusals: [], confirmations: [] });
    expect(checkGroup([entry('组长', roster[0]!)], [], roster, registry).confirmations).toEqual([]);
    expect(checkGroup([entry('组长', roster[2]!)], [], roster, registry).confirmations).toEqual(['组长赵委员是常委会委员，不是主任或副主任。调研组一般由主任或副主任带队，请确认。']);
    expect(checkGroup([entry('组长', registry[0]!)], [], roster, registry).confirmations).toEqual(['组长陈代表是人大代表，不是常委会主任或副主任。调研组一般由主任或副主任带队，请确认。']);
    expect(checkGroup([{ role: '组长', name: '某人', post: '干部' }], [], roster, registry).refusals.map((r) => r.message)).toEqual(['调研组组长应从组成人员或人员库中选择，“某人”不在其中']);
    // A typed-in 成员 (office staff) is fine.
    expect(checkGroup([{ role: '成员', name: '林晓', post: '干部' }], [], roster, registry)).toEqual({ refusals: [], confirmations: [] });
  });

  it('an entry already saved is not judged again; a person twice or one no longer on record is refused', () => {
    const confirmed = [entry('组长', roster[2]!)];
    expect(checkGroup(confirmed, confirmed, roster, registry)).toEqual({ refusals: [], confirmations: [] });
    // An older report's typed-in leader still saves with its other edits.
    const old = [{ role: '组长' as const, name: '周明', post: '县人大常委会副主任' }];
    expect(checkGroup(old, old, roster, registry).refusals).toEqual([]);
    expect(checkGroup([entry('组长', roster[1]!), entry('成员', roster[1]!)], [], roster, registry).refusals.map((r) => r.message)).toEqual(['李副主任在调研组中出现了两次']);
    expect(checkGroup([entry('成员', { id: 'ps_zzzzzzzzzz', name: '已删除' })], [], roster, registry).refusals.map((r) => r.message)).toEqual(['调研组成员已删除已不在组成人员名单或人员库中']);
  });

  it('the service asks before saving a leader outside the leadership, and saves a deputy picked from the registry', async () => {
    const { s, call } = await open();
    const row = (await call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    const deputy = await call('registry.create', { person: { name: '陈代表', kind: '人大代表', organisation: '县第一中学', field: '教师', contact: '13800000000' } });
    const detail = await call('research.get', which);
    expect(detail.people).toEqual([{ id: deputy.id, name: '陈代表', kind: '人大代表', post: '县第一中学教师（人大代表）' }]);
    const member = detail.members.find((m) => m.role === '委员')!;
    const members: ResearchMember[] = [
      { role: '组长', memberId: member.id, name: member.name, post: '县人大常委会委员' },
      { role: '成员', personId: deputy.id, name: deputy.name, post: '县第一中学教师（人大代表）' },
    ];
    const group = { evaluationIds: [which.evaluationId], members };
    await expect(call('research.group.save', { year: 2026, group })).rejects.toMatchObject({ code: 'needs_confirmation', message: expect.stringContaining(`组长${member.name}是常委会委员`) });
    expect((await s.store.read<YearData>('year/2026')).research?.groups ?? []).toEqual([]);
    const { id } = await call('research.group.save', { year: 2026, group, confirm: true });
    // Confirmed once: the next save of the same group does not ask again.
    await call('research.group.save', { year: 2026, groupId: id, group: { ...group, name: '第一调研组' } });
    expect((await call('research.records', which)).group?.members).toEqual(members);

    await expect(call('research.group.save', { year: 2026, groupId: id, group: { ...group, members: [...members, { role: '组长', name: '某人', post: '干部' }] } })).rejects.toMatchObject({
      code: 'conflict',
      message: '调研组组长应从组成人员或人员库中选择，“某人”不在其中',
    });
  });
});
