import { useLayoutEffect, useRef, type CSSProperties, type RefObject } from 'react';
import type { HallVoteContent, HallVoteProgress, HallVoteResult } from '../../../../shared/api/vote-types';
import { VOTE_COLOURS, VOTE_COLUMNS, VoteChart, type VoteColumn } from './vote-chart';
import './vote-slide.css';

function Progress({ content }: { content: HallVoteProgress }) {
  return (
    <>
      <div className="hall-header-line hall-keep">{content.meetingName}</div>
      <h1 className="hall-vote-heading">{content.title}</h1>
      <div className="hall-vote-names">{content.names.join('　')}</div>
      <div className="hall-vote-status" data-testid="hall-vote-status">
        {content.roundNo > 1 ? `第${content.roundNo}轮　` : ''}
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

/** 基本满意 → 基本<wbr>满意: with keep-all, a long header breaks in its middle or not at all. */
function Label({ text }: { text: string }) {
  const chars = [...text];
  if (chars.length < 4) return <>{text}</>;
  const half = Math.ceil(chars.length / 2);
  return (
    <>
      {chars.slice(0, half).join('')}
      <wbr />
      {chars.slice(half).join('')}
    </>
  );
}

function Swatch({ colour }: { colour: string }) {
  return <span className="hall-vote-swatch" style={{ background: colour }} aria-hidden="true" />;
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

function Result({ content, size }: { content: HallVoteResult; size: string }) {
  const gridRef = useRef<HTMLDivElement>(null);
  useFitWidth(gridRef, `${size}:${JSON.stringify(content)}`);
  const withOther = content.rows.some((r) => r.other > 0);
  const cols = withOther ? 7 : 6;
  const style = { '--rows': content.rows.length, '--cols': cols } as CSSProperties;
  // 空白/无效 (other) only when some row has any.
  const columns = withOther ? VOTE_COLUMNS : VOTE_COLUMNS.slice(0, 3);
  const labelOf = (k: VoteColumn) => (k === 'other' ? content.otherLabel : content.gradeLabels[k]);
  return (
    <>
      <div className="hall-vote-top">
        <span className="hall-vote-title">{content.title}</span>
        <span className="hall-vote-sub">
          {content.roundNo > 1 ? `第${content.roundNo}轮 ` : ''}测评结果{content.amended ? '（更正后）' : ''}
          {content.pageCount > 1 ? `　第${content.page + 1}页／共${content.pageCount}页` : ''}
        </span>
      </div>
      {!content.binding && <div className="hall-vote-apart">{content.groupLabel}（另行计票）</div>}
      <div ref={gridRef} className={`hall-vote-grid${withOther ? ' with-other' : ''}`} style={style} data-testid="hall-vote-result">
        <div className="hall-vote-th name">姓名</div>
        {columns.map((k) => (
          <div key={k} className="hall-vote-th">
            <Swatch colour={VOTE_COLOURS[k]} />
            <Label text={labelOf(k)} />
          </div>
        ))}
        <div className="hall-vote-th chart-head" aria-hidden="true" />
        <div className="hall-vote-th">满意率</div>
        <div className="hall-vote-th">等次</div>
        <div className="hall-vote-chart-cell" style={{ gridColumn: withOther ? 6 : 5, gridRow: `2 / span ${content.rows.length}` }}>
          <VoteChart rows={content.rows} />
        </div>
        {content.rows.map((r, i) => {
          // Each cell names its row: the chart cell spans the rows, and auto-placement flows around it.
          const row = { gridRow: i + 2 };
          return (
            <div key={r.name + i} className="hall-vote-row" data-testid="hall-vote-row">
              <div className="hall-vote-name" style={row}>
                {r.name}
              </div>
              {columns.map((k) => (
                <div key={k} className="hall-vote-n" style={row}>
                  {r[k]}
                </div>
              ))}
              <div className="hall-vote-rate" style={row}>
                {r.rateText}
              </div>
              <div className={`hall-vote-grade${r.failing ? ' failing' : ''}`} style={row}>
                {r.outcome}
              </div>
            </div>
          );
        })}
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
          <div className="hall-vote-status">第{content.roundNo}轮测评作废，将重新投票</div>
        </>
      )}
    </div>
  );
}
