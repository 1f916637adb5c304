import { createReadStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget = { kind: 'file'; path: string; size: number; index: boolean } | { kind: 'missing' } | { kind: 'refused' };

/**
 * Maps decoded path segments (already free of `..`, separators and NUL) to a file under
 * `root`. The resolve + prefix check is the second line of defence should a segment slip
 * through. Unknown paths without an extension get index.html, so a reload on a client-side
 * route still opens the app; unknown asset-like paths are a plain 404.
 */
export async function resolveStatic(root: string, segments: readonly string[]): Promise<StaticTarget> {
  const base = resolve(root);
  const candidate = resolve(base, ...segments);
  if (candidate !== base && !candidate.startsWith(base + sep)) return { kind: 'refused' };
  const direct = segments.length === 0 ? undefined : await fileAt(candidate);
  if (direct) return { kind: 'file', path: candidate, size: direct, index: candidate === resolve(base, 'index.html') };
  const last = segments[segments.length - 1];
  if (last !== undefined && extname(last) !== '') return { kind: 'missing' };
  const index = resolve(base, 'index.html');
  const size = await fileAt(index);
  return size === undefined ? { kind: 'missing' } : { kind: 'file', path: index, size, index: true };
}

async function fileAt(path: string): Promise<number | undefined> {
  try {
    const stat = await fsp.stat(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

export function sendFile(res: ServerResponse, target: { path: string; size: number; index: boolean }, onError: (err: unknown) => void): void {
  res.writeHead(200, {
    'Content-Type': contentTypeOf(target.path),
    'Content-Length': target.size,
    // index.html names the hashed assets of the current build: never reuse a stale one.
    // Assets are re-fetched too (no-cache): loopback is fast and it keeps a rebuilt renderer honest.
    'Cache-Control': target.index ? 'no-store' : 'no-cache',
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(target.path);
  stream.on('error', (err) => {
    onError(err);
    res.destroy();
  });
  stream.pipe(res);
}
