import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../../electron/services/host/http-host';
import { HOST_TEXT } from '../../../electron/services/host/messages';
import { postJson, rawRequest, replyOf, startHost, type HostFixture } from './host-fixture';

let f: HostFixture;
beforeEach(async () => {
  f = await startHost();
});
afterEach(async () => {
  await f.cleanup();
});

function post(path: string, headers: Record<string, string>, body: string) {
  return fetch(`${f.host.origin}${path}`, { method: 'POST', headers: { cookie: f.cookie('desk'), ...headers }, body });
}

describe('browser mode API', () => {
  it('passes the call to dispatch and sends its Reply with HTTP 200', async () => {
    const res = await postJson(f, 'desk', 'store.backup', { label: '会前' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await replyOf(res)).toEqual({ ok: true, result: { role: 'desk', name: 'store.backup' } });
    expect(f.calls).toEqual([{ role: 'desk', name: 'store.backup', args: { label: '会前' } }]);
  });

  it('sends API errors as a Reply with HTTP 200 too', async () => {
    const res = await postJson(f, 'desk', 'x.fail', {});
    expect(res.status).toBe(200);
    expect(await replyOf(res)).toEqual({ ok: false, error: { code: 'not_found', message: '没有找到' } });
  });

  it('takes the role from the path and cookie, never from the body', async () => {
    const res = await postJson(f, 'hall', 'app.info', { role: 'desk', __role: 'console' });
    expect(res.status).toBe(200);
    expect(f.calls).toEqual([{ role: 'hall', name: 'app.info', args: { role: 'desk', __role: 'console' } }]);
    // The hall's cookie on the desk path gets nothing.
    const cross = await postJson(f, 'desk', 'app.info', {}, 'hall');
    expect(cross.status).toBe(403);
    expect(f.calls).toHaveLength(1);
  });

  it('treats an empty body as no arguments', async () => {
    const res = await post('/console/api/store.status', { 'content-type': 'application/json', cookie: f.cookie('console') }, '');
    expect(res.status).toBe(200);
    expect(f.calls).toEqual([{ role: 'console', name: 'store.status', args: undefined }]);
  });

  it('answers invalid JSON with an invalid_args Reply and does not dispatch', async () => {
    for (const body of ['{', '{"label":', 'undefined', "{'a':1}"]) {
      const res = await post('/desk/api/store.backup', { 'content-type': 'application/json' }, body);
      expect(res.status).toBe(400);
      expect(await replyOf(res)).toEqual({ ok: false, error: { code: 'invalid_args', message: '请求内容不是有效的 JSON' } });
    }
    expect(f.calls).toEqual([]);
  });

  it('requires Content-Type: application/json (no simple form posts)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      const res = await post('/desk/api/store.backup', { 'content-type': type }, '{}');
      expect(res.status, type).toBe(415);
      expect(await replyOf(res)).toEqual({ ok: false, error: { code: 'invalid_args', message: HOST_TEXT.wrongContentType } });
    }
    const missing = await rawRequest(f.host, { method: 'POST', path: '/desk/api/store.backup', headers: { cookie: f.cookie('desk') }, body: '{}' });
    expect(missing.status).toBe(415);
    const withCharset = await post('/desk/api/store.backup', { 'content-type': 'application/json; charset=utf-8' }, '{}');
    expect(withCharset.status).toBe(200);
    expect(f.calls).toHaveLength(1);
  });

  it('refuses a body over 1 MiB with 413 and a Chinese message', async () => {
    const big = JSON.stringify({ label: 'x'.repeat(BODY_LIMIT) });
    const res = await post('/desk/api/store.backup', { 'content-type': 'application/json' }, big);
    expect(res.status).toBe(413);
    expect(await replyOf(res)).toEqual({ ok: false, error: { code: 'invalid_args', message: HOST_TEXT.tooLarge } });
    // Exactly at the limit is still accepted.
    const atLimit = `{"label":"${'y'.repeat(BODY_LIMIT - 12)}"}`;
    expect(Buffer.byteLength(atLimit)).toBe(BODY_LIMIT);
    expect((await post('/desk/api/store.backup', { 'content-type': 'application/json' }, atLimit)).status).toBe(200);
    expect(f.calls).toHaveLength(1);
  });

  it('refuses an oversize chunked body (no Content-Length) the same way', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: f.host.port,
          method: 'POST',
          path: '/desk/api/store.backup',
          headers: { cookie: f.cookie('desk'), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write(Buffer.alloc(300 * 1024, 0x20));
      req.end();
    });
    expect(status).toBe(413);
    expect(f.calls).toEqual([]);
  });

  it('refuses a cross-site Origin even with the cookie', async () => {
    const res = await post('/desk/api/store.backup', { 'content-type': 'application/json', origin: 'http://evil.example' }, '{}');
    expect(res.status).toBe(403);
    expect((await replyOf(res)).ok).toBe(false);
    const same = await post('/desk/api/store.backup', { 'content-type': 'application/json', origin: f.host.origin }, '{}');
    expect(same.status).toBe(200);
    expect(f.calls).toHaveLength(1);
  });

  it('allows only POST on the API and rejects malformed call paths', async () => {
    const get = await fetch(`${f.host.origin}/desk/api/app.info`, { headers: { cookie: f.cookie('desk') } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const nested = await post('/desk/api/app/info', { 'content-type': 'application/json' }, '{}');
    expect(nested.status).toBe(404);
    expect(((await replyOf(nested)) as { error: { code: string } }).error.code).toBe('unknown_call');
    expect(f.calls).toEqual([]);
  });

  it('hands unknown call names to dispatch, which decides (it answers unknown_call)', async () => {
    await postJson(f, 'desk', 'no.such.call', {});
    expect(f.calls).toEqual([{ role: 'desk', name: 'no.such.call', args: {} }]);
  });
});
