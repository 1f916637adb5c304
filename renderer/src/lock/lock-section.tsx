import { useEffect, useState, type FormEvent } from 'react';
import { LOCK_IDLE_MINUTES, LOCK_PASSWORD_MIN } from '../../../shared/api/calls/lock';
import type { LockStatus } from '../../../shared/api/lock-types';
import { getPlatform } from '../platform/platform';
import { Field, fieldErrors } from '../ui/field';
import { announceLockChanged } from './lock-signal';
import { RecoveryCodeNotice } from './recovery-code';
import './lock.css';

/** What the lock does and does not do, said plainly where it is switched on. */
export const LOCK_SCOPE_NOTE =
  '锁屏只保护本程序的窗口（办公桌和会议现场），不加密数据文件：能打开数据文件夹的人仍可读取其中的文件。大屏不锁定，照常显示当前画面；会议现场在测评投票和计票期间不会自动锁定。';

/** 设置 → 锁屏: off by default; set a password (the recovery code shown once), the idle time, lock now, turn off. */
export function LockSection() {
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [minutes, setMinutes] = useState(String(LOCK_IDLE_MINUTES.default));
  const [issued, setIssued] = useState<string | null>(null);
  const [offPassword, setOffPassword] = useState('');

  useEffect(() => {
    getPlatform()
      .call('lock.status', {})
      .then((s) => {
        setStatus(s);
        setMinutes(String(s.idleMinutes));
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);

  const run = async (op: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setFields({});
    setMessage(undefined);
    try {
      await op();
    } catch (err) {
      const e = fieldErrors(err);
      setFields(e.fields);
      if (e.general) setError(e.general);
    } finally {
      setBusy(false);
    }
  };

  const idleMinutes = (): number | null => {
    const n = Number(minutes.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
    if (!Number.isInteger(n) || n < LOCK_IDLE_MINUTES.min || n > LOCK_IDLE_MINUTES.max) {
      setFields({ idleMinutes: `自动锁屏时间应为${LOCK_IDLE_MINUTES.min}至${LOCK_IDLE_MINUTES.max}之间的整数分钟` });
      return null;
    }
    return n;
  };

  const setup = (e: FormEvent) => {
    e.preventDefault();
    if (password !== again) {
      setFields({ again: '两次输入的密码不一致' });
      return;
    }
    const n = idleMinutes();
    if (n === null) return;
    void run(async () => {
      const r = await getPlatform().call('lock.setup', { password, idleMinutes: n });
      setPassword('');
      setAgain('');
      setIssued(r.recoveryCode);
      setStatus(r.status);
    });
  };

  const saveMinutes = () => {
    if (!status?.enabled || Number(minutes) === status.idleMinutes) return;
    const n = idleMinutes();
    if (n === null) return;
    void run(async () => {
      setStatus(await getPlatform().call('lock.update', { idleMinutes: n }));
      setMessage(`已保存：${n}分钟无操作后自动锁屏。`);
    });
  };

  const lockNow = () =>
    void run(async () => {
      await getPlatform().call('lock.lockNow', {});
      announceLockChanged();
    });

  const turnOff = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const s = await getPlatform().call('lock.disable', { password: offPassword });
      setOffPassword('');
      setStatus(s);
      setMessage('锁屏已关闭。');
      announceLockChanged();
    });
  };

  return (
    <section className="panel settings-section lock-section" aria-labelledby="lock-settings-title">
      <div className="section-head">
        <h2 id="lock-settings-title">锁屏</h2>
        {status && <span className={`tag${status.enabled ? ' ok' : ''}`}>{status.enabled ? '已启用' : '未启用'}</span>}
      </div>
      <p className="lock-note">{LOCK_SCOPE_NOTE}</p>
      <p className="muted">
        启用后，办公桌和会议现场在程序启动时和无操作一段时间后要求输入密码；清除数据、从备份恢复和迁移数据文件夹前也要再次输入密码。连续输错5次后，每次再试都要等待，且等待时间逐次加长。
      </p>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {message && (
        <div className="banner ok" role="status">
          {message}
        </div>
      )}
      {issued ? (
        <RecoveryCodeNotice
          code={issued}
          onDone={() => {
            setIssued(null);
            setMessage('锁屏已启用。');
            announceLockChanged();
          }}
        />
      ) : status === null ? null : !status.enabled ? (
        <form onSubmit={setup} noValidate>
          <div className="lock-row">
            <Field label="锁屏密码" hint={`至少${LOCK_PASSWORD_MIN}个字符`} {...(fields.password ? { error: fields.password } : {})}>
              {(id) => <input id={id} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
            <Field label="再次输入密码" {...(fields.again ? { error: fields.again } : {})}>
              {(id) => <input id={id} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
            </Field>
            <Field label="无操作多少分钟后锁屏" {...(fields.idleMinutes ? { error: fields.idleMinutes } : {})}>
              {(id) => <input id={id} inputMode="numeric" style={{ width: 80 }} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
            </Field>
            <button type="submit" className="btn primary" disabled={busy}>
              启用锁屏
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="lock-row">
            <Field label="无操作多少分钟后锁屏" {...(fields.idleMinutes ? { error: fields.idleMinutes } : {})}>
              {(id) => (
                <input
                  id={id}
                  inputMode="numeric"
                  style={{ width: 80 }}
                  value={minutes}
                  onChange={(e) => setMinutes(e.target.value)}
                  onBlur={saveMinutes}
                  onKeyDown={(e) => e.key === 'Enter' && saveMinutes()}
                />
              )}
            </Field>
            <button type="button" className="btn" onClick={lockNow} disabled={busy}>
              立即锁屏
            </button>
          </div>
          <form onSubmit={turnOff} noValidate>
            <div className="lock-row">
              <Field label="关闭锁屏需输入当前密码" {...(fields.password ? { error: fields.password } : {})}>
                {(id) => <input id={id} type="password" autoComplete="current-password" value={offPassword} onChange={(e) => setOffPassword(e.target.value)} />}
              </Field>
              <button type="submit" className="btn danger" disabled={busy || offPassword === ''}>
                关闭锁屏
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
