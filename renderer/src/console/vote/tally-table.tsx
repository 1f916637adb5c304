import type { VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import { MARKS, countsTotal, type Counts, type GradeResult, type Mark } from '../../../../shared/vote';
import { rowRate } from './vote-text';

interface Props {
  round: VoteRoundView;
  group: VoteGroupView;
  markLabels: Record<Mark, string>;
  /** The graded counts (preview while counting, or the stored result). */
  graded?: GradeResult[] | undefined;
  caption?: string;
  testId?: string;
}

/** The tally as it grows: five counts per evaluatee, their sum against the sheets returned, valid, rate. */
export function TallyTable({ round, group, markLabels, graded, caption, testId }: Props) {
  const tally: (Counts | null)[] = group.tally ?? round.evaluatees.map(() => null);
  // While sheets are still being keyed, a sum below the sheets returned is progress, not an error.
  const complete = group.mode !== 'sheets' || group.counted >= (group.returned ?? 0);
  return (
    <div className="vote-scroll">
      <table className="vote-table" data-testid={testId ?? `vote-tally-${group.id}`}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <MarkHeads markLabels={markLabels} />
            <th scope="col" className="num">
              合计
            </th>
            <th scope="col" className="num">
              有效
            </th>
            <th scope="col" className="num">
              满意率
            </th>
            {graded && <th scope="col">等次</th>}
          </tr>
        </thead>
        <tbody>
          {round.evaluatees.map((p, i) => {
            const c = tally[i] ?? null;
            const total = c ? countsTotal(c) : null;
            const off = complete && c !== null && group.returned !== null && total !== group.returned;
            const r = c ? rowRate(c, round) : null;
            const g = graded?.[i];
            return (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                {MARKS.map((m) => (
                  <td key={m} className="num">
                    {c ? c[m] : '—'}
                  </td>
                ))}
                <td className={`num${off ? ' vote-off' : ''}`} title={off ? `与收回 ${group.returned} 张不符` : undefined}>
                  {total ?? '—'}
                </td>
                <td className="num">{r ? r.valid : '—'}</td>
                <td className="num">{r ? r.rate : '—'}</td>
                {graded && <td className={g?.failing ? 'vote-failing' : 'vote-outcome'}>{g?.outcome ?? '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** 被测评对象 and the five marks: the first header cells of every counts table. */
export function MarkHeads({ markLabels }: { markLabels: Record<Mark, string> }) {
  return (
    <>
      <th scope="col">被测评对象</th>
      {MARKS.map((m) => (
        <th key={m} scope="col" className="num">
          {markLabels[m]}
        </th>
      ))}
    </>
  );
}
