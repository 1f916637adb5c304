import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/define';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/csp';
import { HOST_TEXT } from '../../../electron/services/host/messages';
import { INDEX_HTML, openStream, rawRequest, startHost, type HostFixture } from './host-fixture';

let f: HostFixture;
beforeEach(async () => {
  f = await startHost();
});
afterEach(async () => {
  await f.cleanup();
});

type Kind = 'page' | 'asset' | 'api' | 'events' | 'download';
const KINDS: Kind[] = ['page', 'asset', 'api', 'events', 'download'];

/** One request of each kind for the desk window, with the given extra headers and query. */
function requestOf(kind: Kind, headers: Record<string, string>, query = '') {
  const path = {
    page: '/desk/',
    asset: '/desk/assets/app.js',
    api: '/desk/api/app.info',
    events: '/desk/events',
    download: `/desk/download/${f.downloads.register('desk', { fileName: '评议.txt', contentType: 'text/plain', body: 'x' })}`,
  }[kind];
  if (kind === 'api') {
    return rawRequest(f.host, { method: 'POST', path: path + query, headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
  }
  if (kind === 'events') {
    // Refusals end the response; acceptance keeps it open, so read only the head.
    return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve) => {
      const s = openStream(f.host, 'desk', headers);
      void s.until(() => s.status !== 0).then(
        async () => {
          if (s.status === 200) await s.until(() => s.events.length > 0);
          else await s.untilEnded();
          s.close();
          resolve({ status: s.status, headers: { 'content-type': s.contentType }, body: s.raw });
        },
        () => resolve({ status: s.status, headers: { 'content-type': s.contentType }, body: s.raw }),
      );
    });
  }
  return rawRequest(f.host, { path: path + query, headers });
}

const BAD_CREDENTIALS: Array<[string, (fx: HostFixture) => Record<string, string>, string?]> = [
  ['no cookie', () => ({})],
  ['a wrong token', () => ({ cookie: 'pingyi_desk=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })],
  ["another role's token in the desk cookie", (fx) => ({ cookie: fx.cookie('desk', fx.tokens.hall) })],
  ["another role's cookie", (fx) => ({ cookie: `${fx.cookie('hall')}; ${fx.cookie('console')}` })],
  ['an empty cookie', () => ({ cookie: 'pingyi_desk=' })],
  ["another role's ?token", () => ({}), 'console'],
  ['a wrong ?token', () => ({}), 'wrong'],
];

describe('browser mode token check', () => {
  for (const kind of KINDS) {
    for (const [label, headersOf, queryRole] of BAD_CREDENTIALS) {
      it(`refuses the ${kind} with ${label}`, async () => {
        const query = queryRole === undefined ? '' : `?token=${queryRole === 'wrong' ? 'nope' : f.tokens[queryRole as Role]}`;
        const res = await requestOf(kind, headersOf(f), query);
        expect(res.status).toBe(403);
        if (kind === 'api') {
          expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'forbidden', message: HOST_TEXT.forbidden } });
        } else {
          expect(res.headers['content-type']).toMatch(/^text\/html/);
          expect(res.body).toContain(HOST_TEXT.forbidden);
        }
        expect(f.calls).toEqual([]);
      });
    }
    it(`accepts the ${kind} with the role's cookie`, async () => {
      const res = await requestOf(kind, { cookie: `other=1; ${f.cookie('desk')}` });
      expect(res.status).toBe(200);
      const expectedType = { page: /^text\/html/, asset: /^text\/javascript/, api: /^application\/json/, events: /^text\/event-stream/, download: /^text\/plain/ }[kind];
      expect(res.headers['content-type']).toMatch(expectedType);
    });
  }

  it('serves the page itself once the cookie is there', async () => {
    const res = await fetch(`${f.host.origin}/desk/`, { headers: { cookie: f.cookie('desk') } });
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('turns ?token= into an HttpOnly SameSite=Strict cookie for the role path and redirects it out of the address bar', async () => {
    for (const role of ['desk', 'console', 'hall'] as const) {
      const res = await fetch(f.host.url(role), { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/${role}/`);
      const cookies = res.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      const parts = (cookies[0] ?? '').split(';').map((p) => p.trim());
      expect(parts[0]).toBe(`pingyi_${role}=${f.tokens[role]}`);
      expect(parts).toContain('HttpOnly');
      expect(parts).toContain('SameSite=Strict');
      expect(parts).toContain(`Path=/${role}/`);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

      const followed = await fetch(new URL(res.headers.get('location') ?? '', f.host.origin), { headers: { cookie: parts[0] ?? '' } });
      expect(followed.status).toBe(200);
    }
  });

  it('keeps other query parameters and the path when removing the token', async () => {
    const res = await fetch(`${f.host.origin}/hall/screen?token=${f.tokens.hall}&x=1`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/hall/screen?x=1');
  });

  it('does not set a cookie for a wrong ?token even when the cookie already grants access', async () => {
    const res = await fetch(`${f.host.origin}/desk/?token=stale`, { redirect: 'manual', headers: { cookie: f.cookie('desk') } });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('redirects /desk to /desk/ before anything else and answers / with 404', async () => {
    const slashless = await fetch(`${f.host.origin}/desk?token=abc`, { redirect: 'manual' });
    expect(slashless.status).toBe(303);
    expect(slashless.headers.get('location')).toBe('/desk/?token=abc');
    const root = await fetch(`${f.host.origin}/`);
    expect(root.status).toBe(404);
    const body = await root.text();
    for (const role of ['desk', 'console', 'hall'] as const) expect(body).not.toContain(f.tokens[role]);
    expect((await fetch(`${f.host.origin}/admin/`)).status).toBe(404);
  });

  it('puts the security headers on every response, refusals included', async () => {
    for (const res of [
      await fetch(`${f.host.origin}/desk/`),
      await fetch(`${f.host.origin}/desk/`, { headers: { cookie: f.cookie('desk') } }),
      await fetch(`${f.host.origin}/`),
    ]) {
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });
});
