import { useState } from 'react';

/** The recovery code, shown this once: the office writes it down and keeps it apart from the computer. */
export function RecoveryCodeNotice({ code, replaced, onDone }: { code: string; replaced?: boolean; onDone: () => void }) {
  const [noted, setNoted] = useState(false);
  return (
    <div className="recovery-code" role="region" aria-label="恢复码">
      <p>
        {replaced ? '旧的恢复码已作废。' : ''}请抄下下面的<strong>恢复码</strong>，与计算机分开妥善保管。忘记锁屏密码时，用它重设密码，数据不受影响。<strong>恢复码只显示这一次。</strong>
      </p>
      <p className="recovery-code-value" data-testid="recovery-code">
        {code}
      </p>
      <label className="check">
        <input type="checkbox" checked={noted} onChange={(e) => setNoted(e.target.checked)} /> 我已抄下恢复码
      </label>
      <div className="actions">
        <button type="button" className="btn primary" disabled={!noted} onClick={onDone}>
          完成
        </button>
      </div>
    </div>
  );
}
