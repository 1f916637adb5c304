import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ROLES, type Role } from '../../../shared/api/define';

const COOKIE_PREFIX = 'pingyi_';

function cookieName(role: Role): string {
  return `${COOKIE_PREFIX}${role}`;
}

/** The cookie is scoped to the role's path so the three windows can share one browser profile. */
export function tokenCookie(role: Role, token: string): string {
  return `${cookieName(role)}=${token}; HttpOnly; SameSite=Strict; Path=/${role}/`;
}

export function isRole(value: string | undefined): value is Role {
  return value !== undefined && (ROLES as readonly string[]).includes(value);
}

/** Checks a presented token against the role's token in constant time. */
export class TokenChecker {
  private readonly digests: Record<Role, Buffer>;

  constructor(tokens: Record<Role, string>) {
    // Hashing first gives equal-length inputs, so timingSafeEqual never throws and the
    // comparison does not reveal the token's length either.
    this.digests = Object.fromEntries(ROLES.map((r) => [r, digest(tokens[r])])) as Record<Role, Buffer>;
  }

  matches(role: Role, presented: string | undefined | null): boolean {
    if (!presented) return false;
    return timingSafeEqual(this.digests[role], digest(presented));
  }

  /** True if any cookie of that role's name carries the right token. */
  cookieMatches(role: Role, cookieHeader: string | undefined): boolean {
    let ok = false;
    for (const value of cookieValues(cookieHeader, cookieName(role))) ok = this.matches(role, value) || ok;
    return ok;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * DNS-rebinding guard: a page on evil.example whose name was re-pointed at 127.0.0.1 sends
 * `Host: evil.example`, so only our own names are accepted. When listening beyond loopback the
 * machine's own IP literals are accepted too (never names, which an attacker could rebind).
 */
export function createHostCheck(listenHost: string, port: () => number): (hostHeader: string | undefined) => boolean {
  return (hostHeader) => {
    if (!hostHeader) return false;
    const value = hostHeader.trim().toLowerCase();
    const p = port();
    if (LOOPBACK_NAMES.some((name) => value === `${name}:${p}`)) return true;
    const bare = stripPort(value, p);
    if (bare === undefined) return false;
    if (!isWildcardHost(listenHost)) return bare === bracket(listenHost.toLowerCase());
    return localAddresses().has(bare);
  };
}

function stripPort(value: string, port: number): string | undefined {
  const suffix = `:${port}`;
  return value.endsWith(suffix) ? value.slice(0, -suffix.length) : undefined;
}

export function bracket(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

function localAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) out.add(bracket(info.address.toLowerCase()));
  }
  return out;
}

export type ParsedPath = { ok: true; segments: string[]; query: URLSearchParams } | { ok: false };

/**
 * Splits the raw request target into decoded path segments. Works on the raw string on
 * purpose: WHATWG URL parsing would silently fold `..` and `%2e%2e` away, hiding an attempt
 * that should be refused rather than reinterpreted. Empty segments are dropped.
 */
export function parseRequestPath(rawUrl: string | undefined): ParsedPath {
  if (!rawUrl || !rawUrl.startsWith('/')) return { ok: false };
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false };
    }
    // Separators, drive letters (Windows `C:`), NUL and control characters never belong in a segment.
    // oxlint-disable-next-line no-control-regex -- matching control characters is the point
    if (seg === '.' || seg === '..' || /[/\\:\0-\x1f\x7f]/.test(seg)) return { ok: false };
    segments.push(seg);
  }
  return { ok: true, segments, query };
}

/** True when the path ends with `/` (so `/desk` can be redirected to `/desk/`). */
export function hasTrailingSlash(rawUrl: string): boolean {
  const q = rawUrl.indexOf('?');
  return (q < 0 ? rawUrl : rawUrl.slice(0, q)).endsWith('/');
}
