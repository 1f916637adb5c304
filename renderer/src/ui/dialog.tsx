import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
  /**
   * Whether the dialog holds changes not yet saved. Without it the dialog counts any typing or choice
   * made inside it as a change; either way Esc and a click outside then ask before closing.
   */
  dirty?: boolean;
}

/** Open dialogs, innermost last: Esc and the discard question belong to the innermost one only. */
const openDialogs: symbol[] = [];

/**
 * A modal dialog: Esc closes, focus starts inside, role=dialog with its title as the name. Once
 * something was typed or chosen in it, Esc and a click outside ask first (放弃修改 / 继续编辑):
 * nothing typed is lost by a stray key or click. Its own 取消 button closes at once.
 */
export function Dialog({ title, onClose, children, actions, wide, dirty }: DialogProps) {
  const titleId = useId();
  const [touched, setTouched] = useState(false);
  const [asking, setAsking] = useState(false);
  const changed = dirty ?? touched;
  const request = useCallback(() => (changed ? setAsking(true) : onClose()), [changed, onClose]);
  const [self] = useState(() => Symbol('dialog'));
  useEffect(() => {
    openDialogs.push(self);
    return () => {
      openDialogs.splice(openDialogs.indexOf(self), 1);
    };
  }, [self]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || openDialogs.at(-1) !== self) return;
      if (asking) setAsking(false);
      else request();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [request, asking, self]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && request()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        style={wide ? { minWidth: 640 } : undefined}
        onInput={() => setTouched(true)}
        onChange={() => setTouched(true)}
      >
        <h2 id={titleId}>{title}</h2>
        {asking && (
          <div className="banner warn dialog-discard" role="alertdialog" aria-label="放弃未保存的修改？">
            <span>已填写的内容尚未保存。关闭将放弃这些修改。</span>
            <span className="grow" />
            <button type="button" className="btn" onClick={() => setAsking(false)} autoFocus>
              继续编辑
            </button>
            <button type="button" className="btn danger" onClick={onClose}>
              放弃修改
            </button>
          </div>
        )}
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
  dirty?: boolean;
  /**
   * 保存并继续新增: a second submit button. The form's onSubmit sees which button sent it
   * (`submitter(e)` gives its value, 'again' for this one).
   */
  againLabel?: string;
}

/** Which submit button sent the form: 'again' for FormDialog's 保存并继续新增, '' otherwise (Enter in a field, 保存). */
export function submitter(e: FormEvent): string {
  const native = e.nativeEvent as SubmitEvent;
  return native.submitter instanceof HTMLButtonElement ? native.submitter.value : '';
}

/**
 * A dialog holding one form: 取消 and the submit button in the actions (the button submits the form
 * by its id, so Enter in a field submits too), the general error above the fields, no browser
 * validation bubbles (the services' Chinese messages are shown by each field).
 */
export function FormDialog({ title, onClose, onSubmit, children, busy, submitLabel = '保存', busyLabel = '正在保存…', general, lead, wide, dirty, againLabel }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      {...(wide ? { wide } : {})}
      {...(dirty === undefined ? {} : { dirty })}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          {/* The primary button comes first: Enter in a field submits as the form's first submit button. */}
          <button type="submit" form={formId} className="btn primary" disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
          {againLabel && (
            <button type="submit" form={formId} className="btn" value="again" disabled={busy}>
              {againLabel}
            </button>
          )}
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
      // What is typed here only confirms (清除演示数据); there is nothing to lose by closing.
      dirty={false}
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
