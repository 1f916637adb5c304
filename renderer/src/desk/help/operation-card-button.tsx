import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { deliverWithNotice } from '../exports/deliver';

/** Exports the 会议当天操作卡 (one A4 page, Word) like every other paper: the save dialog, or a download. */
export function OperationCardButton() {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const said = deliverWithNotice(await getPlatform().call('help.operationCard', {}));
      if (said) setNotice({ ok: true, text: said });
    } catch (err) {
      setNotice({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="help-card-export">
      <button type="button" className="btn primary" disabled={busy} onClick={() => void run()}>
        {busy ? '正在生成…' : '导出会议当天操作卡（Word）'}
      </button>
      {notice && (
        <span className={`banner inline ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </span>
      )}
    </div>
  );
}
