import type { Migration, MigrationTx } from '../types';

/**
 * Version 2: grade-rule presets are named after their arithmetic, and no rule's name is part of its
 * words any more. Until now the default preset was keyed and labelled after the county that
 * published it — a name that other counties' papers then printed. This step renames the stored
 * preset keys and labels, and takes the rule's name off the front of the frozen rule texts
 * ("<name>：依次判定，…" → "依次判定，…"), which are otherwise left exactly as frozen.
 *
 * Where they are: core.settings.votes (ruleKind, customRule); each meeting's vote rounds (the rule
 * snapshot of the round and of its result, and the rule text of every graded result); each year's
 * evaluations (the compact vote result) and the drafts of opinions not yet issued, whose prefilled
 * lead quoted the rule by name ("按<name>等次规则评定"). An issued opinion is what was printed and
 * stays as it is. Each partition is upgraded on its own, so a single restored file works too.
 */

/**
 * Old preset keys (and the label each carried) → the neutral ones. The only place the old key and
 * label may stand: tests take them from here (to age a record, or to grep papers for them).
 */
export const RENAMED_PRESETS: Readonly<Record<string, { key: string; oldName: string; name: string }>> = {
  zhenhai: { key: 'half-three-level', oldName: '镇海式', name: '半数三级' },
  'two-level': { key: 'majority-two-level', oldName: '两级', name: '过半两级' },
  'two-thirds': { key: 'two-thirds-pass', oldName: '三分之二', name: '三分之二通过' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** "<name>：…" → "…" (the name and its colon only; a text not starting with it is kept). */
function withoutName(text: unknown, name: string): unknown {
  if (typeof text !== 'string' || name === '') return text;
  const prefix = `${name}：`;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** Renames a preset rule in place; returns the name its texts were prefixed with. */
function renameRule(rule: unknown): string {
  if (!isObj(rule)) return '';
  const oldName = typeof rule.name === 'string' ? rule.name : '';
  const renamed = typeof rule.kind === 'string' ? RENAMED_PRESETS[rule.kind] : undefined;
  if (renamed) {
    rule.kind = renamed.key;
    if (rule.name === renamed.oldName) rule.name = renamed.name;
  }
  return oldName;
}

/** A frozen rule snapshot ({rule, text, summary, …}): renamed, its words without the name. */
function snapshot(snap: unknown): string {
  if (!isObj(snap)) return '';
  const name = renameRule(snap.rule);
  snap.text = withoutName(snap.text, name);
  snap.summary = withoutName(snap.summary, name);
  return name;
}

function upgradeCore(core: Obj): void {
  const votes = isObj(core.settings) ? core.settings.votes : undefined;
  if (!isObj(votes)) return;
  const renamed = typeof votes.ruleKind === 'string' ? RENAMED_PRESETS[votes.ruleKind] : undefined;
  if (renamed) votes.ruleKind = renamed.key;
  renameRule(votes.customRule);
}

function upgradeMeeting(meeting: Obj): void {
  const votes = meeting.votes;
  if (!isObj(votes)) return;
  for (const round of list(votes.rounds)) {
    snapshot(round.rule);
    if (!isObj(round.result)) continue;
    const name = snapshot(round.result.rule);
    for (const group of list(round.result.groups)) for (const r of list(group.results)) r.ruleText = withoutName(r.ruleText, name);
  }
}

/** The prefill's clause "，按<name>等次规则评定" in a draft's lead, for every name a stored rule had. */
function dropRuleClause(text: unknown, names: readonly string[]): unknown {
  if (typeof text !== 'string') return text;
  return names.reduce((t, n) => t.split(`，按${n}等次规则评定`).join(''), text);
}

function upgradeYear(year: Obj): void {
  const names = new Set(Object.values(RENAMED_PRESETS).map((r) => r.oldName));
  for (const ev of list(year.evaluations)) {
    const vote = ev.voteResult;
    if (!isObj(vote)) continue;
    const name = typeof vote.ruleName === 'string' ? vote.ruleName : '';
    if (name !== '') names.add(name);
    const renamed = Object.values(RENAMED_PRESETS).find((r) => r.oldName === name);
    if (renamed) vote.ruleName = renamed.name;
    vote.ruleText = withoutName(vote.ruleText, name);
    vote.ruleSummary = withoutName(vote.ruleSummary, name);
  }
  const opinions = year.opinions;
  if (!isObj(opinions)) return;
  for (const record of list(opinions.records)) {
    for (const version of list(record.versions)) {
      if (version.issue !== null && version.issue !== undefined) continue;
      const content = version.content;
      if (!isObj(content)) continue;
      for (const p of list(content.lead)) p.text = dropRuleClause(p.text, [...names]);
    }
  }
}

function upgrade(tx: MigrationTx): void {
  for (const key of tx.keys()) {
    const stored = tx.get(key);
    if (!isObj(stored)) continue;
    const data = structuredClone(stored);
    if (key === 'core') upgradeCore(data);
    else if (key.startsWith('meeting/')) upgradeMeeting(data);
    else if (key.startsWith('year/')) upgradeYear(data);
    else continue;
    tx.set(key, data);
  }
}

export const neutralRuleNames002: Migration = {
  version: 2,
  name: 'neutral-rule-names',
  up: upgrade,
};
