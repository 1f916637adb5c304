import { useLayoutEffect, useRef, type CSSProperties, type RefObject } from 'react';
import type { HallVoteContent, HallVoteProgress, HallVoteResult } from '../../../../shared/api/vote-types';
import { VOTE_COLOURS, VOTE_COLUMNS, VoteBar, type VoteColumn } from './vote-chart';
import './vote-slide.css';
import { formatRound } from '../../../../shared/format/chinese-numerals';

function Progress({ content }: { content: HallVoteProgress }) {
  return (
    <>
      <div className="hall-header-line hall-keep">{content.meetingName}</div>
      <h1 className="hall-vote-heading">{content.title}</h1>
      <div className="hall-vote-names">{content.names.join('　')}</div>
      <div className="hall-vote-status" data-testid="hall-vote-status">
        {content.roundNo > 1 ? `${formatRound(content.roundNo)}　` : ''}
        {content.status}
      </div>
      {content.groups.map((g) => (
        <div key={g.label} className="hall-vote-progress" data-testid="hall-vote-progress">
          {content.groups.length > 1 && <span className="hall-vote-group-label">{g.label}　</span>}
          {g.returned === null ? (
            g.issued === null ? null : <>发出 {g.issued} 张</>
          ) : (
            <>
              已计 <b>{g.counted}</b> 张／收回 <b>{g.returned}</b> 张
            </>
          )}
        </div>
      ))}
    </>
  );
}

function Swatch({ column }: { column: VoteColumn }) {
  return <span className={`hall-vote-swatch part-${column}`} style={{ '--part': VOTE_COLOURS[column] } as CSSProperties} aria-hidden="true" />;
}

/**
 * The hall's fitting (useFit) looks at height; a table wider than a 4:3 screen can hide in the
 * frame's padding, so the table narrows itself: --vfit scales its sizes (never below their 4cqh floors).
 */
function useFitWidth(ref: RefObject<HTMLDivElement | null>, key: string) {
  useLayoutEffect(() => {
    const grid = ref.current;
    const root = grid?.closest<HTMLElement>('.hall-vote');
    if (!grid || !root) return;
    let k = 1;
    root.style.setProperty('--vfit', '1');
    while (grid.scrollWidth > grid.clientWidth + 1 && k > 0.55) {
      k -= 0.05;
      root.style.setProperty('--vfit', k.toFixed(2));
    }
  }, [ref, key]);
}

/**
 * The result table: 姓名, the bar (the widest column: at least 60% of a 16:9 slide) under a legend
 * that names its parts, 满意率 and 等次. A row whose grade is not the best has a line under its bar
 * with the arithmetic that decided it, so a high rate with a lower grade reads as what it is.
 * Headers are single words on one line each; nothing in the table wraps but a very long name.
 */
function Result({ content, size }: { content: HallVoteResult; size: string }) {
  const gridRef = useRef<HTMLDivElement>(null);
  useFitWidth(gridRef, `${size}:${JSON.stringify(content)}`);
  const withOther = content.rows.some((r) => r.other > 0);
  // 空白/无效 (other) only when some row has any.
  const columns: readonly VoteColumn[] = withOther ? VOTE_COLUMNS : VOTE_COLUMNS.slice(0, 3);
  const labelOf = (k: VoteColumn) => (k === 'other' ? content.otherLabel : content.gradeLabels[k]);
  const max = Math.max(1, ...content.rows.map((r) => columns.reduce((sum, k) => sum + r[k], 0)));
  return (
    <>
      <div className="hall-vote-top">
        <span className="hall-vote-title">{content.title}</span>
        <span className="hall-vote-sub">
          {content.roundNo > 1 ? `${formatRound(content.roundNo)} ` : ''}测评结果{content.amended ? '（更正后）' : ''}
          {content.pageCount > 1 ? `　第${content.page + 1}页／共${content.pageCount}页` : ''}
        </span>
      </div>
      {!content.binding && <div className="hall-vote-apart">{content.groupLabel}（另行计票）</div>}
      <div ref={gridRef} className="hall-vote-grid" data-testid="hall-vote-result">
        <div className="hall-vote-th name">姓名</div>
        <div className="hall-vote-th legend" data-testid="hall-vote-legend">
          {columns.map((k) => (
            <span key={k} className="hall-vote-key" data-testid="hall-vote-head">
              <Swatch column={k} />
              {labelOf(k)}
            </span>
          ))}
        </div>
        <div className="hall-vote-th" data-testid="hall-vote-head">
          满意率
        </div>
        <div className="hall-vote-th grade" data-testid="hall-vote-head">
          等次
        </div>
        {content.rows.map((r, i) => (
          <div key={r.name + i} className="hall-vote-row" data-testid="hall-vote-row">
            <div className="hall-vote-name">{r.name}</div>
            <div className="hall-vote-chart-cell" data-testid="hall-vote-chart">
              <VoteBar row={r} columns={columns} max={max} />
            </div>
            <div className="hall-vote-rate">{r.rateText}</div>
            <div className={`hall-vote-grade${r.failing ? ' failing' : ''}`}>{r.outcome}</div>
            {r.explain && (
              <div className="hall-vote-explain" data-testid="hall-vote-explain">
                {r.explain}
              </div>
            )}
          </div>
        ))}
      </div>
      <div className="hall-vote-foot">
        <div>{content.contextText}</div>
        {/* The rule in words from its numbers (never a rule's name): a projected paper names no preset. */}
        <div className="hall-vote-rule">等次规则：{content.ruleSummary}</div>
      </div>
    </>
  );
}

/**
 * The hall's 民主测评 picture. Before announcement the content has nothing but progress (the
 * services never put counts into it); after, one page of results with a chart. Sizes are in
 * container units of the hall screen; no text is smaller than 4% of the picture's height.
 */
export function VoteSlide({ content, width, height }: { content: HallVoteContent; width: number; height: number }) {
  const size = `${Math.round(width)}x${Math.round(height)}`;
  return (
    <div className={`hall-slide hall-vote phase-${content.phase}`} data-phase={content.phase} data-size={size}>
      {content.phase === 'progress' && <Progress content={content} />}
      {content.phase === 'result' && <Result content={content} size={size} />}
      {content.phase === 'void' && (
        <>
          <div className="hall-header-line hall-keep">{content.meetingName}</div>
          <h1 className="hall-vote-heading">{content.title}</h1>
          <div className="hall-vote-status">{formatRound(content.roundNo)}测评作废，将重新投票</div>
        </>
      )}
    </div>
  );
}
