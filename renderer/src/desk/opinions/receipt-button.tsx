import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { deliverToUser } from '../exports/deliver';

/** 送达回证 of an issued opinion version: a form the recipient signs, printed from the stored issue record. */
export function ReceiptButton({ target }: { target: { year: number; evaluationId: string; versionNo: number } }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const said = deliverToUser(await getPlatform().call('documents.receipt', target));
      if (said) setMessage({ ok: true, text: said });
    } catch (err) {
      setMessage({ ok: false, text: `送达回证导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn" disabled={busy} onClick={() => void run()}>
        {busy ? '正在生成…' : '打印送达回证'}
      </button>
      {message && (
        <span className={`tag ${message.ok ? 'ok' : 'danger'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </>
  );
}
