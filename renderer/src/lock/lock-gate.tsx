import { Fragment, useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ROLE_LABELS } from '../../../shared/api/define';
import type { LockStatus } from '../../../shared/api/lock-types';
import { getPlatform } from '../platform/platform';
import { FormDialog } from '../ui/dialog';
import { Field, fieldErrors } from '../ui/field';
import { onLockChanged, onScreenLocked, setPasswordPrompt } from './lock-signal';
import { RecoveryCodeNotice } from './recovery-code';
import './lock.css';

/** While the window is in use, the services hear of it at most this often (the idle time is counted there). */
const TOUCH_EVERY_MS = 30_000;
/** How often an unlocked window asks whether its idle time has run out (or, with the lock off, whether it was turned on elsewhere). */
const CHECK_EVERY_MS = 20_000;
const CHECK_OFF_EVERY_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * The desk's and console's lock (设置 → 锁屏). The services decide and enforce it; this only shows
 * it: the lock screen instead of the window while locked (the window is built afresh on unlock,
 * so nothing refused while locked stays on screen), the password prompt before clearing,
 * restoring or moving the data, and the window's use reported so the idle time starts again.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const [locked, setLocked] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [asking, setAsking] = useState<((ok: boolean) => void) | null>(null);

  const apply = useCallback((next: LockStatus) => {
    setStatus(next);
    setLocked(next.locked);
  }, []);
  const refresh = useCallback(() => {
    getPlatform()
      .call('lock.status', {})
      .then(apply)
      // The host away (browser mode): the connection notice says so; the window stays as it is.
      .catch(() => setFailed(true));
  }, [apply]);

  useEffect(() => {
    refresh();
    const offLocked = onScreenLocked(() => setLocked(true));
    const offChanged = onLockChanged(refresh);
    window.addEventListener('focus', refresh);
    return () => {
      offLocked();
      offChanged();
      window.removeEventListener('focus', refresh);
    };
  }, [refresh]);

  const enabled = status?.enabled ?? false;
  useEffect(() => {
    if (enabled) return;
    const timer = window.setInterval(refresh, CHECK_OFF_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [enabled, refresh]);
  useEffect(() => {
    if (!enabled || locked) return;
    const timer = window.setInterval(refresh, CHECK_EVERY_MS);
    let last = 0;
    const onUse = () => {
      const now = Date.now();
      if (now - last < TOUCH_EVERY_MS) return;
      last = now;
      getPlatform().call('lock.touch', {}).then(apply).catch(() => undefined);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onUse, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onUse, { capture: true });
    };
  }, [enabled, locked, refresh, apply]);

  useEffect(() => {
    setPasswordPrompt(() => new Promise<boolean>((resolve) => setAsking(() => resolve)));
    return () => setPasswordPrompt(null);
  }, []);

  if (status === null && !failed) return <p className="muted lock-starting">正在启动…</p>;
  if (locked) {
    return (
      <LockScreen
        status={status}
        onUnlocked={(next) => {
          apply(next);
          setGeneration((g) => g + 1);
        }}
      />
    );
  }
  return (
    <>
      <Fragment key={generation}>{children}</Fragment>
      {asking && (
        <PasswordAgainDialog
          onDone={(ok) => {
            asking(ok);
            setAsking(null);
          }}
        />
      )}
    </>
  );
}

function LockScreen({ status, onUnlocked }: { status: LockStatus | null; onUnlocked: (s: LockStatus) => void }) {
  const role = getPlatform().role;
  const [mode, setMode] = useState<'password' | 'recover'>('password');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ code: string; status: LockStatus } | null>(null);

  const unlock = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const s = await getPlatform().call('lock.unlock', { password });
      if (s.locked) setError('仍未解锁，请重试。');
      else onUnlocked(s);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const recover = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (next !== again) {
      setError('两次输入的新密码不一致。');
      return;
    }
    setBusy(true);
    try {
      const r = await getPlatform().call('lock.recover', { recoveryCode: code, password: next });
      setIssued({ code: r.recoveryCode, status: r.status });
    } catch (err) {
      const { fields, general } = fieldErrors(err);
      setError(general ?? Object.values(fields).join('；'));
    } finally {
      setBusy(false);
    }
  };

  if (issued) {
    return (
      <main className="lock-screen">
        <div className="panel lock-panel">
          <h1>密码已重设</h1>
          <RecoveryCodeNotice code={issued.code} replaced onDone={() => onUnlocked(issued.status)} />
        </div>
      </main>
    );
  }

  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <div className="panel lock-panel">
        <h1 id="lock-title">{ROLE_LABELS[role]}已锁定</h1>
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        {mode === 'password' ? (
          <form onSubmit={unlock} noValidate>
            <p className="muted">请输入锁屏密码解锁。</p>
            <Field label="锁屏密码">
              {(id) => <input id={id} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
            {status && status.retryAfterSeconds > 0 && <p className="muted">密码连续输错次数过多，请 {status.retryAfterSeconds} 秒后再试。</p>}
            <div className="actions">
              <button type="submit" className="btn primary" disabled={busy || password === ''}>
                {busy ? '正在验证…' : '解锁'}
              </button>
              <button type="button" className="btn" onClick={() => (setMode('recover'), setError(undefined))}>
                忘记密码？
              </button>
            </div>
          </form>
        ) : (
          <form onSubmit={recover} noValidate>
            <p className="muted">用设置锁屏时记下的恢复码重设密码。数据不受任何影响；重设后旧的恢复码作废，并会显示新的恢复码。</p>
            <Field label="恢复码">{(id) => <input id={id} autoComplete="off" autoFocus value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX-XXXX-XXXX-XXXX" />}</Field>
            <Field label="新密码" hint="至少6个字符">
              {(id) => <input id={id} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
            </Field>
            <Field label="再次输入新密码">{(id) => <input id={id} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}</Field>
            <div className="actions">
              <button type="submit" className="btn primary" disabled={busy}>
                {busy ? '正在重设…' : '重设密码并解锁'}
              </button>
              <button type="button" className="btn" onClick={() => (setMode('password'), setError(undefined))}>
                返回
              </button>
            </div>
          </form>
        )}
      </div>
    </main>
  );
}

/** Before clearing, restoring or moving the data: the password once more (lock.confirm). */
function PasswordAgainDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await getPlatform().call('lock.confirm', { password });
      onDone(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <FormDialog
      title="请再次输入锁屏密码"
      onClose={() => onDone(false)}
      onSubmit={submit}
      busy={busy}
      submitLabel="确定"
      busyLabel="正在验证…"
      general={error}
      dirty={false}
      lead={<p className="muted">清除数据、从备份恢复和迁移数据文件夹前，需要再次输入锁屏密码。</p>}
    >
      <Field label="锁屏密码">{(id) => <input id={id} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
    </FormDialog>
  );
}
