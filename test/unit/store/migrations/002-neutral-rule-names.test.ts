import { describe, expect, it } from 'vitest';
import { neutralRuleNames002, RENAMED_PRESETS } from '../../../../electron/services/store/migrations/002-neutral-rule-names';
import { storeMigrations } from '../../../../electron/services/store/migrations';
import { MapMigrationTx } from '../../../../electron/services/store/migration-runner';
import { coreSchema, meetingSchema, yearSchema, type CoreData, type MeetingData, type YearData } from '../../../../shared/domain/partitions';
import { announcedRound } from '../../meeting-docs/support';

// oxlint-disable-next-line typescript/no-explicit-any -- old files are untyped JSON
type Json = any;

/** The default preset's old key and label, as folders before version 2 hold them. */
const [OLD_KEY, { oldName: OLD }] = Object.entries(RENAMED_PRESETS).find(([, r]) => r.key === 'half-three-level')!;
const named = (text: string) => `${OLD}：${text}`;

/**
 * What a folder written before this step held: the same records with the old preset key and label,
 * and the rule texts that began with the label.
 */
function aged(core: CoreData, meeting: MeetingData, year: YearData): { core: Json; meeting: Json; year: Json } {
  const c: Json = structuredClone(core);
  c.settings.votes.ruleKind = OLD_KEY;
  const m: Json = structuredClone(meeting);
  for (const round of m.votes.rounds) {
    for (const snap of [round.rule, round.result?.rule].filter(Boolean)) {
      snap.rule.kind = OLD_KEY;
      snap.rule.name = OLD;
      snap.text = named(snap.text);
      snap.summary = named(snap.summary);
    }
    for (const g of round.result?.groups ?? []) for (const r of g.results) r.ruleText = named(r.ruleText);
  }
  const y: Json = structuredClone(year);
  for (const ev of y.evaluations) {
    if (!ev.voteResult) continue;
    ev.voteResult.ruleName = OLD;
    ev.voteResult.ruleText = named(ev.voteResult.ruleText);
    ev.voteResult.ruleSummary = named(ev.voteResult.ruleSummary);
  }
  return { core: c, meeting: m, year: y };
}

function opinionVersion(lead: string, issued: boolean): Json {
  return {
    no: 1,
    createdAt: '2026-10-29T01:00:00.000Z',
    content: { addressee: '张明同志', lead: [{ level: 0, text: lead }], sections: { basicEvaluation: [], problems: [], suggestions: [], rectification: [] } },
    council: null,
    issue: issued ? { docNumber: 'X人常〔2026〕5号', issueDate: '2026-11-05' } : null,
    delivery: null,
  };
}

describe('migration 002-neutral-rule-names', () => {
  it('renames the preset and takes the name off every frozen rule text, leaving the records otherwise as they were', async () => {
    const { s, meetingId, core, data } = await announcedRound();
    const yearKey = `year/${data.meeting.year}`;
    const year = await s.store.read<YearData>(yearKey);
    expect(year.evaluations.some((e) => e.voteResult)).toBe(true);
    const old = aged(core, data, year);
    expect(JSON.stringify(old)).toContain(OLD);

    const tx = new MapMigrationTx([
      ['core', old.core],
      [`meeting/${meetingId}`, old.meeting],
      [yearKey, old.year],
    ]);
    neutralRuleNames002.up(tx);

    // Exactly what the current code writes: key, label, and words without any name.
    expect(coreSchema.parse(tx.get('core'))).toEqual(core);
    expect(meetingSchema.parse(tx.get(`meeting/${meetingId}`))).toEqual(data);
    const migratedYear = yearSchema.parse(tx.get(yearKey));
    expect(migratedYear.evaluations).toEqual(year.evaluations);
    expect(JSON.stringify(tx.get('core')) + JSON.stringify(tx.get(`meeting/${meetingId}`)) + JSON.stringify(migratedYear)).not.toContain(OLD);
    // The step did not change what it was given in place (the runner keeps the originals for its backup).
    expect(old.meeting.votes.rounds[0].rule.rule.kind).toBe(OLD_KEY);
  });

  it('maps the other old keys, keeps a custom rule’s name and texts that do not start with it', () => {
    const tx = new MapMigrationTx([
      ['core', { settings: { votes: { ruleKind: 'two-level', customRule: { kind: 'custom', name: '本县规则', thresholds: [] } } } }],
      ['meeting/mt_x', { votes: { rounds: [{ rule: { rule: { kind: 'two-thirds', name: '三分之二' }, text: '三分之二：满意票…', summary: '满意+基本满意>收回×2/3为通过；否则不通过' } }] } }],
    ]);
    neutralRuleNames002.up(tx);
    const core = tx.get('core') as Json;
    expect(core.settings.votes.ruleKind).toBe('majority-two-level');
    expect(core.settings.votes.customRule).toEqual({ kind: 'custom', name: '本县规则', thresholds: [] });
    const snap = (tx.get('meeting/mt_x') as Json).votes.rounds[0].rule;
    expect(snap.rule).toEqual({ kind: 'two-thirds-pass', name: '三分之二通过' });
    expect(snap.text).toBe('满意票…');
    expect(snap.summary).toBe('满意+基本满意>收回×2/3为通过；否则不通过');
  });

  it('drops the rule’s name from drafts of opinions, never from an issued version', () => {
    const lead = `测评结果为“满意”（应到30人，实到28人，满意率96.4%，按${OLD}等次规则评定）。现将评议意见反馈如下。`;
    const tx = new MapMigrationTx([
      [
        'year/2026',
        {
          year: 2026,
          evaluations: [{ id: 'ev_1', voteResult: { ruleName: OLD, ruleText: named('依次判定…'), ruleSummary: named('满意≥应到×1/2为满意') } }],
          opinions: { records: [{ id: 'op_1', versions: [opinionVersion(lead, true), opinionVersion(lead, false)] }] },
        },
      ],
    ]);
    neutralRuleNames002.up(tx);
    const year = tx.get('year/2026') as Json;
    expect(year.evaluations[0].voteResult).toEqual({ ruleName: '半数三级', ruleText: '依次判定…', ruleSummary: '满意≥应到×1/2为满意' });
    const [issued, draft] = year.opinions.records[0].versions;
    expect(issued.content.lead[0].text).toBe(lead);
    expect(draft.content.lead[0].text).toBe('测评结果为“满意”（应到30人，实到28人，满意率96.4%）。现将评议意见反馈如下。');
  });

  it('is registered as version 2', () => {
    expect(storeMigrations[1]).toBe(neutralRuleNames002);
    expect(neutralRuleNames002.version).toBe(2);
  });
});
