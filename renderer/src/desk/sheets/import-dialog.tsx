import { useState } from 'react';
import { ApiError } from '../../../../shared/api/errors';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../../shared/sheets/import-kinds';
import { ROW_STATUS_LABELS, type ImportPreview, type PreviewRow } from '../../../../shared/sheets/import-types';
import { getPlatform } from '../../platform/platform';
import { uploadFile } from '../../platform/upload';
import { Dialog } from '../../ui/dialog';
import { deliverWithNotice } from '../exports/deliver';
import './sheets.css';

/** Refused before a byte is sent: the services read at most this much (IMPORT_MAX_BYTES). */
const MAX_BYTES = 20 * 1024 * 1024;

function fileProblem(file: File): string | null {
  if (/\.(xls|et)$/i.test(file.name)) return `“${file.name}”是旧版 Excel（.xls）格式，不能直接导入：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`;
  if (file.size === 0) return `文件“${file.name}”是空文件，没有可导入的内容`;
  if (file.size > MAX_BYTES) return `文件“${file.name}”超过20 MB，不能导入；请只保留需要导入的工作表和行后再试`;
  return null;
}

const message = (e: unknown) => (e instanceof ApiError ? e.message : '操作失败，请重试。');

function issuesText(row: PreviewRow): string {
  return row.issues.map((i) => (i.column ? `${i.column}：${i.message}` : i.message)).join('；');
}

/**
 * 从表格导入: pick a file (.xlsx or .csv), see every row checked — new, changed field by field,
 * unchanged, or refused with the row, the column and the reason — then import all rows or only
 * the valid ones. Nothing is written before 导入; the invalid rows can be exported to fix.
 */
export function ImportDialog({ kind, onClose, onImported }: { kind: ImportKind; onClose: () => void; onImported: (notice: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [uploadId, setUploadId] = useState<string>();
  const label = IMPORT_KIND_LABELS[kind];

  const run = async (what: string, task: () => Promise<void>) => {
    setBusy(what);
    setError(undefined);
    setNotice(undefined);
    try {
      await task();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file);
    setPreview(undefined);
    if (problem) {
      setError(problem);
      return;
    }
    void run('正在读取表格…', async () => {
      const staged = await uploadFile(file);
      setUploadId(staged.uploadId);
      setPreview(await getPlatform().call('sheets.preview', { kind, uploadId: staged.uploadId }));
    });
  };

  const commit = (rows: 'all' | 'valid') =>
    run('正在导入…', async () => {
      const r = await getPlatform().call('sheets.import', { kind, uploadId: uploadId!, rows });
      const parts = [r.created ? `新增${r.created}条` : '', r.updated ? `修改${r.updated}条` : '', r.unchanged ? `${r.unchanged}条无变化` : ''].filter(Boolean);
      onImported(`已导入${label}：${parts.join('，') || '没有需要写入的变化'}${rows === 'valid' && r.skipped ? `；${r.skipped}行有错误，未导入` : ''}。`);
    });

  const c = preview?.counts;
  const writes = c ? c.new + c.changed : 0;
  return (
    <Dialog
      title={`从表格导入${label}`}
      onClose={onClose}
      wide
      dirty={false}
      actions={
        <>
          {preview && c && c.invalid > 0 && (
            <button className="btn" disabled={!!busy} onClick={() => run('正在导出…', async () => setNotice(deliverWithNotice(await getPlatform().call('sheets.rejects', { kind, uploadId: uploadId! })) ?? undefined))}>
              导出有错误的行
            </button>
          )}
          {preview && c && c.invalid > 0 && (
            <button className="btn primary" disabled={!!busy || writes === 0} onClick={() => commit('valid')}>
              仅导入正确的行（{writes}行）
            </button>
          )}
          {preview && c && c.invalid === 0 && (
            <button className="btn primary" disabled={!!busy || writes === 0} onClick={() => commit('all')}>
              {writes === 0 ? '没有需要导入的变化' : `导入全部（${writes}行）`}
            </button>
          )}
          <button className="btn" onClick={onClose}>
            {preview ? '取消' : '关闭'}
          </button>
        </>
      }
    >
      <div className="sheet-import">
        <p className="muted">
          支持 Excel 或 WPS 保存的 .xlsx，以及 UTF-8 或 GBK 编码的 .csv（不超过20 MB）。读取第一张工作表；按编号匹配已有记录，没有编号时按姓名{kind === 'members' ? '' : '和单位'}匹配；表中没有的记录不会被删除。导入前逐行预览，确认后才写入。
        </p>
        <div className="sheet-import-pick">
          <label className="btn">
            选择文件…
            <input
              type="file"
              accept=".xlsx,.csv,.xls"
              className="visually-hidden"
              aria-label="选择要导入的表格文件"
              disabled={!!busy}
              onChange={(e) => {
                choose(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
          <button className="btn link" disabled={!!busy} onClick={() => run('正在生成模板…', async () => setNotice(deliverWithNotice(await getPlatform().call('sheets.template', { kind })) ?? undefined))}>
            下载{label}导入模板
          </button>
        </div>
        {busy && <p role="status">{busy}</p>}
        {error && (
          <div className="banner error" role="alert">
            {error}
          </div>
        )}
        {notice && (
          <div className="banner ok" role="status">
            {notice}
          </div>
        )}
        {preview && c && (
          <>
            <p data-testid="import-counts" aria-live="polite">
              {preview.fileName}（工作表“{preview.sheetName}”，表头在第{preview.headerRow}行）：新增{c.new}行，修改{c.changed}行，无变化{c.unchanged}行，
              <strong className={c.invalid ? 'error-text' : undefined}>有错误{c.invalid}行</strong>
              {preview.planYear ? `；写入${preview.planYear}年度计划` : ''}。
              {preview.ignoredColumns.length > 0 && <span className="muted">未读取的列：{preview.ignoredColumns.join('、')}。</span>}
            </p>
            {c.invalid > 0 && <p className="muted">请在表格中改正有错误的行后重新选择文件；也可以只导入正确的行，有错误的行可导出后修改。</p>}
            <div className="sheet-preview-scroll">
              <table className="list sheet-preview" aria-label="导入预览">
                <thead>
                  <tr>
                    <th className="num">行号</th>
                    <th>结果</th>
                    {preview.columns.map((h) => (
                      <th key={h}>{h}</th>
                    ))}
                    <th>说明</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row} className={`sheet-row-${r.status}`}>
                      <td className="num">{r.row}</td>
                      <td>
                        <span className={`tag ${r.status === 'invalid' ? 'danger' : r.status === 'new' ? 'ok' : ''}`}>{ROW_STATUS_LABELS[r.status]}</span>
                      </td>
                      {r.values.map((v, i) => (
                        <td key={i}>{v}</td>
                      ))}
                      <td className={r.status === 'invalid' ? 'error-text' : 'muted'}>
                        {r.status === 'invalid' ? issuesText(r) : r.changes.map((ch) => `${ch.field}：${ch.before || '（空）'} → ${ch.after || '（空）'}`).join('；')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
