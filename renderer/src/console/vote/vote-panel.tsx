import { memo, useState } from 'react';
import { RoundBody } from './round-body';
import { PrepareBox } from './round-setup-view';
import { useVote } from './use-vote';
import { VOTE_TEXT } from './vote-text';
import './vote.css';
import { formatRound } from '../../../../shared/format/chinese-numerals';

/**
 * 民主测评 on the console: the round of the current vote item from preparation to announcement.
 * Keyboard first where it matters (keying sheets); every step answers with the durable state,
 * and whatever cannot be done says why in Chinese.
 */
export const VotePanel = memo(function VotePanel({ liveRev, agendaItemId: agendaId, memberNames }: { liveRev: number; agendaItemId: string | undefined; memberNames: string[] }) {
  const vc = useVote(liveRev);
  const { vote } = vc;
  // A round picked by hand; a new round (e.g. after a void) takes over again.
  const [chosen, setChosen] = useState<{ id: string; count: number } | null>(null);
  const item = vote?.items.find((i) => i.agendaItemId === agendaId) ?? vote?.items[0];
  const count = item?.rounds.length ?? 0;
  const round = item?.rounds.find((r) => r.id === chosen?.id && chosen.count === count) ?? item?.rounds.at(-1);

  return (
    <section className="panel vote-panel" aria-labelledby="vote-title" data-testid="vote-panel">
      <header className="vote-head">
        <h2 id="vote-title">
          {/* The vote by its kind's title, then the item's own title unless it names the vote already (no word twice). */}
          {item && item.title.includes(item.kindTitle) ? null : (item?.kindTitle ?? VOTE_TEXT.title)}
          {item && <span className="vote-item-title">{item.title}</span>}
        </h2>
        {item && item.rounds.length > 0 && (
          <div className="vote-round-chips" role="tablist" aria-label="测评轮次">
            {item.rounds.map((r) => (
              <button key={r.id} role="tab" aria-selected={r.id === round?.id} className={`vote-chip state-${r.state}${r.id === round?.id ? ' active' : ''}`} onClick={() => setChosen({ id: r.id, count })}>
                {formatRound(r.number)} · {r.stateLabel}
              </button>
            ))}
          </div>
        )}
      </header>
      {vote?.rehearsal && <p className="vote-rehearsal-note">彩排：测评结果不写入评议记录。</p>}
      {vc.notice && (
        <div className="banner error vote-notice" role="alert">
          <span>{vc.notice}</span>
          <button className="btn small" onClick={() => vc.setNotice(null)}>
            知道了
          </button>
        </div>
      )}
      {!vote && (vc.loadError ? <div className="banner error">无法读取测评状态：{vc.loadError}</div> : <p className="muted">正在读取测评状态…</p>)}
      {vote && !item && <p className="muted">本次会议议程中没有民主测评。请在办公桌“会议”中加入测评议程。</p>}
      {vote && item && !round && <PrepareBox item={item} run={vc.run} />}
      {vote && item && round && <RoundBody key={round.id} round={round} item={item} vote={vote} vc={vc} memberNames={memberNames} />}
    </section>
  );
});
