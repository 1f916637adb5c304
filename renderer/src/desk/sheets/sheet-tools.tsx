import { useState } from 'react';
import { ApiError } from '../../../../shared/api/errors';
import type { ArgsOf } from '../../../../shared/api/contract';
import type { ImportKind } from '../../../../shared/sheets/import-kinds';
import { getPlatform } from '../../platform/platform';
import { deliverWithNotice } from '../exports/deliver';
import { ImportDialog } from './import-dialog';

/** 导出Excel for one list or paper; the notice (saved where, or why not) goes to the page's banner. */
export function ExportSheetButton({ args, label = '导出Excel', onNotice, className = 'btn' }: { args: ArgsOf<'sheets.export'>; label?: string; onNotice: (text: string, ok: boolean) => void; className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      className={className}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const said = deliverWithNotice(await getPlatform().call('sheets.export', args));
          if (said) onNotice(said, true);
        } catch (e) {
          onNotice(e instanceof ApiError ? e.message : '导出失败，请重试。', false);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? '正在导出…' : label}
    </button>
  );
}

/** The two buttons a list page carries: 从表格导入 (with its dialog) and 导出Excel; a failed export is said beside them. */
export function SheetTools({ kind, onNotice, exportable = true }: { kind: ImportKind; onNotice: (text: string) => void; exportable?: boolean }) {
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string>();
  return (
    <>
      <button className="btn" onClick={() => setOpen(true)}>
        从表格导入
      </button>
      {exportable && (
        <ExportSheetButton
          args={{ what: kind }}
          onNotice={(text, ok) => {
            setFailed(ok ? undefined : text);
            if (ok) onNotice(text);
          }}
        />
      )}
      {failed && (
        <span className="tag danger" role="alert">
          {failed}
        </span>
      )}
      {open && (
        <ImportDialog
          kind={kind}
          onClose={() => setOpen(false)}
          onImported={(notice) => {
            setOpen(false);
            onNotice(notice);
          }}
        />
      )}
    </>
  );
}
