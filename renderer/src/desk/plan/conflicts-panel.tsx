import type { PlanView } from '../../../../shared/api/desk-types';
import type { ConflictKind } from '../../../../shared/domain/coverage';

const KIND_LABELS: Record<ConflictKind, string> = {
  'planned-twice': '重复列入',
  'planned-after-end': '离任后列入',
  'planned-before-appointment': '任职前列入',
  'successor-uncovered': '继任未列入',
  'unknown-evaluatee': '对象不存在',
};

/** Conflicts of the plan, errors first, each with a way to find the row it concerns. */
export function ConflictsPanel({ data, onLocate }: { data: PlanView; onLocate: (evaluateeId: string) => void }) {
  if (data.conflicts.length === 0) return null;
  const known = new Set(data.rows.map((r) => r.evaluateeId));
  const list = [...data.conflicts].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className="panel plan-conflicts" aria-labelledby="plan-conflicts-title">
      <h2 id="plan-conflicts-title">
        计划冲突与提醒
        <span className="muted">
          {data.counts.errors}处冲突 · {data.counts.warnings}项提醒
        </span>
      </h2>
      <ul aria-label="计划冲突">
        {list.map((c, i) => (
          <li key={`${c.kind}-${c.evaluateeId}-${i}`}>
            <span className={`tag ${c.severity === 'error' ? 'danger' : 'warn'}`}>{KIND_LABELS[c.kind]}</span>
            <span className="message">{c.message}</span>
            {known.has(c.evaluateeId) && (
              <button type="button" className="btn small" onClick={() => onLocate(c.evaluateeId)}>
                定位
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
