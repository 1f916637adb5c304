import { useRef, useState } from 'react';
import type { VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import type { Mark } from '../../../../shared/vote';
import { Dialog } from '../../ui/dialog';
import type { VoteConsole } from './use-vote';
import { cleanKeys, keysToMarks, markOfKey, VOTE_TEXT } from './vote-text';

interface Props {
  round: VoteRoundView;
  group: VoteGroupView;
  markLabels: Record<Mark, string>;
  run: VoteConsole['run'];
  onCorrect: (no: number) => void;
}

/**
 * 唱票: one big field, one digit per evaluatee, Enter confirms the sheet as a whole. The sheet
 * number travels with the call so a doubled Enter or a retried request can never key a sheet
 * twice; sheets typed while an earlier one is still being saved wait their turn in order.
 */
export function SheetEntry({ round, group, markLabels, run, onCorrect }: Props) {
  const n = round.evaluatees.length;
  const [keys, setKeys] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  /** Numbers of the sheets confirmed here whose save has not answered yet. */
  const [inflight, setInflight] = useState<number[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const keyed = group.sheets.length;
  // A saved sheet can show up in the group (vote.changed) before its own call answers: it is then
  // both keyed and in flight, so the next number follows the highest of either, never their sum.
  const highest = Math.max(keyed, ...inflight);
  const nextNo = highest + 1;
  const full = group.returned !== null && highest >= group.returned;
  const last = group.sheets.at(-1);

  const confirm = () => {
    if (keys.length < n) {
      setError(`本张还差 ${n - keys.length} 人的意见（每名被测评对象按一个键）`);
      return;
    }
    if (full) {
      setError(`已录入 ${keyed} 张，已达收回票数 ${group.returned ?? 0} 张；如有录错，请撤销或更正。`);
      return;
    }
    const no = nextNo;
    const typed = keys;
    setInflight((cur) => [...cur, no]);
    setKeys('');
    setError(null);
    queue.current = queue.current.then(() =>
      run('vote.sheet', { roundId: round.id, groupId: group.id, marks: keysToMarks(typed), no })
        .catch((err: Error) => {
          // Nothing was saved: give the keys back so the operator can confirm again.
          setKeys((cur) => (cur === '' ? typed : cur));
          setError(err.message);
        })
        .finally(() => setInflight((cur) => cur.filter((x) => x !== no))),
    );
  };

  const undo = async () => {
    if (!last) return;
    await run('vote.undoSheet', { roundId: round.id, groupId: group.id, no: last.no });
  };

  return (
    <div className="vote-sheet-entry">
      <div className="vote-sheet-head">
        <span className="vote-sheet-no" data-testid="vote-next-no">
          第 {nextNo} 号票
        </span>
        <span className="vote-progress" data-testid="vote-keyed">
          已录入 {keyed} 张／收回 {group.returned ?? '—'} 张
        </span>
      </div>
      <label className="vote-slots" htmlFor={`vote-keys-${group.id}`}>
        {round.evaluatees.map((p, i) => {
          const k = keys[i];
          const mark = k === undefined ? undefined : markOfKey(k);
          return (
            <span key={p.id} className={`vote-slot${i === keys.length ? ' current' : ''}${mark ? ` mark-${mark}` : ''}`}>
              <span className="vote-slot-name">{p.name}</span>
              <span className="vote-slot-key">{k ?? '·'}</span>
              <span className="vote-slot-mark">{mark ? markLabels[mark] : ' '}</span>
            </span>
          );
        })}
      </label>
      <input
        ref={input}
        id={`vote-keys-${group.id}`}
        className="vote-keys-input"
        aria-label={`第${nextNo}号票的测评意见（每人一个键）`}
        autoComplete="off"
        inputMode="numeric"
        autoFocus
        value={keys}
        onChange={(e) => {
          setKeys(cleanKeys(e.target.value, n));
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            confirm();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setKeys('');
          } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
            e.preventDefault();
            if (last) setAsking(true);
          }
        }}
      />
      <div className="vote-key-legend">
        <span>{VOTE_TEXT.keyLegend}</span>
        <span className="muted">{VOTE_TEXT.keyHelp}</span>
      </div>
      {error && (
        <div className="banner error vote-inline-error" role="alert">
          {error}
        </div>
      )}
      <div className="vote-sheet-actions">
        <button className="btn" disabled={!last} onClick={() => setAsking(true)}>
          {VOTE_TEXT.undo}
          <kbd>Ctrl+Z</kbd>
        </button>
        <button className="btn" disabled={keyed === 0} onClick={() => onCorrect(last?.no ?? 1)}>
          更正某号票…
        </button>
        <button className="btn primary" disabled={keys.length < n || full} onClick={confirm}>
          确认本张
          <kbd>Enter</kbd>
        </button>
      </div>
      {asking && last && (
        <UndoDialog
          no={last.no}
          text={[...last.keys].map((k) => markLabels[markOfKey(k) ?? 'invalid']).join('、')}
          onConfirm={async () => {
            await undo();
            input.current?.focus();
          }}
          onClose={() => {
            setAsking(false);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function UndoDialog({ no, text, onConfirm, onClose }: { no: number; text: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title="撤销上一张测评票"
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button
            className="btn danger"
            autoFocus
            onClick={() =>
              onConfirm().then(onClose, (err: Error) => {
                setError(err.message);
              })
            }
          >
            撤销第{no}号票
          </button>
        </>
      }
    >
      <p>
        第{no}号票：{text}。撤销后该号码将由下一张票使用，撤销记入计票日志。
      </p>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </Dialog>
  );
}
