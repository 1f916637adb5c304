import { useState } from 'react';
import { Dialog } from '../../ui/dialog';

export interface ReasonAsk {
  title: string;
  message: string;
  confirmLabel: string;
  presets: string[];
  run: (reason: string) => Promise<unknown>;
}

/** Asks the reason a redraw, an undo or a new cycle goes into the log with; the log refuses none. */
export function ReasonDialog({ ask, onClose }: { ask: ReasonAsk; onClose: () => void }) {
  const [reason, setReason] = useState(ask.presets[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await ask.run(reason.trim());
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={ask.title}
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button className="btn primary" disabled={busy || !reason.trim()} onClick={() => void submit()}>
            {ask.confirmLabel}
          </button>
        </>
      }
    >
      <p className="q-dialog-msg">{ask.message}</p>
      <div className="q-presets" role="group" aria-label="常用原因">
        {ask.presets.map((p) => (
          <button key={p} type="button" className={`btn small${reason === p ? ' active' : ''}`} onClick={() => setReason(p)}>
            {p}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="q-reason">原因（记入抽取记录）</label>
        <input
          id="q-reason"
          value={reason}
          maxLength={200}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && reason.trim() && void submit()}
        />
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </Dialog>
  );
}
