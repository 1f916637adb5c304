import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStatic } from '../../../electron/services/host/static-files';
import { INDEX_HTML, SECRET, rawRequest, startHost, type HostFixture } from './host-fixture';

let f: HostFixture;
beforeEach(async () => {
  f = await startHost();
});
afterEach(async () => {
  await f.cleanup();
});

const get = (path: string) => rawRequest(f.host, { path, headers: { cookie: f.cookie('desk') } });

describe('browser mode static files', () => {
  it('serves index.html with no-store and assets with their content types', async () => {
    const index = await get('/desk/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-store');
    expect(index.body).toBe(INDEX_HTML);

    const js = await get('/desk/assets/app.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('no-cache');
    expect((await get('/desk/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });

  it('falls back to index.html for unknown paths without an extension, 404 for missing assets', async () => {
    const spa = await get('/desk/meeting/2026');
    expect(spa.status).toBe(200);
    expect(spa.body).toBe(INDEX_HTML);
    expect(spa.headers['cache-control']).toBe('no-store');
    expect((await get('/desk/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const res = await rawRequest(f.host, { method: 'HEAD', path: '/desk/assets/app.js', headers: { cookie: f.cookie('desk') } });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('console.log("app");'.length));
    expect(res.body).toBe('');
  });

  it('refuses pages with other methods', async () => {
    const res = await rawRequest(f.host, { method: 'PUT', path: '/desk/', headers: { cookie: f.cookie('desk') } });
    expect(res.status).toBe(405);
  });

  const ATTEMPTS = [
    '/desk/../secret.txt',
    '/desk/../../secret.txt',
    '/desk/assets/../../secret.txt',
    '/desk/%2e%2e/secret.txt',
    '/desk/%2E%2E/secret.txt',
    '/desk/.%2e/secret.txt',
    '/desk/%2e%2e%2fsecret.txt',
    '/desk/..%2fsecret.txt',
    '/desk/..%5csecret.txt',
    '/desk/..\\secret.txt',
    '/desk/%5c..%5csecret.txt',
    '/desk/index.html%00.js',
    '/desk/%00',
    '/desk/%252e%252e/secret.txt',
    '/desk/..%c0%af/secret.txt',
    '/desk/%ff',
    '/desk/C:%5cWindows%5cwin.ini',
    '/desk/assets/%2e/app.js',
    '/desk/../renderer-secret.txt',
    '/desk/%2e%2e/renderer-secret.txt',
  ];
  for (const path of ATTEMPTS) {
    it(`refuses the traversal attempt ${path}`, async () => {
      const res = await get(path);
      expect(res.body).not.toContain(SECRET);
      expect([400, 404]).toContain(res.status);
    });
  }

  it('rejects a resolved path outside the root even if a segment slipped through', async () => {
    expect(await resolveStatic(f.staticDir, ['..', 'secret.txt'])).toEqual({ kind: 'refused' });
  });
});
