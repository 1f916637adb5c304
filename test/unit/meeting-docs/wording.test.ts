import { describe, expect, it } from 'vitest';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { FileDelivery } from '../../../shared/api/file-types';
import type { HallView } from '../../../shared/api/live-types';
import type { OpinionContent } from '../../../shared/domain/opinions';
import { RENAMED_PRESETS } from '../../../electron/services/store/migrations/002-neutral-rule-names';
import { describeRule, presetRule, PRESET_IDS, RULE_KIND_LABELS } from '../../../shared/vote';
import { readDocx, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { finishedContent } from '../opinions/fixtures';
import { announcedRound, type AnnouncedRound } from './support';

/**
 * The county's own words on every paper and on the hall: no rule's name (a preset's label, or the
 * place an old preset was named after), dates the Chinese way, no word printed twice in a row, the
 * votes called by the titles of the settings.
 */

/**
 * Every name a rule has ever been known by: the presets' labels now and those of old (a place's name
 * among them). An old label that is also an ordinary word of the rule's text (三分之二) is looked for
 * in the forms it was printed in: before the rule ("…：") and in the opinion ("按…等次规则").
 */
const RULE_WORDS = PRESET_IDS.map((id) => describeRule(presetRule(id))).join('');
const RULE_NAMES = [
  ...PRESET_IDS.map((id) => RULE_KIND_LABELS[id]),
  ...Object.values(RENAMED_PRESETS).flatMap(({ oldName }) => (RULE_WORDS.includes(oldName) ? [`${oldName}：`, `按${oldName}`] : [oldName])),
];
const ISO_DATE = /\d{4}-\d{1,2}-\d{1,2}/;

function desk(r: Pick<AnnouncedRound, 's'>) {
  return async <N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> => {
    const reply = await r.s.dispatch('desk', name, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result as ResultOf<N>;
  };
}

/** The document part of a delivered .docx, as XML. */
function xmlOf(r: Pick<AnnouncedRound, 's'>, delivery: FileDelivery): string {
  return readDocx(takeDelivered(r.s, 'desk', delivery).bytes).document;
}

function contentText(c: OpinionContent): string {
  return [...c.lead, ...Object.values(c.sections).flat()].map((p) => p.text).join('\n');
}

/** Every paper of a meeting whose vote was counted and announced, and the hall's view of the result. */
async function everyPaper(r: AnnouncedRound): Promise<{ papers: Record<string, string>; hall: string; drafts: string[] }> {
  const call = desk(r);
  // The hall as the announcement left it, before the meeting moves on.
  const hall = JSON.stringify(await r.call<HallView>('hall.view', {}, 'hall'));
  const papers: Record<string, string> = {};
  const meetingId = r.meetingId;
  const roundId = r.round.id;
  papers['签到表'] = xmlOf(r, await call('documents.signIn', { meetingId }));
  for (const group of r.round.result!.groups) {
    papers[`测评票${group.label}`] = xmlOf(r, await call('documents.ballots', { meetingId, roundId, groupId: group.id, sheets: 2 }));
    papers[`计票结果报告单${group.label}`] = xmlOf(r, await call('documents.countReport', { meetingId, roundId, groupId: group.id }));
  }
  papers['测评结果通报'] = xmlOf(r, await call('documents.announcement', { meetingId, docNumber: 'X人常〔2026〕9号', date: '2026-10-30' }));
  papers['本轮通报'] = xmlOf(r, await call('documents.announcement', { meetingId, roundId, docNumber: 'X人常〔2026〕8号', date: '2026-10-30' }));

  // A question drawn on the console, its notes typed with their own 答：.
  await r.call('live.goto', { itemIndex: 0, stage: 'questioning' });
  await r.call('questioning.draw', { skipAnimation: true });
  const record = (await r.call<{ current: { id: string } | null }>('questioning.state')).current!;
  await r.call('questioning.question', { recordId: record.id, text: '问：农村学校师资如何补齐？' });
  await r.call('questioning.notes', { recordId: record.id, notes: '答：将于年内完成师资轮岗。' });
  papers['会议记录'] = xmlOf(r, await call('documents.minutes', { meetingId }));

  // The prefilled drafts of everyone on the ballot (one of them graded 不满意), and one opinion issued and delivered.
  const rows = (await call('opinions.list', { year: 2026 })).rows.filter((row) => r.round.evaluateeIds.includes(row.evaluateeId));
  const drafts: string[] = [];
  for (const row of rows) {
    const detail = await call('opinions.create', { year: 2026, evaluationId: row.evaluationId });
    drafts.push(contentText(detail.record!.versions.at(-1)!.content));
  }
  const which = { year: 2026, evaluationId: rows[0]!.evaluationId };
  // The demo's group for it makes way for the one formed here (an evaluation is in one group only).
  const demoGroup = (await call('research.records', which)).group;
  if (demoGroup) await call('research.group.remove', { year: 2026, groupId: demoGroup.id });
  // The 组长 comes from the leadership on the roster.
  const leader = (await call('research.get', which)).members.find((m) => m.role === '副主任')!;
  await call('research.group.save', {
    year: 2026,
    group: { evaluationIds: [which.evaluationId], members: [{ role: '组长', memberId: leader.id, name: leader.name, post: '县人大常委会副主任' }], from: '2026-09-01', to: '2026-09-20' },
  });
  await call('research.save', {
    ...which,
    content: {
      sections: { basicSituation: ['该同志2023年任现职。'], achievements: ['依法履职意识较强。'], problems: ['1.农村学校师资仍然薄弱。'], suggestions: ['加强农村教师队伍建设。'] },
      date: '2026-09-25',
    },
  });
  papers['调研报告'] = xmlOf(r, await call('research.export', which));
  await call('opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(rows[0]!.name) });
  await call('opinions.approve', { ...which, versionNo: 1, council: { date: '2026-11-02', sitting: 12 } });
  await call('opinions.issue', { ...which, versionNo: 1, issue: { docNumber: 'X人常〔2026〕10号', issueDate: '2026-11-05' } });
  await call('opinions.deliver', { ...which, versionNo: 1, delivery: { date: '2026-11-08', receivedBy: '办公室李干事' } });
  papers['评议意见'] = xmlOf(r, await call('opinions.export', which));
  papers['送达回证'] = xmlOf(r, await call('documents.receipt', which));

  return { papers, hall, drafts };
}

describe('the county’s own words', () => {
  for (const ruleKind of PRESET_IDS) {
    it(`no rule name on any paper, in any draft or on the hall, under ${RULE_KIND_LABELS[ruleKind]}`, async () => {
      const r = await announcedRound({ deputies: true, ruleKind });
      expect(r.round.result!.rule.rule.kind).toBe(ruleKind);
      const { papers, hall, drafts } = await everyPaper(r);
      expect(hall).toContain(r.round.result!.rule.summary);
      for (const name of RULE_NAMES) {
        for (const [paper, xml] of Object.entries(papers)) expect(xml, `${paper} carries “${name}”`).not.toContain(name);
        expect(hall, `the hall carries “${name}”`).not.toContain(name);
        for (const draft of drafts) expect(draft).not.toContain(name);
      }
      // The rule is still stated, in words, where a paper quotes it.
      expect(textOf(papers['测评结果通报']!)).toContain(`测评等次按照以下规则确定：${r.round.result!.rule.text.replace(/。$/u, '')}`);
    });
  }

  it('dates the Chinese way, no doubled words, the votes’ titles of the settings, 主持人 and 记录人 in the minutes', async () => {
    const r = await announcedRound({ deputies: true });
    const { papers, drafts } = await everyPaper(r);
    for (const [paper, xml] of Object.entries(papers)) {
      const text = textOf(xml);
      expect(text, `${paper} prints an ISO date`).not.toMatch(ISO_DATE);
      expect(text, `${paper} doubles a word`).not.toMatch(/测评测评|（第[一二三四五六七八九十]+轮）测评|答：答：|问：问：/u);
      expect(text, `${paper} names a vote the settings do not`).not.toContain('满意度测评');
    }
    expect(textOf(papers['送达回证']!)).toContain('已于2026年11月8日由办公室李干事签收');
    expect(textOf(papers['测评票常委会组成人员']!)).toContain(`${r.data.meeting.name}民主测评票`);
    expect(textOf(papers['测评结果通报']!)).toContain('关于2026年度工作评议民主测评结果的通报');
    expect(textOf(papers['测评结果通报']!)).toContain('进行了民主测评。现将测评结果通报如下。');

    const minutes = textOf(papers['会议记录']!);
    const chair = r.core.members.find((m) => m.id === r.data.meeting.presidingMemberId)!;
    expect(chair.role).toBe('主任');
    expect(minutes).toContain(`主持人：${chair.name}主任`);
    expect(minutes).toContain(`记录人：${r.data.meeting.recorder}`);
    expect(minutes).toContain('问：农村学校师资如何补齐？');
    expect(minutes).toContain('答：将于年内完成师资轮岗。');

    // Drafts: the meeting's vote by its title, no plan deadline (none set), the re-report for 不满意.
    for (const draft of drafts) {
      expect(draft).toContain('并进行了民主测评。');
      expect(draft).not.toContain('整改方案');
      expect(draft).not.toMatch(ISO_DATE);
    }
    const failing = drafts.filter((d) => d.includes('鉴于民主测评结果为“不满意”'));
    expect(failing).toHaveLength(1);
    expect(failing[0]).toContain(`3个月后向${r.core.settings.organisation.shortName}会议报告整改情况，并接受整改情况测评。`);
  });
});
