import type { Migration, MigrationTx } from '../types';

/**
 * Version 3: research is kept as records. Until now each 调研报告 carried its group (`group`,
 * `groupName`, `from`, `to`) and its methods as counts (`methods`: talks, visits, questionnaires
 * issued and returned, documents read, case files reviewed, hearings attended, other in words). This
 * step moves them out of every report of every year partition, without loss:
 *
 * - the group becomes a research group record of that one evaluation (`research.groups`, id `rg_`
 *   + the evaluation id's body), with the report's times;
 * - every count above 0 becomes a typed activity of that evaluation keeping the count (`research.activities`):
 *   个别谈话 (talks), 实地走访 (visits), 问卷调查 (issued and returned, no questions), 查阅资料,
 *   案件评查, 旁听庭审; ids `ra_` + the evaluation id's body + a letter per method;
 * - the other methods in words stay on the report (`otherMethods`), printed as before.
 *
 * A report with neither group nor counts gets no records. Ids are derived, not random, so the step
 * gives the same result however often it runs on the same file.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0);

/** Old method key → the activity kind it becomes and the id letter. */
const COUNTED: readonly { key: string; kind: string; letter: string }[] = [
  { key: 'talks', kind: 'interview', letter: 't' },
  { key: 'visits', kind: 'visit', letter: 'v' },
  { key: 'documentsRead', kind: 'reading', letter: 'd' },
  { key: 'caseFilesReviewed', kind: 'caseReview', letter: 'c' },
  { key: 'hearingsAttended', kind: 'hearing', letter: 'h' },
];

/** The evaluation id's body, short enough that a prefix and a letter stay within an id's 32 characters. */
const bodyOf = (evaluationId: string) => evaluationId.replace(/^ev_/, '').slice(0, 30);

function moveReport(report: Obj, research: { groups: Obj[]; activities: Obj[] }): void {
  const content = report.content;
  const evaluationId = report.evaluationId;
  if (!isObj(content) || typeof evaluationId !== 'string') return;
  const stamps = { createdAt: report.createdAt ?? report.updatedAt ?? '', updatedAt: report.updatedAt ?? report.createdAt ?? '' };
  const body = bodyOf(evaluationId);

  const members = Array.isArray(content.group) ? content.group : [];
  const name = typeof content.groupName === 'string' ? content.groupName : '';
  const from = typeof content.from === 'string' ? content.from : undefined;
  const to = typeof content.to === 'string' ? content.to : undefined;
  const taken = research.groups.some((g) => Array.isArray(g.evaluationIds) && g.evaluationIds.includes(evaluationId));
  if (!taken && (members.length > 0 || name.trim() !== '' || from || to)) {
    research.groups.push({ id: `rg_${body}`, evaluationIds: [evaluationId], name, members, ...(from ? { from } : {}), ...(to ? { to } : {}), reportMode: 'perEvaluation', ...stamps });
  }

  const methods = isObj(content.methods) ? content.methods : {};
  const activity = (letter: string, kind: string, extra: Obj) => {
    const id = `ra_${body}${letter}`;
    if (research.activities.some((a) => a.id === id)) return;
    research.activities.push({ id, kind, evaluationIds: [evaluationId], place: '', participants: '', notes: '', ...extra, ...stamps });
  };
  for (const m of COUNTED) {
    const n = count(methods[m.key]);
    if (n > 0) activity(m.letter, m.kind, { count: n, ...(m.kind === 'reading' ? { materials: '' } : m.kind === 'caseReview' ? { cases: [] } : {}) });
  }
  const issued = count(methods.questionnairesIssued);
  const returned = count(methods.questionnairesReturned);
  if (issued > 0 || returned > 0) {
    activity('q', 'questionnaire', { questionnaire: { title: '', intro: '', issued: Math.max(issued, returned), returned, questions: [] } });
  }

  const other = typeof methods.other === 'string' ? methods.other : '';
  const next: Obj = { otherMethods: typeof content.otherMethods === 'string' ? content.otherMethods : other };
  if (isObj(content.sections)) next.sections = content.sections;
  if (typeof content.date === 'string') next.date = content.date;
  report.content = next;
}

function upgrade(tx: MigrationTx): void {
  for (const key of tx.keys()) {
    if (!key.startsWith('year/')) continue;
    const stored = tx.get(key);
    if (!isObj(stored) || !isObj(stored.research)) continue;
    const data = structuredClone(stored);
    const research = data.research as Obj;
    const groups = list(research.groups);
    const activities = list(research.activities);
    for (const report of list(research.reports)) moveReport(report, { groups, activities });
    research.groups = groups;
    research.activities = activities;
    research.findings = list(research.findings);
    tx.set(key, data);
  }
}

export const researchRecords003: Migration = {
  version: 3,
  name: 'research-records',
  up: upgrade,
};
