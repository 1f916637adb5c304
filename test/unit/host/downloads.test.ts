import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDisposition, createDownloads, downloadPath, safeFileName } from '../../../electron/services/host/downloads';
import { startHost, type HostFixture } from './host-fixture';

let f: HostFixture;
beforeEach(async () => {
  f = await startHost();
});
afterEach(async () => {
  await f.cleanup();
});

/** RFC 5987 ext-value decoding, as a browser does it. */
function decodeFilenameStar(header: string): string {
  const match = /filename\*=UTF-8''([^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(match[1]);
}

describe('browser mode downloads', () => {
  it('serves a file with a Chinese name once, with an RFC 5987 Content-Disposition', async () => {
    const name = '关于2026年县法院工作评议的意见（草稿）.docx';
    const content = Buffer.from('PK fake docx');
    const id = f.downloads.register('desk', {
      fileName: name,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: content,
    });
    const url = `${f.host.origin}${downloadPath('desk', id)}`;
    const res = await fetch(url, { headers: { cookie: f.cookie('desk') } });
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(disposition).toContain("filename*=UTF-8''%E5%85%B3%E4%BA%8E2026");
    expect(disposition).toContain('%EF%BC%88'); // （ full-width parenthesis
    expect(decodeFilenameStar(disposition)).toBe(name);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(content);

    const again = await fetch(url, { headers: { cookie: f.cookie('desk') } });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('下载链接已失效');
  });

  it('serves a file whose name has odd characters: half a character, controls, bidi and zero-width', async () => {
    const odd = '十月评议会\uD842议\u0000程\u202Excod.\u200B\u0007签到表.docx';
    const id = f.downloads.register('desk', { fileName: odd, contentType: 'application/octet-stream', body: 'x' });
    const res = await fetch(`${f.host.origin}${downloadPath('desk', id)}`, { headers: { cookie: f.cookie('desk') } });
    expect(res.status).toBe(200);
    const name = decodeFilenameStar(res.headers.get('content-disposition') ?? '');
    expect(name).toBe('十月评议会_议_程xcod._签到表.docx');
    // oxlint-disable-next-line no-control-regex -- asserting none is left
    expect(name).not.toMatch(/[\0-\x1f\x7f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]/);
  });

  it('never throws building a Content-Disposition, whatever the name', () => {
    for (const name of ['\uD800', '\uDFFF.docx', 'a\uDC00\uD800b', '\u0000', '', '\u202E', '..\\..\\\uD83D']) {
      expect(() => contentDisposition(name), JSON.stringify(name)).not.toThrow();
      expect(contentDisposition(name)).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    }
  });

  it('streams a file from disk', async () => {
    const path = join(f.dir, 'export.csv');
    await fsp.writeFile(path, '姓名,票数\n张三,30\n');
    const id = f.downloads.register('console', { fileName: '计票结果.csv', contentType: 'text/csv; charset=utf-8', path });
    const res = await fetch(`${f.host.origin}/console/download/${id}`, { headers: { cookie: f.cookie('console') } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('姓名,票数\n张三,30\n');
  });

  it("is bound to the role that registered it", async () => {
    const id = f.downloads.register('desk', { fileName: 'a.txt', contentType: 'text/plain', body: 'x' });
    const asHall = await fetch(`${f.host.origin}/hall/download/${id}`, { headers: { cookie: f.cookie('hall') } });
    expect(asHall.status).toBe(404);
    // Not consumed by the wrong role's attempt.
    const asDesk = await fetch(`${f.host.origin}/desk/download/${id}`, { headers: { cookie: f.cookie('desk') } });
    expect(asDesk.status).toBe(200);
  });

  it('expires unfetched downloads', () => {
    let now = 1_000;
    const registry = createDownloads({ clock: { now: () => now }, ttlMs: 100 });
    const id = registry.register('desk', { fileName: 'a.txt', contentType: 'text/plain', body: 'x' });
    now += 101;
    expect(registry.take('desk', id)).toBeUndefined();
  });

  it('builds safe ASCII fallbacks and encodes the RFC 5987 specials', () => {
    expect(contentDisposition('评议意见.docx')).toBe(
      `attachment; filename="download.docx"; filename*=UTF-8''%E8%AF%84%E8%AE%AE%E6%84%8F%E8%A7%81.docx`,
    );
    expect(contentDisposition("Report (final) it's*.pdf")).toBe(
      `attachment; filename="Report (final) it's_.pdf"; filename*=UTF-8''Report%20%28final%29%20it%27s_.pdf`,
    );
    expect(contentDisposition('2026年评议.xlsx')).toBe(`attachment; filename="2026_.xlsx"; filename*=UTF-8''2026%E5%B9%B4%E8%AF%84%E8%AE%AE.xlsx`);
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a"b\r\n.txt')).toBe('a_b__.txt');
    expect(safeFileName('..')).toBe('download');
  });

  it('needs exactly one of body and path', () => {
    const registry = createDownloads();
    expect(() => registry.register('desk', { fileName: 'a', contentType: 'text/plain' })).toThrow();
  });
});
