import type { DrawLogLine, FindingRef, QuestioningMemberRef, QuestioningState, QuestionRecordView } from '../../../shared/api/questioning-types';
import { drawCandidates, formatDrawTime, viewLog, type LogView } from '../../../shared/draw';
import { CANCEL_KIND_LABELS, DRAW_SCOPE_LABELS } from '../../../shared/draw/log-schema';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import { questioningSettingsSchema, type QuestioningData } from '../../../shared/domain/questioning';
import { currentRecord, evaluateeRef, excludedIds, memberRefs, presentIds, questionNumbers, rosterOf, spotOf } from './spot';
import { formatRound } from '../../../shared/format/chinese-numerals';

/** The console's questioning state: pure, from the meeting partition and the roster. */

const LOG_TAIL = 8;

/**
 * 第几次抽取 for each draw, counted per evaluatee like 第几问: the operator and the minutes speak
 * of the second draw for this evaluatee, not the ninth of the meeting (the fairness report keeps
 * the log's own numbering). Every draw has its record, cancelled or not, in the order drawn;
 * volunteered questions have no draw and no number here.
 */
export function drawNumbers(q: Readonly<QuestioningData>): Map<string, { evaluateeId: string; no: number }> {
  const counts = new Map<string, number>();
  const numbers = new Map<string, { evaluateeId: string; no: number }>();
  for (const r of q.records) {
    if (r.origin === 'volunteer') continue;
    const no = (counts.get(r.evaluateeId) ?? 0) + 1;
    counts.set(r.evaluateeId, no);
    numbers.set(r.drawId, { evaluateeId: r.evaluateeId, no });
  }
  return numbers;
}

export function recordViews(q: Readonly<QuestioningData>, evaluateeId?: string): QuestionRecordView[] {
  const draws = drawNumbers(q);
  const numbers = new Map<string, Map<string, number>>();
  const numberOf = (evaluatee: string, id: string) => {
    let m = numbers.get(evaluatee);
    if (!m) numbers.set(evaluatee, (m = questionNumbers(q, evaluatee)));
    return m.get(id) ?? null;
  };
  return q.records
    .filter((r) => !evaluateeId || r.evaluateeId === evaluateeId)
    .map((r) => ({ ...r, drawOrdinal: draws.get(r.drawId)?.no ?? 0, questionNo: numberOf(r.evaluateeId, r.id) }));
}

/** The log in words, newest last: what the operator checks at a glance. Draws are numbered per evaluatee. */
export function logLines(q: Readonly<QuestioningData>, view: LogView, names: Readonly<Record<string, string>>): DrawLogLine[] {
  const questionTexts = new Map(q.bank.map((b) => [b.id, b.text]));
  const draws = drawNumbers(q);
  const drawName = (drawId: string) => {
    const d = draws.get(drawId);
    return d ? `询问${names[d.evaluateeId] ?? ''}第${d.no}次抽取` : `第${view.draws.find((x) => x.entry.id === drawId)?.ordinal ?? '?'}次抽取`;
  };
  const cancelled = new Set(view.draws.filter((d) => d.cancelledBy).map((d) => d.entry.id));
  return q.log.map((e, i) => {
    const at = formatDrawTime(e.at);
    if (e.type === 'draw') {
      const name = e.candidates[e.index]?.name ?? e.memberId;
      const text = e.question ? questionTexts.get(e.question.questionId) : undefined;
      const asked = e.question ? `，抽出问题“${text ? (text.length > 16 ? `${text.slice(0, 16)}…` : text) : e.question.questionId}”` : '';
      return { id: e.id, type: e.type, at, text: `${drawName(e.id)}：${name}（候选${e.candidates.length}人，${formatRound(e.cycle)}${asked}）`, cancelled: cancelled.has(e.id) };
    }
    if (e.type === 'cancel') return { id: e.id, type: e.type, at, text: `${CANCEL_KIND_LABELS[e.kind]}：作废${drawName(e.drawId)}，原因：${e.reason}`, cancelled: false };
    const scope = `${DRAW_SCOPE_LABELS[e.scope]}（${names[e.scopeId] ?? e.scopeId}）`;
    return { id: e.id, type: e.type, at, text: `第${i + 1}条：开始${formatRound(e.cycle)}，${scope}，原因：${e.reason}`, cancelled: false };
  });
}

