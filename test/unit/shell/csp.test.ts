import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withCspHeader } from '../../../electron/shell/csp';
import { CONTENT_SECURITY_POLICY, CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY, parseCsp, withCspMeta } from '../../../shared/api/csp';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('Content-Security-Policy', () => {
  it('is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('names no remote origin and allows no inline or evaluated script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    const scripts = parseCsp(CONTENT_SECURITY_POLICY).get('script-src');
    expect(scripts).toEqual(["'self'"]);
  });

  it('replaces any policy a response brings, whatever the header case', () => {
    const out = withCspHeader({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  // The renderer's page carries the same policy in a <meta> tag (a file:// page has no headers),
  // written in by the build from the one policy. A <meta> policy cannot carry frame-ancestors,
  // report-uri or sandbox (browsers ignore them there and warn), so those are compared on the header only.
  const metaOf = (html: string) => {
    const tag = /<meta\b[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
    expect(tag, 'the page needs a Content-Security-Policy <meta> tag').toBeDefined();
    const content = /\bcontent="([^"]*)"|\bcontent='([^']*)'/i.exec(tag!);
    return parseCsp(content?.[1] ?? content?.[2] ?? '');
  };
  const headerWithoutMetaIgnored = () => {
    const headerPolicy = parseCsp(CONTENT_SECURITY_POLICY);
    for (const metaIgnored of ['frame-ancestors', 'report-uri', 'sandbox']) headerPolicy.delete(metaIgnored);
    return Object.fromEntries(headerPolicy);
  };

  it('is written into renderer/index.html by the build, from the one policy', () => {
    const source = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    expect(source).toContain(CSP_PLACEHOLDER);
    expect(Object.fromEntries(metaOf(withCspMeta(source)))).toEqual(headerWithoutMetaIgnored());
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(() => withCspMeta('<html></html>')).toThrow(CSP_PLACEHOLDER);
  });

  const built = path.join(root, 'dist', 'renderer', 'index.html');
  it.skipIf(!existsSync(built))('the built page carries it', () => {
    expect(Object.fromEntries(metaOf(readFileSync(built, 'utf8')))).toEqual(headerWithoutMetaIgnored());
  });
});
