import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
}

/** A modal dialog: Esc closes, focus starts inside, role=dialog with its title as the name. */
export function Dialog({ title, onClose, children, actions, wide }: DialogProps) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} style={wide ? { minWidth: 640 } : undefined}>
        <h2 id={titleId}>{title}</h2>
        {children}
        {actions && <div className="actions">{actions}</div>}
      </div>
    </div>
  );
}

export interface FormDialogProps {
  title: string;
  onClose: () => void;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
  busy: boolean;
  /** 保存 unless the form does something else (确认交接). */
  submitLabel?: string;
  busyLabel?: string;
  /** The message not tied to a field (or of fields the form does not show). */
  general?: string | undefined;
  /** Shown above the message and the form. */
  lead?: ReactNode;
  wide?: boolean;
}

/**
 * A dialog holding one form: 取消 and the submit button in the actions (the button submits the form
 * by its id, so Enter in a field submits too), the general error above the fields, no browser
 * validation bubbles (the services' Chinese messages are shown by each field).
 */
export function FormDialog({ title, onClose, onSubmit, children, busy, submitLabel = '保存', busyLabel = '正在保存…', general, lead, wide }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      {...(wide ? { wide } : {})}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="submit" form={formId} className="btn primary" disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
        </>
      }
    >
      {lead}
      {general && (
        <div className="banner error" role="alert">
          {general}
        </div>
      )}
      <form id={formId} onSubmit={onSubmit} noValidate>
        {children}
      </form>
    </Dialog>
  );
}

export interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** When set, the user must type this text before confirming (for destructive actions). */
  typeToConfirm?: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/** Asks before anything destructive; shows the error in place if the action fails. */
export function ConfirmDialog({ title, message, confirmLabel, typeToConfirm, danger, onConfirm, onClose }: ConfirmProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ready = !typeToConfirm || typed.trim() === typeToConfirm;
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button className={`btn ${danger ? 'danger' : 'primary'}`} onClick={run} disabled={!ready || busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <div>{message}</div>
      {typeToConfirm && (
        <div className="field" style={{ marginTop: 12 }}>
          <label htmlFor="confirm-text">请输入“{typeToConfirm}”以确认</label>
          <input id="confirm-text" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
        </div>
      )}
      {error && (
        <div className="banner error" role="alert" style={{ marginTop: 12 }}>
          {error}
        </div>
      )}
    </Dialog>
  );
}
