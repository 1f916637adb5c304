import type { VoteAuditCsv, VoteAuditView } from '../../../shared/api/vote-types';
import { formatRound } from '../../../shared/format/chinese-numerals';

/**
 * The round's log as CSV for Excel: UTF-8 with a BOM (without it Excel on Windows reads the
 * Chinese as GBK and shows mojibake), CRLF line ends, every field quoted.
 */

const HEADERS = ['序号', '时间', '轮次', '投票人员', '操作', '票号', '内容', '理由'];

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would make Excel evaluate the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** 2026-10-28 09:05:03 in the services' local time, as the office reads its own clock. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function auditCsv(entries: readonly VoteAuditView[], meetingName: string, title: string, roundNo: number): VoteAuditCsv {
  const rows = entries.map((e) => [e.seq, localTime(e.at), formatRound(e.roundNo), e.groupLabel, e.actionLabel, e.no, e.detail, e.reason].map(cell).join(','));
  const text = `\uFEFF${[HEADERS.map(cell).join(','), ...rows].join('\r\n')}\r\n`;
  const base = `${meetingName}-${title}-${formatRound(roundNo)}测评记录`.replace(/[\\/:*?"<>|\s]+/g, '');
  return { filename: `${base}.csv`, text };
}
