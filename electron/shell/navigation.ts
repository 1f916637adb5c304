import path from 'node:path';

export type PlatformName = NodeJS.Platform;

/**
 * The local path a file: URL names, using the rules of the given platform (so tests can check
 * Windows behaviour on Linux). Undefined when the URL is not a plain local file: URL.
 */
function localPathOf(url: URL, platform: PlatformName): string | undefined {
  if (url.protocol !== 'file:') return undefined;
  // file://server/share/... is a network path: never ours.
  if (url.hostname !== '' && url.hostname !== 'localhost') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  if (platform === 'win32') {
    // /C:/Users/... → C:\Users\...
    const withoutSlash = decoded.replace(/^\/([A-Za-z]:)/, '$1');
    if (!/^[A-Za-z]:/.test(withoutSlash)) return undefined;
    return path.win32.normalize(withoutSlash);
  }
  return path.posix.normalize(decoded);
}

function samePath(a: string, b: string, platform: PlatformName): boolean {
  if (platform === 'win32') return path.win32.resolve(a).toLowerCase() === path.win32.resolve(b).toLowerCase();
  // macOS volumes are usually case-insensitive too, but a stricter comparison only refuses more.
  return path.posix.resolve(a) === path.posix.resolve(b);
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * May a window show this URL? Only the renderer's own index.html (as a file: URL, with any
 * query or hash — the role and in-app routes travel there). Everything else is refused: http(s),
 * other local files, javascript:, data:, blob:, about:.
 */
export function isAllowedUrl(url: string, rendererIndexPath: string, platform: PlatformName = process.platform): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const local = localPathOf(parsed, platform);
  return local !== undefined && samePath(local, rendererIndexPath, platform);
}

/**
 * May the page load this resource (script, style, image, fetch)? Files inside the renderer's
 * build folder, inline data:/blob: images, and the developer tools' own pages. Anything remote is
 * refused — the app is offline and must never reach a network — and so are local files outside
 * the renderer folder.
 */
export function isAllowedRequest(url: string, rendererDir: string, platform: PlatformName = process.platform): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  const local = localPathOf(parsed, platform);
  if (local === undefined) return false;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const rel = p.relative(p.resolve(rendererDir), p.resolve(local));
  const relCmp = platform === 'win32' ? rel.toLowerCase() : rel;
  return rel !== '' && !relCmp.startsWith('..') && !p.isAbsolute(rel);
}
