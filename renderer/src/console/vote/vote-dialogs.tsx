import { useState } from 'react';
import type { VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import type { Mark } from '../../../../shared/vote';
import { Dialog } from '../../ui/dialog';
import { CountsGrid } from './counts-grid';
import type { VoteConsole } from './use-vote';
import { cleanKeys, keysToMarks, markOfKey } from './vote-text';
import { formatRound } from '../../../../shared/format/chinese-numerals';

function Reason({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <div className="banner error" role="alert">
      {error}
    </div>
  ) : null;
}

/** 更正第N号票: the new keys and a reason, both logged beside the old keys. */
export function CorrectDialog({ round, group, initialNo, markLabels, run, onClose }: { round: VoteRoundView; group: VoteGroupView; initialNo: number; markLabels: Record<Mark, string>; run: VoteConsole['run']; onClose: () => void }) {
  const n = round.evaluatees.length;
  const [no, setNo] = useState(String(initialNo));
  const [keys, setKeys] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sheet = group.sheets.find((s) => s.no === Number(no));
  const show = (k: string) => [...k].map((c) => markLabels[markOfKey(c) ?? 'invalid']).join('、');
  const submit = () =>
    run('vote.correctSheet', { roundId: round.id, groupId: group.id, no: Number(no), marks: keysToMarks(keys), reason }).then(onClose, (err: Error) => setError(err.message));
  return (
    <Dialog
      title="更正测评票"
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button className="btn primary" disabled={!sheet || keys.length !== n || reason.trim().length < 2} onClick={() => void submit()}>
            保存更正
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="vote-correct-no">票号</label>
        <input id="vote-correct-no" inputMode="numeric" value={no} autoFocus onChange={(e) => setNo(e.target.value.replace(/\D/g, ''))} />
      </div>
      <p className="muted">{sheet ? `原录入：${show(sheet.keys)}（键 ${sheet.keys}）` : `没有第${no}号票（已录入 ${group.sheets.length} 张）`}</p>
      <div className="field">
        <label htmlFor="vote-correct-keys">更正为（每人一个键：1 满意 2 基本满意 3 不满意 0 空白 9 无效）</label>
        <input id="vote-correct-keys" className="vote-keys-small" inputMode="numeric" value={keys} onChange={(e) => setKeys(cleanKeys(e.target.value, n))} />
        {keys && <span className="muted">{show(keys)}</span>}
      </div>
      <Reason id="vote-correct-reason" label="更正理由（记入计票日志）" value={reason} onChange={setReason} />
      <ErrorLine error={error} />
    </Dialog>
  );
}

/** After announcement: new counts for one group, with a reason; the old ones stay on record. */
export function AmendDialog({ round, markLabels, run, onClose }: { round: VoteRoundView; markLabels: Record<Mark, string>; run: VoteConsole['run']; onClose: () => void }) {
  const [groupId, setGroupId] = useState(round.groups[0]!.id);
  const [reason, setReason] = useState('');
  const group = round.groups.find((g) => g.id === groupId) ?? round.groups[0]!;
  const current = round.result?.groups.find((g) => g.label === group.label)?.results.map((r) => r.counts) ?? null;
  return (
    <Dialog title="更正已公布的结果" onClose={onClose} wide>
      <p className="muted">更正会记录原结果、更正后的结果、理由和时间，并重新判定等次；大屏显示更正后的结果。</p>
      {round.groups.length > 1 && (
        <div className="field">
          <label htmlFor="vote-amend-group">投票人员</label>
          <select id="vote-amend-group" value={groupId} onChange={(e) => setGroupId(e.target.value as typeof groupId)}>
            {round.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <CountsGrid
        key={groupId}
        label="更正后的结果"
        people={round.evaluatees}
        markLabels={markLabels}
        returned={group.returned}
        initial={current}
        submitLabel="保存更正"
        disabled={reason.trim().length < 2}
        onSubmit={(counts) => run('vote.amend', { roundId: round.id, groupId, counts, reason }).then(onClose)}
      >
        <Reason id="vote-amend-reason" label="更正理由（必填）" value={reason} onChange={setReason} />
      </CountsGrid>
      <div className="actions">
        <button className="btn" onClick={onClose}>
          取消
        </button>
      </div>
    </Dialog>
  );
}

/** Voiding keeps the round in the record with its reason; a new round is prepared afterwards. */
export function VoidDialog({ round, run, onClose }: { round: VoteRoundView; run: VoteConsole['run']; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={`作废${formatRound(round.number)}测评`}
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button className="btn danger" disabled={reason.trim().length < 2} onClick={() => run('vote.void', { roundId: round.id, reason }).then(onClose, (err: Error) => setError(err.message))}>
            作废本轮
          </button>
        </>
      }
    >
      <p>作废后本轮不能再计票或公布，记录保留；需要重新投票时准备新的一轮。{round.state === 'announced' || round.state === 'amended' ? '本轮结果已公布，作废后评议记录中的测评结果将一并撤回。' : ''}</p>
      <Reason id="vote-void-reason" label="作废理由（必填）" value={reason} onChange={setReason} />
      <ErrorLine error={error} />
    </Dialog>
  );
}

/** Announcing reveals the result on the hall and locks the round. */
export function AnnounceDialog({ round, run, onClose }: { round: VoteRoundView; run: VoteConsole['run']; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title="公布测评结果"
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button className="btn primary" autoFocus onClick={() => run('vote.announce', { roundId: round.id }).then(onClose, (err: Error) => setError(err.message))}>
            确认公布
          </button>
        </>
      }
    >
      <p>公布后大屏显示{formatRound(round.number)}测评的票数、满意率和等次，本轮结果锁定；此后如有错误，只能“更正已公布结果”并说明理由。</p>
      <ErrorLine error={error} />
    </Dialog>
  );
}
