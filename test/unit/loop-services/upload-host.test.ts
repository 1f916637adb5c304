import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUploads, type UploadStaging } from '../../../electron/services/loop/uploads';
import { FILE_MAX_BYTES } from '../../../shared/loop/schemas';
import { rawRequest, replyOf, startHost, type HostFixture } from '../host/host-fixture';

let f: HostFixture;
let uploads: UploadStaging;
beforeEach(async () => {
  uploads = createUploads();
  f = await startHost({ uploads });
});
afterEach(async () => {
  await f.cleanup();
});

function upload(role: 'desk' | 'console' | 'hall', body: Uint8Array | Buffer, headers: Record<string, string> = {}) {
  return fetch(`${f.host.origin}/${role}/upload`, {
    method: 'POST',
    headers: { cookie: f.cookie(role), 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('整改佐证.pdf'), ...headers },
    body: new Uint8Array(body),
  });
}

describe('the browser host stages evidence uploads', () => {
  it('stages the raw body for the role and answers a StagedUpload', async () => {
    const res = await upload('desk', Buffer.from('%PDF-1.4 整改'));
    expect(res.status).toBe(200);
    const reply = await replyOf(res);
    expect(reply).toEqual({ ok: true, result: { uploadId: expect.stringMatching(/^up_[0-9a-z]{8,40}$/), name: '整改佐证.pdf', size: Buffer.byteLength('%PDF-1.4 整改') } });
    const id = (reply as { result: { uploadId: string } }).result.uploadId;
    expect(Buffer.from(uploads.get('desk', id)!.bytes).toString()).toBe('%PDF-1.4 整改');
    // Bound to the role that uploaded it.
    expect(uploads.get('console', id)).toBeUndefined();
    // No dispatch: the upload never reaches a handler until attached.
    expect(f.calls).toEqual([]);
  });

  it('refuses without the role cookie, from another site, for the hall, or with a form content type', async () => {
    const noCookie = await fetch(`${f.host.origin}/desk/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' }, body: 'x' });
    expect(noCookie.status).toBe(403);
    const other = await fetch(`${f.host.origin}/desk/upload`, { method: 'POST', headers: { cookie: f.cookie('hall'), 'content-type': 'application/octet-stream', 'x-file-name': 'a.pdf' }, body: 'x' });
    expect(other.status).toBe(403);
    expect((await upload('hall', Buffer.from('x'))).status).toBe(403);
    expect((await upload('desk', Buffer.from('x'), { origin: 'http://evil.example' })).status).toBe(403);
    const form = await upload('desk', Buffer.from('x'), { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    const noName = await upload('desk', Buffer.from('x'), { 'x-file-name': '' });
    expect(noName.status).toBe(400);
    const get = await rawRequest(f.host, { path: '/desk/upload', headers: { cookie: f.cookie('desk'), host: `127.0.0.1:${f.host.port}` } });
    expect(get.status).toBe(405);
    // The console may attach evidence (an office role) and so may upload.
    expect((await upload('console', Buffer.from('x'))).status).toBe(200);
  });

  it('refuses a file over 50 MB with a message naming the limit, and an empty file', async () => {
    const big = Buffer.alloc(FILE_MAX_BYTES + 1, 1);
    const res = await upload('desk', big);
    expect(res.status).toBe(413);
    expect(await replyOf(res)).toEqual({ ok: false, error: { code: 'invalid_args', message: '文件“整改佐证.pdf”超过50 MB，无法上传' } });
    const exact = await upload('desk', Buffer.alloc(FILE_MAX_BYTES, 2));
    expect(exact.status).toBe(200);
    const empty = await replyOf(await upload('desk', Buffer.alloc(0)));
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_args', message: '文件“整改佐证.pdf”是空文件，无法上传' } });
  });

  it('is refused when the host has no staging', async () => {
    await f.cleanup();
    f = await startHost();
    const res = await upload('desk', Buffer.from('x'));
    expect(res.status).toBe(403);
  });
});
