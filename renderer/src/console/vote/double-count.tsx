import { useState } from 'react';
import type { VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import { MARKS, type Counts, type Mark } from '../../../../shared/vote';
import { CountsGrid } from './counts-grid';
import { MarkHeads } from './tally-table';
import type { VoteConsole } from './use-vote';

interface Props {
  round: VoteRoundView;
  group: VoteGroupView;
  markLabels: Record<Mark, string>;
  run: VoteConsole['run'];
}

/**
 * Two tellers' counts, keyed blind: the second grid starts empty and the first count is not on
 * this screen (the services do not even send it) until the second is in. Then the two are
 * compared cell by cell and the scrutineer confirms.
 */
export function DoubleCount({ round, group, markLabels, run }: Props) {
  const d = group.double;
  const [redo, setRedo] = useState<'first' | 'second' | null>(null);
  const [scrutineer, setScrutineer] = useState(round.scrutineers[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const enter = (entry: 'first' | 'second') => (counts: Counts[]) =>
    run('vote.doubleEntry', { roundId: round.id, groupId: group.id, entry, counts }).then(() => setRedo(null));

  if (!d.firstEntered || redo === 'first') {
    return (
      <section className="vote-double" aria-label="第一次计票">
        <h4>第一次计票</h4>
        <p className="muted">由第一位计票人清点后录入。录入后本屏不再显示，第二位计票人独立清点后再录入第二次计票。</p>
        <CountsGrid key="first" label="第一次计票" people={round.evaluatees} markLabels={markLabels} returned={group.returned} submitLabel="录入第一次计票" onSubmit={enter('first')} />
      </section>
    );
  }
  if (!d.secondEntered || redo === 'second') {
    return (
      <section className="vote-double" aria-label="第二次计票">
        <div className="banner ok" data-testid="vote-first-hidden">
          第一次计票已录入（已隐藏）。请第二位计票人独立清点后录入第二次计票结果。
        </div>
        <h4>第二次计票</h4>
        <CountsGrid key="second" label="第二次计票" people={round.evaluatees} markLabels={markLabels} returned={group.returned} submitLabel="录入第二次计票并比对" onSubmit={enter('second')} />
        <button className="btn small" onClick={() => setRedo('first')}>
          重新录入第一次计票
        </button>
      </section>
    );
  }
  const bad = new Set(d.mismatches.map((m) => `${m.evaluateeIndex}:${m.mark}`));
  return (
    <section className="vote-double" aria-label="两次计票比对">
      <h4>两次计票比对</h4>
      <table className="vote-table vote-compare" data-testid={`vote-compare-${group.id}`}>
        <thead>
          <tr>
            <MarkHeads markLabels={markLabels} />
          </tr>
        </thead>
        <tbody>
          {round.evaluatees.map((p, i) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              {MARKS.map((m) => {
                const a = d.first?.[i]?.[m];
                const b = d.second?.[i]?.[m];
                const off = bad.has(`${i}:${m}`);
                return (
                  <td key={m} className={`num${off ? ' vote-off' : ''}`}>
                    {off ? `${a} ≠ ${b}` : a}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {d.mismatches.length > 0 ? (
        <div className="banner error" role="alert" data-testid="vote-mismatches">
          <strong>两次计票不一致，请重新清点：</strong>
          <ul>
            {d.mismatches.map((m) => (
              <li key={`${m.evaluateeIndex}:${m.mark}`}>{m.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="banner ok">两次计票完全一致。{d.confirmedBy ? `监票人${d.confirmedBy}已确认。` : '请监票人确认。'}</div>
      )}
      <div className="vote-row">
        <button className="btn" onClick={() => setRedo('second')}>
          重新录入第二次计票
        </button>
        <button className="btn" onClick={() => setRedo('first')}>
          重新清点（两次都重录）
        </button>
      </div>
      {d.mismatches.length === 0 && !d.confirmedBy && (
        <div className="vote-row">
          <label>
            监票人
            <select value={scrutineer} onChange={(e) => setScrutineer(e.target.value)}>
              {round.scrutineers.length === 0 && <option value="">（请先登记监票人）</option>}
              {round.scrutineers.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <button
            className="btn primary"
            disabled={!scrutineer}
            onClick={() => run('vote.confirmDouble', { roundId: round.id, groupId: group.id, scrutineer }).then(() => setError(null), (err: Error) => setError(err.message))}
          >
            监票人确认
          </button>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
