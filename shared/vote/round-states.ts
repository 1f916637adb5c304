/**
 * The life of a vote round as data (vote-rules.md, "Round states"). A void round stays in the
 * record; a new round is prepared instead. After announcement the round is locked: only an
 * amendment with a reason, or voiding with a reason, can follow.
 */

export const ROUND_STATES = ['prepared', 'open', 'closed', 'counting', 'checked', 'announced', 'amended', 'void'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_STATE_LABELS: Readonly<Record<RoundState, string>> = {
  prepared: '已准备',
  open: '投票中',
  closed: '已收票',
  counting: '计票中',
  checked: '已核对',
  announced: '已公布',
  amended: '已更正',
  void: '已作废',
};

/** What the operator does to reach a state, for buttons and messages. */
export const ROUND_ACTION_LABELS: Readonly<Record<RoundState, string>> = {
  prepared: '准备测评',
  open: '发票',
  closed: '收票',
  counting: '开始计票',
  checked: '核对',
  announced: '公布结果',
  amended: '更正',
  void: '作废',
};

const NEXT: Readonly<Record<RoundState, readonly RoundState[]>> = {
  prepared: ['open', 'void'],
  open: ['closed', 'void'],
  closed: ['counting', 'void'],
  counting: ['checked', 'void'],
  // A mistake found after checking but before announcement is corrected by counting again.
  checked: ['announced', 'counting', 'void'],
  announced: ['amended', 'void'],
  // Each correction after announcement is its own recorded amendment.
  amended: ['amended', 'void'],
  void: [],
};

/** States the round can move to next. */
export function nextStates(from: RoundState): readonly RoundState[] {
  return NEXT[from];
}

/** The result is public and may no longer change silently. */
export function isLocked(state: RoundState): boolean {
  return state === 'announced' || state === 'amended' || state === 'void';
}

export type TransitionVerdict = { ok: true } | { ok: false; reason: string };

const q = (s: RoundState) => `“${ROUND_STATE_LABELS[s]}”`;

/** Whether the order of states allows from → to, with the reason in Chinese when it does not. */
export function canTransition(from: RoundState, to: RoundState): TransitionVerdict {
  if (NEXT[from].includes(to)) return { ok: true };
  if (from === 'void') return { ok: false, reason: '本轮测评已作废，不能再变更；如需重新投票，请准备新的一轮测评' };
  if (from === to) return { ok: false, reason: `本轮测评已处于${q(to)}状态` };
  if (to === 'prepared') return { ok: false, reason: '已开始的测评不能退回准备状态；如需重新投票，请作废本轮并准备新的一轮' };
  if (from === 'announced' || from === 'amended') {
    return { ok: false, reason: '本轮测评结果已公布并锁定，只能更正（须说明理由）或作废，不能直接修改' };
  }
  const allowed = NEXT[from].filter((s) => s !== 'void').map(q).join('或');
  if (ROUND_STATES.indexOf(to) < ROUND_STATES.indexOf(from)) {
    return { ok: false, reason: `本轮测评处于${q(from)}状态，不能退回${q(to)}；下一步应为${allowed}` };
  }
  return { ok: false, reason: `本轮测评处于${q(from)}状态，不能直接变为${q(to)}；下一步应为${allowed}` };
}

/**
 * Facts the guards of a transition look at. A fact left out counts as not established, so a
 * caller that forgets one is refused rather than waved through.
 */
export interface RoundFacts {
  /** Quorum met (default: 实到 > ½ × 应到). */
  quorumMet: boolean;
  issuedRecorded: boolean;
  returnedRecorded: boolean;
  /** The hard checks' failures (checkRound); an empty list means all passed. */
  checkFailures: readonly { message: string }[];
  doubleCountMode: boolean;
  /** The scrutineer (监票人) confirmed the count. */
  scrutineerConfirmed: boolean;
  /** The reason typed for an amendment or for voiding. */
  reason: string;
}

/** Everything that stands in the way of from → to: the order of states first, then the guards. */
export function transitionBlockers(from: RoundState, to: RoundState, facts: Partial<RoundFacts>): string[] {
  const order = canTransition(from, to);
  if (!order.ok) return [order.reason];
  const blockers: string[] = [];
  switch (to) {
    case 'open':
      if (facts.quorumMet !== true) blockers.push('不足法定人数，不能开始投票');
      if (facts.issuedRecorded !== true) blockers.push('尚未登记发出票数');
      break;
    case 'closed':
      if (facts.returnedRecorded !== true) blockers.push('尚未登记收回票数');
      break;
    case 'checked':
      if (facts.checkFailures === undefined) blockers.push('尚未进行计票核对');
      else blockers.push(...facts.checkFailures.map((f) => f.message));
      if (facts.doubleCountMode === true && facts.scrutineerConfirmed !== true) blockers.push('两次计票尚未经监票人确认');
      break;
    case 'amended':
      if ((facts.reason ?? '').trim() === '') blockers.push('更正已公布的结果须说明理由');
      break;
    case 'void':
      if ((facts.reason ?? '').trim() === '') blockers.push('作废本轮测评须说明理由');
      break;
    default:
      break;
  }
  return blockers;
}