/** scopeId → a name to print: the evaluatees' names and the meeting's. */
export function scopeNamesOf(core: Readonly<CoreData>, data: Readonly<MeetingData>): Record<string, string> {
  const names: Record<string, string> = { [data.meeting.id]: data.meeting.name };
  for (const item of data.meeting.agenda) if (item.kind !== 'vote') names[item.evaluateeId] = evaluateeRef(core, item.evaluateeId).name;
  return names;
}

export function questioningState(
  core: Readonly<CoreData>,
  data: Readonly<MeetingData> | null,
  q: Readonly<QuestioningData> | null,
  session: { meetingId: string; rehearsal: boolean } | null,
  now: number,
  /** The findings a minuted question of an evaluatee may name (read by the service from the year's records). */
  findings?: (evaluateeId: string) => FindingRef[],
): QuestioningState {
  const base = { serverNow: now, rev: data?.live.rev ?? 0, meetingId: session?.meetingId ?? null, rehearsal: !!session?.rehearsal };
  if (!data || !q) {
    return {
      ...base,
      blockedBy: '尚未打开会议',
      evaluatee: null,
      settings: questioningSettingsSchema.parse({}),
      scope: null,
      candidates: [],
      excluded: [],
      asked: [],
      presentCount: 0,
      empty: null,
      offerNewCycle: false,
      current: null,
      records: [],
      bank: [],
      present: [],
      findings: [],
      logTail: [],
      logCount: 0,
    };
  }
  const spot = spotOf(data, q, core);
  const view = viewLog(q.log);
  const refs = new Map(memberRefs(core).map((m) => [m.id, m]));
  const ref = (id: string): QuestioningMemberRef => refs.get(id) ?? { id, name: id, role: '委员' };
  const evaluateeId = spot.item?.evaluateeId;
  const present = presentIds(core, data);
  let scope: QuestioningState['scope'] = null;
  let candidates: QuestioningMemberRef[] = [];
  let excluded: QuestioningMemberRef[] = [];
  let asked: QuestioningMemberRef[] = [];
  let empty: QuestioningState['empty'] = null;
  let offerNewCycle = false;
  if (spot.scopeId) {
    const cycle = view.cycle(spot.scope, spot.scopeId);
    const askedIds = view.asked(spot.scope, spot.scopeId, cycle);
    const c = drawCandidates({ roster: rosterOf(core), present, asked: askedIds, excluded: excludedIds(core, q.settings) });
    const label = spot.scope === 'evaluatee' ? `按被评议对象（${evaluateeRef(core, spot.scopeId).name}）` : '按会议（全体被评议对象合并计算）';
    scope = { scope: spot.scope, scopeId: spot.scopeId, label, cycle };
    candidates = c.ids.map(ref);
    excluded = c.excluded.map(ref);
    asked = askedIds.map(ref);
    empty = c.empty;
    offerNewCycle = c.offerNewCycle;
  }
  const records = evaluateeId ? recordViews(q, evaluateeId) : [];
  const current = evaluateeId ? currentRecord(q, evaluateeId) : undefined;
  const lines = logLines(q, view, scopeNamesOf(core, data));
  return {
    ...base,
    blockedBy: spot.blockedBy,
    evaluatee: evaluateeId ? evaluateeRef(core, evaluateeId) : null,
    settings: q.settings,
    scope,
    candidates,
    excluded,
    asked,
    presentCount: present.length,
    empty,
    offerNewCycle,
    current: (current && records.find((r) => r.id === current.id)) ?? null,
    records,
    bank: evaluateeId ? q.bank.filter((b) => b.evaluateeId === evaluateeId) : [],
    present: present.map(ref),
    findings: evaluateeId ? (findings?.(evaluateeId) ?? []) : [],
    logTail: lines.slice(-LOG_TAIL),
    logCount: q.log.length,
  };
}
