import { useState, type ReactNode } from 'react';
import type { VotePerson } from '../../../../shared/api/vote-types';
import { MARKS, emptyCounts, type Counts, type Mark } from '../../../../shared/vote';
import { MarkHeads } from './tally-table';
import { halfWidthDigits } from './vote-text';

interface Props {
  /** Names the grid's fields (e.g. 第二次计票) so two grids on one screen stay apart. */
  label: string;
  people: VotePerson[];
  markLabels: Record<Mark, string>;
  returned: number | null;
  /** Starting values (amendments start from the current counts; a blind second entry never does). */
  initial?: Counts[] | null;
  submitLabel: string;
  onSubmit: (counts: Counts[]) => Promise<unknown>;
  /** Extra content above the submit button (e.g. the reason of an amendment). */
  children?: ReactNode;
  disabled?: boolean;
}

/** Five counts per evaluatee from a manual count; each row's sum is shown against the sheets returned. */
export function CountsGrid({ label, people, markLabels, returned, initial, submitLabel, onSubmit, children, disabled }: Props) {
  const [rows, setRows] = useState<string[][]>(() => people.map((_, i) => MARKS.map((m) => (initial?.[i] ? String(initial[i]![m]) : ''))));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = (): Counts[] | string => {
    const out: Counts[] = [];
    for (const [i, row] of rows.entries()) {
      const c = emptyCounts();
      for (const [j, m] of MARKS.entries()) {
        const text = (row[j] ?? '').trim();
        const v = text === '' ? 0 : Number(text);
        if (!Number.isInteger(v) || v < 0 || v > 9999) return `${people[i]?.name ?? ''}的${markLabels[m]}票数“${text}”不是有效的数目`;
        c[m] = v;
      }
      out.push(c);
    }
    return out;
  };

  const submit = async () => {
    const counts = parsed();
    if (typeof counts === 'string') {
      setError(counts);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(counts);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="vote-grid" role="group" aria-label={label}>
      <table className="vote-table">
        <thead>
          <tr>
            <MarkHeads markLabels={markLabels} />
            <th scope="col" className="num">
              合计
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p, i) => {
            const row = rows[i] ?? [];
            const sum = row.reduce((s, x) => s + (Number(x) || 0), 0);
            const off = returned !== null && sum !== returned && row.some((x) => x !== '');
            return (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                {MARKS.map((m, j) => (
                  <td key={m} className="num">
                    <input
                      aria-label={`${label}：${p.name}的${markLabels[m]}票数`}
                      inputMode="numeric"
                      className="vote-count-input"
                      value={row[j] ?? ''}
                      disabled={disabled}
                      onChange={(e) => {
                        const v = halfWidthDigits(e.target.value).replace(/\D/g, '').slice(0, 4);
                        setRows((cur) => cur.map((r, a) => (a === i ? r.map((x, b) => (b === j ? v : x)) : r)));
                      }}
                      onKeyDown={(e) => e.key === 'Enter' && void submit()}
                    />
                  </td>
                ))}
                <td className={`num${off ? ' vote-off' : ''}`}>
                  {sum}
                  {off && <span className="sr-note">（收回 {returned}）</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {children}
      {error && (
        <div className="banner error vote-inline-error" role="alert">
          {error}
        </div>
      )}
      <button className="btn primary" disabled={busy || disabled} onClick={() => void submit()}>
        {submitLabel}
      </button>
    </div>
  );
}
