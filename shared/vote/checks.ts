import { DEFAULT_GRADE_LABELS, MARKS, countsTotal, markLabels, type Counts, type GradeLabels, type Mark } from './terms';

/**
 * The hard checks of vote-rules.md. Nothing can be announced while one fails, and every message
 * names the numbers that disagree, so the tellers know what to recount.
 */

export const CHECK_CODES = [
  'not-a-count',
  'no-evaluatees',
  'returned-exceeds-issued',
  'total-mismatch',
  'issued-exceeds-present',
  'double-count-shape',
  'double-count-mismatch',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface CheckFailure {
  code: CheckCode;
  message: string;
  /** Returned > issued: the round is void and must be repeated. */
  voids?: true;
  /** The evaluatee (position on the sheet) and the cell concerned, when there is one. */
  evaluateeIndex?: number;
  mark?: Mark;
  /** Double count: the two tellers' numbers for the cell. */
  first?: number;
  second?: number;
}

export interface EvaluateeCounts {
  name: string;
  counts: Counts;
}

export interface RoundCheckInput {
  issued: number;
  returned: number;
  /** Voters of this group present (for the binding group: members present, 实到). */
  presentInGroup: number;
  /** The counts to be announced, one entry per evaluatee in sheet order. */
  perEvaluatee: EvaluateeCounts[];
  /** Double-count mode: both tellers' counts, each in sheet order. */
  doubleCount?: { first: Counts[]; second: Counts[] };
  labels?: GradeLabels;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** 张三：满意 20 + 基本满意 5 + 不满意 2 + 空白 1 + 无效 0 = 28 */
function sumText(name: string, c: Counts, labels: GradeLabels): string {
  const names = markLabels(labels);
  return `${name}：${MARKS.map((m) => `${names[m]} ${c[m]}`).join(' + ')} = ${countsTotal(c)}`;
}

export function checkRound(input: RoundCheckInput): CheckFailure[] {
  const labels = input.labels ?? DEFAULT_GRADE_LABELS;
  const names = markLabels(labels);
  const failures: CheckFailure[] = [];
  const { issued, returned, presentInGroup, perEvaluatee } = input;

  // Garbage in would make every later message misleading; say so and stop.
  const scalars: [string, unknown][] = [
    ['发出票数', issued],
    ['收回票数', returned],
    ['实到人数', presentInGroup],
  ];
  for (const [label, value] of scalars) {
    if (!isCount(value)) failures.push({ code: 'not-a-count', message: `${label}“${String(value)}”不是有效的数目（应为0或正整数）` });
  }
  perEvaluatee.forEach((e, i) => {
    for (const m of MARKS) {
      const v: unknown = e.counts[m];
      if (!isCount(v)) {
        failures.push({ code: 'not-a-count', message: `${e.name}：${names[m]}票数“${String(v)}”不是有效的数目（应为0或正整数）`, evaluateeIndex: i, mark: m });
      }
    }
  });
  if (failures.length > 0) return failures;

  if (perEvaluatee.length === 0) failures.push({ code: 'no-evaluatees', message: '本轮测评没有被测评对象' });

  if (returned > issued) {
    failures.push({
      code: 'returned-exceeds-issued',
      message: `收回 ${returned} 张，多于发出 ${issued} 张，本轮投票无效，应重新投票`,
      voids: true,
    });
  }

  perEvaluatee.forEach((e, i) => {
    const total = countsTotal(e.counts);
    if (total !== returned) {
      failures.push({
        code: 'total-mismatch',
        message: `${sumText(e.name, e.counts, labels)}，与收回 ${returned} 张不符`,
        evaluateeIndex: i,
      });
    }
  });

  if (issued > presentInGroup) {
    failures.push({ code: 'issued-exceeds-present', message: `发出 ${issued} 张，多于实到 ${presentInGroup} 人` });
  }

  if (input.doubleCount) failures.push(...compareDoubleCount(perEvaluatee.map((e) => e.name), input.doubleCount.first, input.doubleCount.second, labels));

  return failures;
}

/** Both tellers' counts, cell by cell; each differing cell is named with both numbers. */
export function compareDoubleCount(names: string[], first: Counts[], second: Counts[], labels: GradeLabels = DEFAULT_GRADE_LABELS): CheckFailure[] {
  const markNames = markLabels(labels);
  const failures: CheckFailure[] = [];
  if (first.length !== names.length || second.length !== names.length) {
    failures.push({
      code: 'double-count-shape',
      message: `两次计票的被测评对象人数不一致：应为 ${names.length} 人，第一次 ${first.length} 人，第二次 ${second.length} 人`,
    });
  }
  const n = Math.min(names.length, first.length, second.length);
  for (let i = 0; i < n; i++) {
    const a = first[i];
    const b = second[i];
    if (a === undefined || b === undefined) continue;
    for (const m of MARKS) {
      if (a[m] !== b[m]) {
        failures.push({
          code: 'double-count-mismatch',
          message: `${names[i] ?? `第${i + 1}人`}的${markNames[m]}票：第一次计票 ${a[m]} 票，第二次计票 ${b[m]} 票，不一致`,
          evaluateeIndex: i,
          mark: m,
          first: a[m],
          second: b[m],
        });
      }
    }
  }
  return failures;
}

/** The round must be repeated (kept in the record as void). */
export function voidsRound(failures: readonly CheckFailure[]): boolean {
  return failures.some((f) => f.voids === true);
}
