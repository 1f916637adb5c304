import { useState } from 'react';
import type { VoteItemView, VoteRoundView } from '../../../../shared/api/vote-types';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { splitNames } from '../../console/vote/vote-text';
import { formatRound } from '../../../../shared/format/chinese-numerals';
import { saveStateText, useAutosave } from '../../ui/autosave';
import { useHandoffGuard } from '../transfer/handoff-guard';

/** 计票人 and 监票人 of a prepared round: saved like all free text of the desk (within a second of the last keystroke and on leaving the box). */
function TellersForm({ meetingId, round }: { meetingId: string; round: VoteRoundView }) {
  const [tellers, setTellers] = useState(round.tellers.join('、'));
  const [scrutineers, setScrutineers] = useState(round.scrutineers.join('、'));
  const autosave = useAutosave<{ tellers: string; scrutineers: string }>(`tellers.${round.id}`, async (v) => {
    await getPlatform().call('vote.setTellers', { meetingId, roundId: round.id, tellers: splitNames(v.tellers), scrutineers: splitNames(v.scrutineers) });
  });
  const label = formatRound(round.number);
  // 已导出到会场: the first keystroke asks; after 取消 the box keeps what it showed and nothing is saved.
  const handoff = useHandoffGuard(meetingId);
  return (
    <div className="toolbar" style={{ marginTop: 8 }}>
      <label>
        计票人{' '}
        <input
          aria-label={`${label}计票人`}
          value={tellers}
          onChange={(e) => {
            const value = e.target.value;
            handoff.guard(() => {
              setTellers(value);
              autosave.change({ tellers: value, scrutineers });
            });
          }}
          onBlur={() => void autosave.flush()}
          placeholder="张三、李四"
          style={{ width: 180 }}
        />
      </label>
      <label>
        监票人{' '}
        <input
          aria-label={`${label}监票人`}
          value={scrutineers}
          onChange={(e) => {
            const value = e.target.value;
            handoff.guard(() => {
              setScrutineers(value);
              autosave.change({ tellers, scrutineers: value });
            });
          }}
          onBlur={() => void autosave.flush()}
          placeholder="王五"
          style={{ width: 180 }}
        />
      </label>
      <span className={`save-state ${autosave.state.kind}`} role="status" aria-label={`${label}：计票人、监票人的保存状态`}>
        {saveStateText(autosave.state)}
      </span>
    </div>
  );
}

function ItemRow({ meetingId, item }: { meetingId: string; item: VoteItemView }) {
  const [error, setError] = useState<string>();
  const [deputies, setDeputies] = useState(false);
  const [citizens, setCitizens] = useState(false);
  const live = item.rounds.filter((r) => r.state !== 'void');
  const handoff = useHandoffGuard(meetingId);
  const prepare = async () => {
    setError(undefined);
    if (!(await handoff.confirmEdit())) return;
    // Groups counted apart have their own sheets and results, never mixed into the members'.
    const groups = [...(deputies ? [{ kind: 'deputies' as const, label: '列席代表' }] : []), ...(citizens ? [{ kind: 'citizens' as const, label: '列席群众' }] : [])];
    try {
      await getPlatform().call('vote.prepare', { meetingId, agendaItemId: item.agendaItemId, ...(groups.length ? { groups } : {}) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="panel" style={{ marginBottom: 8 }} data-testid="vote-prep-item">
      <div className="toolbar">
        <strong>{item.title}</strong>
        <span className="muted">{item.evaluatees.map((p) => p.name).join('、')}</span>
        <span className="grow" />
        {live.length === 0 && (
          <>
            <label>
              <input type="checkbox" checked={deputies} onChange={(e) => setDeputies(e.target.checked)} /> 列席代表另行测评
            </label>
            <label>
              <input type="checkbox" checked={citizens} onChange={(e) => setCitizens(e.target.checked)} /> 列席群众另行测评
            </label>
          </>
        )}
        {live.length === 0 && (
          <button type="button" className="btn primary small" onClick={() => void prepare()} disabled={!!item.prepareBlockedBy} title={item.prepareBlockedBy ?? undefined}>
            准备测评轮次
          </button>
        )}
      </div>
      {item.prepareBlockedBy && live.length === 0 && <div className="muted">{item.prepareBlockedBy}</div>}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {item.rounds.map((r) => (
        <div key={r.id} style={{ marginTop: 6 }}>
          <span className="tag red">{formatRound(r.number)}</span> <span className="tag">{r.stateLabel}</span>
          {r.state === 'prepared' && <TellersForm meetingId={meetingId} round={r} />}
          {r.state !== 'prepared' && r.tellers.length + r.scrutineers.length > 0 && (
            <span className="muted">
              {' '}
              计票人：{r.tellers.join('、') || '—'}；监票人：{r.scrutineers.join('、') || '—'}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * 测评准备, headed by the titles (in settings) of the votes on the agenda — 民主测评准备 for the
 * meeting's own vote: rounds are prepared days before the meeting (the evaluatees on each sheet
 * fixed, tellers and scrutineers named) so ballots can be printed; counting happens on the console.
 */
export function VotePrepPanel({ meetingId }: { meetingId: string }) {
  const { data, error } = useCall('vote.state', { meetingId });
  if (error) return null;
  if (!data || data.items.length === 0) return null;
  const kinds = [...new Set(data.items.map((i) => i.kindTitle))];
  return (
    <section className="panel" aria-labelledby="vote-prep-title">
      <h2 id="vote-prep-title">{kinds.join('、')}准备</h2>
      <p className="muted">在会前准备测评轮次（确定每张测评票上的被测评对象），登记计票人、监票人；会上在会议现场计票。</p>
      {data.items.map((item) => (
        <ItemRow key={item.agendaItemId} meetingId={meetingId} item={item} />
      ))}
    </section>
  );
}
