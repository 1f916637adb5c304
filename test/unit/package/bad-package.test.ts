import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackage } from '../../../electron/services/package/meeting-package';
import { sha256 } from '../../../electron/services/package/container';
import { STORE_SCHEMA_VERSION } from '../../../electron/services/store';
import { cleanup, host, type Host } from './helpers';

let desk: Host;
let good: Uint8Array;
beforeAll(async () => {
  desk = await host('pingyi-bad-');
  const meeting = (await desk.call('meetings.list', {})).find((m) => m.status === 'planned')!;
  good = desk.take((await desk.call('package.export', { meetingId: meeting.id })).delivery).bytes;
});
afterAll(cleanup);

/** The good package with its entries changed by `edit` and zipped again (the manifest as given). */
function tampered(edit: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(good);
  edit(entries);
  return zipSync(entries);
}
const manifestOf = (e: Record<string, Uint8Array>) => JSON.parse(strFromU8(e['manifest.json']!)) as Record<string, unknown> & { files: { path: string; sha256: string; size: number }[] };
const refusal = (bytes: Uint8Array, name = '十月会议.pingyi') => {
  try {
    openPackage(bytes, name);
  } catch (err) {
    return (err as { code?: string; message: string }).code + ' ' + (err as Error).message;
  }
  throw new Error('not refused');
};

describe('a meeting package that is not what it claims is refused, naming what failed', () => {
  it('opens the package as made', () => {
    const opened = openPackage(good, 'ok.pingyi');
    expect(opened.manifest).toMatchObject({ format: 'pingyi-package', kind: 'meeting', schemaVersion: STORE_SCHEMA_VERSION, appVersion: 'test' });
    expect(opened.manifest.files.map((f) => f.path).sort()).toEqual(['core.json', 'evaluations.json', 'meeting.json']);
    expect(opened.manifest.folderId).toMatch(/^df_[0-9a-f]{24}$/);
    expect(opened.manifest.machine).not.toBe('');
  });

  it('an empty file, and a file renamed from something that is no zip', () => {
    expect(refusal(new Uint8Array())).toContain('是空文件');
    expect(refusal(strToU8('%PDF-1.7 会议材料'), '会议材料.pingyi')).toBe('invalid_args 文件“会议材料.pingyi”不是会议包（不是压缩包格式），可能是由其他文件改名而来。');
  });

  it('another zip renamed (a Word file): no manifest', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect(refusal(docx, '评议意见.pingyi')).toContain('其中没有清单文件 manifest.json');
  });

  it('a file cut short (half of it, or the last bytes missing)', () => {
    expect(refusal(good.slice(0, Math.floor(good.length / 2)))).toContain('不完整');
    expect(refusal(good.slice(0, good.length - 10))).toContain('不完整');
  });

  it('a data file edited by hand: the checksum of that file fails and the message names it', () => {
    const bytes = tampered((e) => {
      e['core.json'] = strToU8(strFromU8(e['core.json']!).replace('"members":[', '"members":[ '));
    });
    expect(refusal(bytes)).toBe('invalid_args 会议包“十月会议.pingyi”中的文件“core.json”校验值不符（已损坏或被手工修改），不能导入。');
  });

  it('a file missing from the package, or one added that the manifest does not list', () => {
    expect(refusal(tampered((e) => delete e['evaluations.json']))).toContain('缺少清单中列出的文件“evaluations.json”');
    expect(refusal(tampered((e) => (e['extra.json'] = strToU8('{}'))))).toContain('清单未列出的文件“extra.json”');
  });

  it('a package from a newer (or older) data version', () => {
    const newer = tampered((e) => (e['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(e), schemaVersion: STORE_SCHEMA_VERSION + 1 }))));
    expect(refusal(newer)).toContain(`较新版本的程序生成（数据版本 ${STORE_SCHEMA_VERSION + 1}，本机只支持到 ${STORE_SCHEMA_VERSION}）`);
    const older = tampered((e) => (e['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(e), schemaVersion: STORE_SCHEMA_VERSION - 1 }))));
    expect(refusal(older)).toContain('较旧版本的程序生成');
  });

  it('a manifest edited by hand: not JSON, another format, a field of the wrong kind', () => {
    expect(refusal(tampered((e) => (e['manifest.json'] = strToU8('{"format": "pingyi-package",'))))).toContain('不是有效的 JSON');
    expect(refusal(tampered((e) => (e['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(e), format: 'pingyi-archive' })))))).toContain('格式为“pingyi-archive”');
    expect(refusal(tampered((e) => (e['manifest.json'] = strToU8(JSON.stringify({ ...manifestOf(e), packageId: 'x' })))))).toContain('清单 manifest.json 不符合格式（packageId');
  });

  it('contents rewritten with matching checksums but not valid data: the file is named', () => {
    const bytes = tampered((e) => {
      const core = strToU8(JSON.stringify({ members: 5 }));
      e['core.json'] = core;
      const m = manifestOf(e);
      m.files = m.files.map((f) => (f.path === 'core.json' ? { path: f.path, sha256: sha256(core), size: core.length } : f));
      e['manifest.json'] = strToU8(JSON.stringify(m));
    });
    expect(refusal(bytes)).toContain('中的文件“core.json”内容无效');
  });
});
