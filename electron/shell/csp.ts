/**
 * The Content-Security-Policy of every window. The renderer's index.html carries the same policy
 * in a <meta> tag (a file:// page gets no response headers, so the tag is what applies there);
 * main also sets it as a header on every response the session sees, so the two must agree —
 * test/unit/shell/csp.test.ts compares them. No remote origin appears anywhere: the app is offline.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
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

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Parses a policy into directive → sources, so two spellings of one policy compare equal. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources.filter(Boolean).sort());
  }
  return out;
}

/**
 * Response headers with our policy replacing any the response brought. Header names are
 * case-insensitive, so an existing `content-security-policy` must not survive beside ours.
 */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
