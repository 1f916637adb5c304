import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { uploadFile } from '../../platform/upload';
import { formatDateTimeCn } from '../../ui/format';
import { deliverWithNotice } from '../exports/deliver';
import type { ApiError } from '../../../../shared/api/errors';
import { PACKAGE_KIND_LABELS, type ConflictChoice, type OpenedPackage, type PackagePreview } from '../../../../shared/api/package-types';
import { HandoffBanner } from './handoff-mark';
import './transfer.css';

type Message = { tone: 'ok' | 'error'; text: string };

/**
 * 会议包: the desk exports what a meeting needs for the hall laptop; the laptop imports it, holds the
 * meeting and exports the results; the desk imports them, choosing a side for every record changed on
 * both. A .pingyi file opened with the desktop app arrives here too (package.opened / takeOpened).
 */
export function PackagePanel() {
  const meetings = useCall('meetings.list', {});
  const [meetingId, setMeetingId] = useState('');
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);
  const [staged, setStaged] = useState<OpenedPackage | null>(null);
  const [preview, setPreview] = useState<PackagePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [foreignOk, setForeignOk] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);

  const reset = () => {
    setPreview(null);
    setStaged(null);
    setChoices({});
    setForeignOk(false);
  };

  const inspect = async (file: OpenedPackage) => {
    reset();
    setMessage(undefined);
    setBusy(true);
    try {
      const p = await getPlatform().call('package.inspect', { uploadId: file.uploadId });
      setStaged(file);
      setPreview(p);
      section.current?.scrollIntoView({ block: 'start' });
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };

  // A .pingyi file opened with the desktop app (double-click, or given to the running copy).
  useEffect(() => {
    const take = () => {
      getPlatform()
        .call('package.takeOpened', {})
        .then((opened) => opened && inspect(opened))
        .catch(() => undefined);
    };
    take();
    return getPlatform().on('package.opened', take);
  }, []);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setMessage(undefined);
    try {
      const up = await uploadFile(file);
      await inspect({ uploadId: up.uploadId, name: up.name });
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    }
  };

  const exportPackage = async (kind: 'package.export' | 'package.exportResults') => {
    if (!meetingId) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await getPlatform().call(kind, { meetingId });
      const said = deliverWithNotice(r.delivery);
      if (said) setMessage({ tone: 'ok', text: kind === 'package.export' ? `${said} 此会议已标记为“已导出到会场”。` : said });
      meetings.reload();
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };

  const importNow = async () => {
    if (!staged || !preview) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await getPlatform().call('package.import', {
        uploadId: staged.uploadId,
        ...(preview.foreign ? { confirmForeign: foreignOk } : {}),
        ...(preview.conflicts.length ? { choices } : {}),
      });
      const label = PACKAGE_KIND_LABELS[r.kind];
      setMessage({
        tone: 'ok',
        text: `已导入${label}“${r.meetingName}”：写入 ${r.written} 项记录${r.resolved.length ? `，${r.resolved.length} 项两边都改动的记录已按您的选择处理` : ''}；导入前的数据已备份（${r.backupId}）。`,
      });
      reset();
      meetings.reload();
    } catch (err) {
      setMessage({ tone: 'error', text: (err as ApiError).message });
    } finally {
      setBusy(false);
    }
  };

  const unresolved = preview ? preview.conflicts.filter((c) => !choices[c.key]).length : 0;
  const selected = meetings.data?.find((m) => m.id === meetingId);

  return (
    <section className="panel settings-section package-panel" aria-labelledby="package-title" ref={section}>
      <div className="section-head">
        <h2 id="package-title">会议包（办公桌与会场电脑之间）</h2>
      </div>
      <p className="intro">
        会前在办公桌上“导出会议包”，用U盘带到会场电脑上“导入会议包”；会后在会场电脑上“导出会议结果包”，带回办公桌导入。两边都改动过的记录会并排列出，由您逐项选择，不会被悄悄覆盖。
      </p>
      <div className="toolbar">
        <label htmlFor="package-meeting">会议</label>
        <select id="package-meeting" value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
          <option value="">请选择会议</option>
          {(meetings.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}（{m.date}）
            </option>
          ))}
        </select>
        <button className="btn" disabled={busy || !meetingId} onClick={() => exportPackage('package.export')}>
          导出会议包
        </button>
        <button className="btn" disabled={busy || !meetingId} onClick={() => exportPackage('package.exportResults')}>
          导出会议结果包
        </button>
        <button className="btn primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          导入会议包…
        </button>
        <input ref={fileInput} type="file" accept=".pingyi" hidden onChange={pick} data-testid="package-file" />
      </div>
      {selected && <HandoffBanner meetingId={selected.id} />}
      {message && (
        <div className={`banner ${message.tone === 'ok' ? 'ok' : 'error'}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      {preview && (
        <div className="package-preview" aria-label="导入预览">
          <h3>
            {PACKAGE_KIND_LABELS[preview.kind]}“{preview.meetingName}”
          </h3>
          <p className="muted">
            来自电脑“{preview.machine}”，{formatDateTimeCn(preview.createdAt)} 导出（程序版本 {preview.appVersion}），文件 {preview.fileName}
          </p>
          {preview.foreign && (
            <div className="banner warn">
              <p>{preview.foreignMessage}</p>
              <label>
                <input type="checkbox" checked={foreignOk} onChange={(e) => setForeignOk(e.target.checked)} /> 我已核实，确认导入
              </label>
            </div>
          )}
          <p>
            将新增 {preview.changes.filter((c) => c.change === 'new').length} 项、更改 {preview.changes.filter((c) => c.change === 'changed').length} 项，{preview.unchanged} 项相同
            {preview.kind === 'results' ? `，${preview.keptHere} 项仅本机改动（保留本机）` : ''}。
          </p>
          {preview.changes.length > 0 && (
            <details>
              <summary>新增和更改的记录</summary>
              <ul className="package-changes">
                {preview.changes.map((c) => (
                  <li key={c.key}>
                    {c.change === 'new' ? '新增' : '更改'}：{c.label}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {preview.conflicts.length > 0 && (
            <div className="package-conflicts">
              <h4>两边都改动过的记录（{preview.conflicts.length} 项），请逐项选择保留哪一方</h4>
              <p className="muted">字段名为数据中的名称；“本机”是这台电脑上现在的内容。</p>
              {preview.conflicts.map((c) => (
                <fieldset key={c.key} className="package-conflict" aria-label={c.label}>
                  <legend>{c.label}</legend>
                  <table className="list">
                    <thead>
                      <tr>
                        <th>字段</th>
                        <th>本机</th>
                        <th>{PACKAGE_KIND_LABELS[preview.kind]}（来自“{preview.machine}”）</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.fields.map((f) => (
                        <tr key={f.field}>
                          <td>{f.field}</td>
                          <td>{f.here}</td>
                          <td>{f.package}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <label>
                    <input type="radio" name={`choice-${c.key}`} checked={choices[c.key] === 'here'} onChange={() => setChoices({ ...choices, [c.key]: 'here' })} /> 保留本机
                  </label>
                  <label>
                    <input type="radio" name={`choice-${c.key}`} checked={choices[c.key] === 'package'} onChange={() => setChoices({ ...choices, [c.key]: 'package' })} /> 采用{PACKAGE_KIND_LABELS[preview.kind]}
                  </label>
                </fieldset>
              ))}
            </div>
          )}
          <div className="toolbar">
            <button className="btn primary" disabled={busy || unresolved > 0 || (preview.foreign && !foreignOk)} onClick={importNow}>
              {busy ? '正在导入…' : `导入${PACKAGE_KIND_LABELS[preview.kind]}`}
            </button>
            <button className="btn" disabled={busy} onClick={reset}>
              取消
            </button>
            {unresolved > 0 && <span className="muted">还有 {unresolved} 项未选择</span>}
          </div>
        </div>
      )}
    </section>
  );
}

