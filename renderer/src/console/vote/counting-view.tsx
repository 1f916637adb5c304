import { useState } from 'react';
import type { VoteConsoleState, VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import { COUNTING_MODES, COUNTING_MODE_LABELS, type GroupId } from '../../../../shared/domain/vote-round';
import { CountsGrid } from './counts-grid';
import { DoubleCount } from './double-count';
import { ResultView } from './result-view';
import { SheetEntry } from './sheet-entry';
import { TallyTable } from './tally-table';
import type { VoteConsole } from './use-vote';
import { CorrectDialog } from './vote-dialogs';
import { firstGroup, VOTE_TEXT } from './vote-text';

interface Props {
  round: VoteRoundView;
  vote: VoteConsoleState;
  vc: VoteConsole;
  groupId: GroupId | null;
  setGroupId: (id: GroupId) => void;
}

function ModeChoice({ round, group, act }: { round: VoteRoundView; group: VoteGroupView; act: VoteConsole['act'] }) {
  return (
    <div className="vote-modes" role="radiogroup" aria-label={`${group.label}的计票方式`}>
      {COUNTING_MODES.map((m) => (
        <label key={m} className={group.mode === m ? 'on' : ''}>
          <input type="radio" name={`mode-${group.id}`} checked={group.mode === m} disabled={group.modeLocked && group.mode !== m} onChange={() => act('vote.mode', { roundId: round.id, groupId: group.id, mode: m })} />
          {COUNTING_MODE_LABELS[m]}
        </label>
      ))}
    </div>
  );
}

/** Counting one group in its mode, the live tally beside it, then the hard checks and 核对. */
export function CountingView({ round, vote, vc, groupId, setGroupId }: Props) {
  const [correcting, setCorrecting] = useState<number | null>(null);
  const group = round.groups.find((g) => g.id === groupId) ?? firstGroup(round);
  const { run, act } = vc;
  const checked = round.state === 'checked';
  const keyingDone = round.groups.every((g) => g.counted >= (g.returned ?? 0));
  const body = (
    <>
      {round.groups.length > 1 && (
        <div className="vote-group-tabs" role="tablist" aria-label="投票人员">
          {round.groups.map((g) => (
            <button key={g.id} role="tab" aria-selected={g.id === group.id} className={`btn${g.id === group.id ? ' active' : ''}`} onClick={() => setGroupId(g.id)}>
              {g.label}
              <span className="muted">
                {' '}
                {g.counted}/{g.returned ?? '—'}
              </span>
            </button>
          ))}
        </div>
      )}
      <ModeChoice round={round} group={group} act={act} />
      <div className="vote-count-layout">
        <div className="vote-count-entry">
          {group.mode === 'sheets' && <SheetEntry key={`${round.id}:${group.id}`} round={round} group={group} markLabels={vote.markLabels} run={run} onCorrect={setCorrecting} />}
          {group.mode === 'totals' && (
            <CountsGrid
              key={`${round.id}:${group.id}:totals`}
              label="汇总计票结果"
              people={round.evaluatees}
              markLabels={vote.markLabels}
              returned={group.returned}
              initial={group.tally}
              submitLabel={group.tally ? '保存修改' : '录入汇总结果'}
              onSubmit={(counts) => run('vote.totals', { roundId: round.id, groupId: group.id, counts })}
            />
          )}
          {group.mode === 'double' && <DoubleCount key={`${round.id}:${group.id}:double`} round={round} group={group} markLabels={vote.markLabels} run={run} />}
        </div>
        <div className="vote-count-tally">
          <TallyTable round={round} group={group} markLabels={vote.markLabels} caption={`${group.label}　计票（收回 ${group.returned ?? '—'} 张）`} />
          {group.mode === 'sheets' && group.sheets.length > 0 && (
            <ol className="vote-recent" aria-label="最近录入的测评票" reversed>
              {group.sheets
                .slice(-6)
                .reverse()
                .map((s) => (
                  <li key={s.no} value={s.no}>
                    <span className="vote-recent-keys">{s.keys}</span>
                    {s.corrected && <span className="tag warn">已更正</span>}
                    <button className="btn small" onClick={() => setCorrecting(s.no)}>
                      {VOTE_TEXT.correct}
                    </button>
                  </li>
                ))}
            </ol>
          )}
        </div>
      </div>
      {!checked && (
        <div className="vote-check">
          {round.blockers.check.length > 0 && (
            <div className={`banner ${keyingDone ? 'error' : 'warn'}`} role={keyingDone ? 'alert' : undefined} data-testid="vote-failures">
              <strong>{keyingDone ? '核对未通过：' : '尚不能核对：'}</strong>
              <ul>
                {round.blockers.check.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </div>
          )}
          <button className="btn primary big" disabled={round.blockers.check.length > 0} onClick={() => act('vote.check', { roundId: round.id })}>
            {VOTE_TEXT.check}
          </button>
        </div>
      )}
      {!checked && round.preview && <ResultView round={round} groups={[round.preview.binding, ...round.preview.apart]} rule={round.rule} markLabels={vote.markLabels} preview />}
      {correcting !== null && <CorrectDialog round={round} group={group} initialNo={correcting} markLabels={vote.markLabels} run={run} onClose={() => setCorrecting(null)} />}
    </>
  );
  if (!checked) return <div className="vote-counting">{body}</div>;
  return (
    <details className="vote-counting vote-recount">
      <summary>修改计票（修改后须重新核对）</summary>
      {body}
    </details>
  );
}
