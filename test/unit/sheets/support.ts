import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { ApiErrorData } from '../../../shared/api/errors';
import type { ImportPreview } from '../../../shared/sheets/import-types';

export async function sheetServices(today?: string) {
  const clock = today ? { now: () => new Date(`${today}T09:00:00`).getTime() } : undefined;
  const s: AppServices = await createAppServices({
    homeDir: await mkdtemp(join(tmpdir(), 'pingyi-sheets-')),
    mode: 'browser',
    version: 't',
    log: silentLogger,
    backupOnStart: false,
    ...(clock ? { clock } : {}),
  });
  const reply = (name: string, args: unknown) => s.dispatch('desk', name, args);
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await reply(name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
  const refusal = async (name: string, args: unknown): Promise<ApiErrorData> => {
    const r = await reply(name, args);
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  };
  const stage = (name: string, bytes: Uint8Array) => s.uploads.stage('desk', name, bytes).uploadId;
  const preview = (kind: string, name: string, bytes: Uint8Array) => call<ImportPreview>('sheets.preview', { kind, uploadId: stage(name, bytes) });
  /** The bytes of the last file handed out as a download. */
  const downloaded = async (delivery: { url?: string }): Promise<Uint8Array> => {
    const id = delivery.url!.split('/').pop()!;
    const file = s.downloads.take('desk', id);
    if (!file || !(file.body instanceof Uint8Array)) throw new Error('no download');
    return file.body;
  };
  return { s, call, refusal, stage, preview, downloaded };
}

/** A workbook written by the library, as Excel or WPS would save it. */
export async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  fill(ws, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
