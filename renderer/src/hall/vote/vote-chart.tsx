import type { CSSProperties } from 'react';
import type { HallVoteRow } from '../../../../shared/api/vote-types';

/** Gold for the best grade, paler for the second, white for the third, an outline for blank/invalid. */
export const VOTE_COLOURS = {
  satisfied: '#f2cf6b',
  basic: '#f8e6b0',
  unsatisfied: '#ffffff',
  other: 'transparent',
} as const;

/** The count columns in their order, in the bar and in the legend above it. */
export const VOTE_COLUMNS = ['satisfied', 'basic', 'unsatisfied', 'other'] as const;
export type VoteColumn = (typeof VOTE_COLUMNS)[number];

/**
 * One evaluatee's votes as a horizontal bar split into the grades' counts, each part carrying its
 * number, so the room reads the figures where it sees the proportions. Drawn in HTML: the numbers
 * keep the hall's type sizes and contrast, and nothing is painted on a canvas the room cannot
 * read. A part is as wide as its share (flex-grow by count), and never narrower than its number.
 * Every bar is scaled to the largest total (the sheets returned: the same for every row).
 */
export function VoteBar({ row, columns, max }: { row: HallVoteRow; columns: readonly VoteColumn[]; max: number }) {
  const total = columns.reduce((sum, k) => sum + row[k], 0);
  return (
    <div className="hall-vote-bar" data-testid="hall-vote-bar" style={{ width: `${(100 * total) / Math.max(1, max)}%` }}>
      {columns.map((k) =>
        row[k] > 0 ? (
          <span key={k} className={`hall-vote-part part-${k}`} style={{ flexGrow: row[k], '--part': VOTE_COLOURS[k] } as CSSProperties}>
            {row[k]}
          </span>
        ) : null,
      )}
    </div>
  );
}
