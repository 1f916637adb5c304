import { useState } from 'react';
import type { VoteConsoleState, VoteItemView, VoteRoundView } from '../../../../shared/api/vote-types';
import type { GroupId } from '../../../../shared/domain/vote-round';
import { Dialog } from '../../ui/dialog';
import type { VoteConsole } from './use-vote';
import { splitNames, VOTE_TEXT } from './vote-text';

/** Prepares a round of the item, optionally with groups counted apart (列席代表, 群众代表). */
export function PrepareBox({ item, run }: { item: VoteItemView; run: VoteConsole['run'] }) {
  const [deputies, setDeputies] = useState(false);
  const [citizens, setCitizens] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const again = item.rounds.length > 0;
  const groups = [...(deputies ? [{ kind: 'deputies' as const, label: '列席代表' }] : []), ...(citizens ? [{ kind: 'citizens' as const, label: '列席群众' }] : [])];
  return (
    <div className="vote-prepare">
      <p className="muted">票面上的被测评对象：{item.evaluatees.map((e) => e.name).join('、')}（准备后固定，可打印测评票）。</p>
      <fieldset className="vote-groups">
        <legend>另行计票的投票人员（不计入常委会组成人员的测评结果）</legend>
        <label>
          <input type="checkbox" checked={deputies} onChange={(e) => setDeputies(e.target.checked)} /> 列席代表
        </label>
        <label>
          <input type="checkbox" checked={citizens} onChange={(e) => setCitizens(e.target.checked)} /> 列席群众
        </label>
      </fieldset>
      {item.prepareBlockedBy && <p className="vote-reason">{item.prepareBlockedBy}</p>}
      <button
        className="btn primary big"
        disabled={!!item.prepareBlockedBy}
        onClick={() => run('vote.prepare', { agendaItemId: item.agendaItemId, groups }).then(() => setError(null), (err: Error) => setError(err.message))}
      >
        {again ? VOTE_TEXT.prepareAgain : VOTE_TEXT.prepare}
      </button>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** 计票人 and 监票人, recorded on the round and on its result. */
export function TellersBox({ round, names, act }: { round: VoteRoundView; names: string[]; act: VoteConsole['act'] }) {
  const [tellers, setTellers] = useState(round.tellers.join('、'));
  const [scrutineers, setScrutineers] = useState(round.scrutineers.join('、'));
  const locked = ['announced', 'amended', 'void'].includes(round.state);
  const changed = tellers !== round.tellers.join('、') || scrutineers !== round.scrutineers.join('、');
  return (
    <div className="vote-tellers">
      <datalist id="vote-member-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <label>
        {VOTE_TEXT.tellers}
        <input list="vote-member-names" value={tellers} disabled={locked} placeholder="多人用顿号分隔" onChange={(e) => setTellers(e.target.value)} />
      </label>
      <label>
        {VOTE_TEXT.scrutineers}
        <input list="vote-member-names" value={scrutineers} disabled={locked} placeholder="多人用顿号分隔" onChange={(e) => setScrutineers(e.target.value)} />
      </label>
      {!locked && (
        <button className="btn" disabled={!changed} onClick={() => act('vote.setTellers', { roundId: round.id, tellers: splitNames(tellers), scrutineers: splitNames(scrutineers) })}>
          {VOTE_TEXT.saveTellers}
        </button>
      )}
    </div>
  );
}

/** 发票: issued per group; blocked (with the reason) without quorum or outside the meeting. */
export function OpenBox({ round, vote, run }: { round: VoteRoundView; vote: VoteConsoleState; run: VoteConsole['run'] }) {
  const [issued, setIssued] = useState<Record<string, string>>(() =>
    Object.fromEntries(round.groups.map((g) => [g.id, String(g.id === 'members' ? vote.quorum.present : g.id === 'deputies' ? vote.attendees.deputies : g.id === 'citizens' ? vote.attendees.citizens : '')])),
  );
  const [error, setError] = useState<string | null>(null);
  const blocked = round.blockers.open;
  const submit = () => {
    const groups = round.groups.map((g) => ({ groupId: g.id, issued: Number(issued[g.id] ?? '') }));
    const bad = groups.find((g) => !Number.isInteger(g.issued) || g.issued < 0 || issued[g.groupId]?.trim() === '');
    if (bad) {
      setError(`请填写${round.groups.find((g) => g.id === bad.groupId)?.label ?? ''}的发出票数`);
      return;
    }
    run('vote.open', { roundId: round.id, groups }).then(() => setError(null), (err: Error) => setError(err.message));
  };
  return (
    <div className="vote-step-box">
      <p className={`quorum-line ${vote.quorum.met ? 'met' : 'not-met'}`}>{vote.quorum.text}</p>
      <div className="vote-row">
        {round.groups.map((g) => (
          <label key={g.id}>
            {g.label}发出票数
            <input className="vote-number" inputMode="numeric" value={issued[g.id] ?? ''} onChange={(e) => setIssued((cur) => ({ ...cur, [g.id]: e.target.value.replace(/\D/g, '') }))} />
          </label>
        ))}
        <button className="btn primary big" disabled={blocked.length > 0} aria-describedby={blocked.length ? 'vote-open-reason' : undefined} onClick={submit}>
          {VOTE_TEXT.open}
        </button>
      </div>
      {blocked.length > 0 && (
        <p className="vote-reason" id="vote-open-reason" data-testid="vote-open-reason">
          {blocked.join('；')}
        </p>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** 收票: returned per group. More returned than issued voids the round, so it asks first. */
export function CloseBox({ round, run }: { round: VoteRoundView; run: VoteConsole['run'] }) {
  const [returned, setReturned] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [confirmVoid, setConfirmVoid] = useState<string | null>(null);
  const groups = round.groups.map((g) => ({ groupId: g.id as GroupId, returned: Number(returned[g.id] ?? '') }));
  const send = () => run('vote.close', { roundId: round.id, groups }).then(() => setError(null), (err: Error) => setError(err.message));
  const submit = () => {
    const missing = round.groups.find((g) => (returned[g.id] ?? '').trim() === '');
    if (missing) return setError(`请填写${missing.label}的收回票数`);
    const over = round.groups.filter((g) => Number(returned[g.id]) > (g.issued ?? 0));
    if (over.length > 0) return setConfirmVoid(over.map((g) => `${g.label}收回 ${returned[g.id]} 张，多于发出 ${g.issued} 张`).join('；'));
    void send();
  };
  return (
    <div className="vote-step-box">
      <p className="muted">
        已发出：{round.groups.map((g) => `${g.label} ${g.issued ?? 0} 张`).join('，')}。投票结束后清点收回的测评票。
      </p>
      <div className="vote-row">
        {round.groups.map((g) => (
          <label key={g.id}>
            {g.label}收回票数
            <input className="vote-number" inputMode="numeric" value={returned[g.id] ?? ''} onChange={(e) => setReturned((cur) => ({ ...cur, [g.id]: e.target.value.replace(/\D/g, '') }))} />
          </label>
        ))}
        <button className="btn primary big" onClick={submit}>
          {VOTE_TEXT.close}
        </button>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {confirmVoid && (
        <Dialog
          title="收回票数多于发出票数"
          onClose={() => setConfirmVoid(null)}
          actions={
            <>
              <button className="btn" onClick={() => setConfirmVoid(null)}>
                返回核对
              </button>
              <button className="btn danger" onClick={() => void send().then(() => setConfirmVoid(null))}>
                确认收回票数，本轮作废
              </button>
            </>
          }
        >
          <p>{confirmVoid}。</p>
          <p>按规定本轮投票无效：本轮将作废（保留记录），并自动准备新的一轮，重新发票投票。请先核对收回票数是否录入有误。</p>
        </Dialog>
      )}
    </div>
  );
}
