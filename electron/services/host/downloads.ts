import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/api/define';
import { visibleText } from '../../../shared/api/text-hygiene';
import { systemClock, type Clock } from '../deps';

export interface DownloadSource {
  /** The name the user's browser saves the file under; Chinese is fine. */
  fileName: string;
  contentType: string;
  /** The content in memory, or a file to stream. */
  body?: Uint8Array | string;
  path?: string;
}

export interface DownloadEntry extends DownloadSource {
  role: Role;
  expiresAt: number;
}

/**
 * Files the services hand to the browser (exports, documents). Each id is random, bound to the
 * role that registered it and served once, so a link copied out of a window is useless later
 * and another role's window cannot fetch it.
 */
export interface DownloadRegistry {
  register(role: Role, source: DownloadSource): string;
  /** Removes and returns the entry; undefined if unknown, expired, or registered for another role. */
  take(role: Role, id: string): DownloadEntry | undefined;
  /** Looks without consuming (HEAD requests). */
  peek(role: Role, id: string): DownloadEntry | undefined;
}

const DOWNLOAD_TTL_MS = 10 * 60_000;

export function createDownloads(options: { clock?: Clock; ttlMs?: number } = {}): DownloadRegistry {
  const clock = options.clock ?? systemClock;
  const ttl = options.ttlMs ?? DOWNLOAD_TTL_MS;
  const entries = new Map<string, DownloadEntry>();
  const purge = () => {
    const now = clock.now();
    for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
  };
  const find = (role: Role, id: string) => {
    purge();
    const entry = entries.get(id);
    return entry && entry.role === role ? entry : undefined;
  };
  return {
    register(role, source) {
      if ((source.body === undefined) === (source.path === undefined)) throw new Error('a download needs exactly one of body or path');
      purge();
      const id = randomBytes(18).toString('base64url');
      entries.set(id, { ...source, fileName: safeFileName(source.fileName), role, expiresAt: clock.now() + ttl });
      return id;
    },
    take(role, id) {
      const entry = find(role, id);
      if (entry) entries.delete(id);
      return entry;
    },
    peek: find,
  };
}

/** Where a window fetches a registered download (relative to the origin). */
export function downloadPath(role: Role, id: string): string {
  return `/${role}/download/${encodeURIComponent(id)}`;
}

/**
 * Strips what a file name must not carry: folders, control characters, half characters (lone
 * surrogates), invisible bidi and zero-width characters, characters Windows refuses.
 */
export function safeFileName(name: string): string {
  const base = visibleText(name).split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[<>:"|?*]/g, '_').trim().replace(/^\.+/, '');
  return cleaned === '' ? 'download' : cleaned;
}

/**
 * RFC 6266 / 5987: an ASCII `filename` for old clients plus `filename*` in UTF-8, which every
 * current browser prefers — that is what keeps 评议意见.docx from arriving as mojibake.
 */
export function contentDisposition(fileName: string): string {
  // safeFileName leaves no lone surrogate, the one thing encodeURIComponent throws on: a header
  // built from any stored name never fails the download (nor burns its one-time link).
  const name = safeFileName(fileName);
  const dot = name.lastIndexOf('.');
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\%]/g, '_');
  const ext = dot > 0 ? ascii(name.slice(dot)) : '';
  const stem = ascii(dot > 0 ? name.slice(0, dot) : name);
  const fallback = /[A-Za-z0-9]/.test(stem) ? `${stem}${ext}` : `download${ext}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
