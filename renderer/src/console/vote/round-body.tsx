import { useState } from 'react';
import type { VoteConsoleState, VoteItemView, VoteRoundView } from '../../../../shared/api/vote-types';
import type { GroupId } from '../../../../shared/domain/vote-round';
import { AuditView } from './audit-view';
import { CountingView } from './counting-view';
import { ResultView } from './result-view';
import { CloseBox, OpenBox, PrepareBox, TellersBox } from './round-setup-view';
import type { VoteConsole } from './use-vote';
import { AmendDialog, AnnounceDialog, VoidDialog } from './vote-dialogs';
import { STEPS, VOTE_TEXT } from './vote-text';
import { formatDateTimeCn } from '../../ui/format';
import { formatRound } from '../../../../shared/format/chinese-numerals';

type Asking = 'announce' | 'amend' | 'void' | null;

function Steps({ round }: { round: VoteRoundView }) {
  const at = round.state === 'amended' ? STEPS.length - 1 : STEPS.findIndex((s) => s.state === round.state);
  return (
    <ol className="vote-steps" aria-label="测评进度">
      {STEPS.map((s, i) => (
        <li key={s.state} className={round.state === 'void' ? 'void' : i < at ? 'done' : i === at ? 'now' : ''} aria-current={i === at ? 'step' : undefined}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}

function HallPager({ round, act }: { round: VoteRoundView; act: VoteConsole['act'] }) {
  if (round.hallPageCount <= 1) return null;
  const page = round.hallPage;
  return (
    <div className="vote-row vote-pager" role="group" aria-label="大屏翻页">
      <span>
        大屏显示第 {page + 1} 页／共 {round.hallPageCount} 页
      </span>
      <button className="btn" disabled={page === 0} onClick={() => act('vote.hallPage', { roundId: round.id, page: page - 1 })}>
        大屏上一页
      </button>
      <button className="btn" disabled={page >= round.hallPageCount - 1} onClick={() => act('vote.hallPage', { roundId: round.id, page: page + 1 })}>
        大屏下一页
      </button>
    </div>
  );
}

/** One round: its steps, tellers, and what the operator does at its state. */
export function RoundBody({ round, item, vote, vc, memberNames }: { round: VoteRoundView; item: VoteItemView; vote: VoteConsoleState; vc: VoteConsole; memberNames: string[] }) {
  const [asking, setAsking] = useState<Asking>(null);
  const [groupId, setGroupId] = useState<GroupId | null>(null);
  const { run, act } = vc;
  const counting = round.state === 'closed' || round.state === 'counting' || round.state === 'checked';
  const published = round.state === 'announced' || round.state === 'amended';
  return (
    <div className="vote-round" data-testid="vote-round" data-state={round.state}>
      <Steps round={round} />
      <TellersBox key={`${round.id}:${round.tellers.join()}:${round.scrutineers.join()}`} round={round} names={memberNames} act={act} />
      {round.state === 'prepared' && <OpenBox round={round} vote={vote} run={run} />}
      {round.state === 'open' && <CloseBox round={round} run={run} />}
      {counting && <CountingView round={round} vote={vote} vc={vc} groupId={groupId} setGroupId={setGroupId} />}
      {round.state === 'checked' && round.result && (
        <>
          <ResultView round={round} groups={round.result.groups} rule={round.result.rule} markLabels={vote.markLabels} />
          <div className="vote-row">
            <button className="btn primary big" onClick={() => setAsking('announce')}>
              {VOTE_TEXT.announce}
            </button>
            <span className="muted">公布后大屏显示结果，本轮锁定。</span>
          </div>
        </>
      )}
      {published && round.result && (
        <>
          <div className="banner ok" data-testid="vote-announced">
            已于 {round.announcedAt ? formatDateTimeCn(round.announcedAt) : ''} 公布{round.state === 'amended' ? `，其后更正 ${round.amendments.length} 次` : ''}。
          </div>
          <HallPager round={round} act={act} />
          <ResultView round={round} groups={round.result.groups} rule={round.result.rule} markLabels={vote.markLabels} />
          {round.amendments.length > 0 && (
            <ul className="vote-amendments" aria-label="更正记录">
              {round.amendments.map((a, i) => (
                <li key={i}>
                  {formatDateTimeCn(a.at)} 更正：{a.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {round.state === 'void' && (
        <div className="banner warn" data-testid="vote-void">
          {formatRound(round.number)}测评已作废{round.voidReason ? `：${round.voidReason}` : ''}。记录保留。
        </div>
      )}
      {round.state === 'void' && round.number === Math.max(...item.rounds.map((r) => r.number)) && <PrepareBox item={item} run={run} />}
      <div className="vote-row vote-danger-row">
        {published && (
          <button className="btn" onClick={() => setAsking('amend')}>
            {VOTE_TEXT.amend}
          </button>
        )}
        {round.state !== 'void' && (
          <button className="btn danger" onClick={() => setAsking('void')}>
            {VOTE_TEXT.void}
          </button>
        )}
      </div>
      <AuditView round={round} />
      {asking === 'announce' && <AnnounceDialog round={round} run={run} onClose={() => setAsking(null)} />}
      {asking === 'amend' && <AmendDialog round={round} markLabels={vote.markLabels} run={run} onClose={() => setAsking(null)} />}
      {asking === 'void' && <VoidDialog round={round} run={run} onClose={() => setAsking(null)} />}
    </div>
  );
}
