/**
 * The Content-Security-Policy of every page, written once: Electron sends it as a header on every
 * response its session sees (electron/shell/security.ts), the browser-mode host on every response
 * it makes (electron/services/host/http-util.ts), and the renderer build writes it into the
 * `<meta>` tag of index.html (renderer/vite.config.ts, through withCspMeta) — a file:// page gets
 * no response headers, so the tag is what applies there. No remote origin appears anywhere: the
 * app is offline.
 */
const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React and chart.js set inline style attributes; scripts stay strict.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a `<meta>` policy cannot carry (browsers ignore them there and warn). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const serialise = (names: readonly string[]) => names.map((name) => `${name} ${(CSP_DIRECTIVES[name] ?? []).join(' ')}`).join('; ');

export const CONTENT_SECURITY_POLICY = serialise(Object.keys(CSP_DIRECTIVES));

/** The same policy without what a `<meta>` tag cannot carry. */
export const META_CONTENT_SECURITY_POLICY = serialise(Object.keys(CSP_DIRECTIVES).filter((name) => !HEADER_ONLY.has(name)));

/** The placeholder renderer/index.html carries where the build puts the policy. */
export const CSP_PLACEHOLDER = '__PINGYI_CSP__';

/** index.html with the policy in its `<meta>` tag; a page without the placeholder is a build error. */
export function withCspMeta(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} for the Content-Security-Policy <meta> tag`);
  return html.replaceAll(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
}

/** Parses a policy into directive → sources, so two spellings of one policy compare equal. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources.filter(Boolean).sort());
  }
  return out;
}
