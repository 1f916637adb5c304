import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';

/**
 * Response headers with our policy (shared/api/csp.ts) replacing any the response brought. Header
 * names are case-insensitive, so an existing `content-security-policy` must not survive beside ours.
 */
export function withCspHeader(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
