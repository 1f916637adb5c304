import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAllowedUrl } from '../../../electron/shell/navigation';

const index = '/opt/人大工作评议系统/resources/app.asar/dist/renderer/index.html';
const indexUrl = pathToFileURL(index).href;
const dir = '/opt/人大工作评议系统/resources/app.asar/dist/renderer';

describe('isAllowedUrl (Linux paths)', () => {
  it('allows the renderer index, with any query or hash', () => {
    expect(isAllowedUrl(indexUrl, index, 'linux')).toBe(true);
    expect(isAllowedUrl(`${indexUrl}?role=hall`, index, 'linux')).toBe(true);
    expect(isAllowedUrl(`${indexUrl}?role=desk#/meetings/2026`, index, 'linux')).toBe(true);
    // Chinese path unencoded and file://localhost are the same file.
    expect(isAllowedUrl(`file://${index}`, index, 'linux')).toBe(true);
    expect(isAllowedUrl(`file://localhost${pathToFileURL(index).pathname}`, index, 'linux')).toBe(true);
  });

  it('refuses the web, scripts, data and other local files', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:4780/',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'blob:file:///0d3c',
      'about:blank',
      'file:///etc/passwd',
      pathToFileURL(`${dir}/other.html`).href,
      pathToFileURL(`${dir}/assets/index.js`).href,
      `file://evil-server${pathToFileURL(index).pathname}`,
      `${pathToFileURL(dir).href}/sub/../../index.html`,
      `${indexUrl}%00.png`,
      'not a url',
      '',
    ]) {
      expect(isAllowedUrl(url, index, 'linux'), url).toBe(false);
    }
  });

  it('is case-sensitive on Linux', () => {
    expect(isAllowedUrl(indexUrl.replace('index.html', 'INDEX.html'), index, 'linux')).toBe(false);
  });

  it('accepts a dot-segment path that still names the index', () => {
    expect(isAllowedUrl(`${pathToFileURL(dir).href}/assets/../index.html`, index, 'linux')).toBe(true);
  });
});

describe('isAllowedUrl (Windows paths)', () => {
  const winIndex = 'C:\\Program Files\\人大工作评议系统\\resources\\app.asar\\dist\\renderer\\index.html';
  const winUrl = 'file:///C:/Program%20Files/%E4%BA%BA%E5%A4%A7%E5%B7%A5%E4%BD%9C%E8%AF%84%E8%AE%AE%E7%B3%BB%E7%BB%9F/resources/app.asar/dist/renderer/index.html';

  it('allows the index regardless of drive letter or case', () => {
    expect(isAllowedUrl(winUrl, winIndex, 'win32')).toBe(true);
    expect(isAllowedUrl(`${winUrl}?role=console`, winIndex, 'win32')).toBe(true);
    expect(isAllowedUrl(winUrl.replace('C:', 'c:').replace('Program%20Files', 'PROGRAM%20FILES'), winIndex, 'win32')).toBe(true);
  });

  it('refuses network shares and other drives', () => {
    expect(isAllowedUrl(winUrl.replace('file:///C:', 'file://server/share'), winIndex, 'win32')).toBe(false);
    expect(isAllowedUrl(winUrl.replace('C:', 'D:'), winIndex, 'win32')).toBe(false);
    expect(isAllowedUrl('file:///index.html', winIndex, 'win32')).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows files inside the renderer folder and inline images', () => {
    expect(isAllowedRequest(indexUrl, dir, 'linux')).toBe(true);
    expect(isAllowedRequest(pathToFileURL(`${dir}/assets/index-3f2a.js`).href, dir, 'linux')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', dir, 'linux')).toBe(true);
    expect(isAllowedRequest('blob:file:///5b1e-4c', dir, 'linux')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dir, 'linux')).toBe(true);
  });

  it('refuses everything remote and local files elsewhere', () => {
    for (const url of [
      'https://fonts.googleapis.com/css?family=Noto',
      'http://127.0.0.1:4780/api',
      'ws://127.0.0.1:5173/',
      'file:///etc/passwd',
      pathToFileURL(`${dir}-evil/x.js`).href,
      pathToFileURL(dir).href,
      `${pathToFileURL(dir).href}/../../app.asar/dist/electron/main.cjs`,
      'chrome://settings',
    ]) {
      expect(isAllowedRequest(url, dir, 'linux'), url).toBe(false);
    }
  });

  it('compares Windows paths without case', () => {
    const winDir = 'C:\\App\\resources\\app.asar\\dist\\renderer';
    expect(isAllowedRequest('file:///c:/app/RESOURCES/app.asar/dist/renderer/assets/a.css', winDir, 'win32')).toBe(true);
    expect(isAllowedRequest('file:///C:/App/resources/app.asar/dist/electron/main.cjs', winDir, 'win32')).toBe(false);
  });
});
