import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP_PAGES, helpImages } from '../../../renderer/src/desk/help/pages';

/*
 * 帮助's pages as data: a page per task, each with words of its own, every image it names on disk
 * (written by test/e2e/help-screens.spec.ts) and kept small, and the office's words for the three votes.
 */

const IMAGES = join(__dirname, '../../../renderer/src/desk/help/images');
const TASKS = ['准备会议', '会议当天', '计票', '评议意见', '整改跟踪', '导入导出', '备份与恢复'];

const textOf = (page: (typeof HELP_PAGES)[number]) =>
  page.blocks.map((b) => (b.kind === 'steps' ? b.items.join('') : 'text' in b ? b.text : b.kind === 'image' ? b.alt : '')).join('');

describe('help pages', () => {
  it('has a page per task, in the order the office works', () => {
    expect(HELP_PAGES.map((p) => p.title)).toEqual(TASKS);
    expect(new Set(HELP_PAGES.map((p) => p.id)).size).toBe(HELP_PAGES.length);
    for (const p of HELP_PAGES) expect(p.id).toMatch(/^[a-z-]+$/);
  });

  it('gives every page a summary and text of its own', () => {
    for (const p of HELP_PAGES) {
      expect(p.summary.trim(), p.title).not.toBe('');
      expect(textOf(p).length, p.title).toBeGreaterThan(150);
      for (const b of p.blocks) {
        if (b.kind === 'steps') expect(b.items.length, p.title).toBeGreaterThan(0);
        if ('text' in b) expect(b.text.trim(), p.title).not.toBe('');
      }
    }
  });

  it('names images that exist on disk, small enough for the build', () => {
    const files = helpImages();
    expect(files.length).toBeGreaterThanOrEqual(HELP_PAGES.length);
    for (const p of HELP_PAGES) expect(p.blocks.some((b) => b.kind === 'image'), `${p.title} has a picture`).toBe(true);
    for (const file of files) {
      expect(file).toMatch(/^[a-z0-9-]+\.png$/);
      const path = join(IMAGES, file);
      expect(existsSync(path), `${file} (run test/e2e/help-screens.spec.ts to write it)`).toBe(true);
      expect(statSync(path).size, file).toBeLessThan(250 * 1024);
    }
    // Nothing on disk that no page shows (an image left behind would ship for nothing).
    expect(readdirSync(IMAGES).filter((f) => f.endsWith('.png')).sort()).toEqual([...files].sort());
  });

  it('uses the office words for the three votes and names no county', () => {
    const all = HELP_PAGES.map(textOf).join('');
    for (const word of ['民主测评', '满意度测评', '整改情况测评', '回头看']) expect(all).toContain(word);
    expect(all).not.toMatch(/[\u4e00-\u9fff]{1,4}县(?!人大|人民|委|政府)/);
  });

  it('lists the keys and offers the 操作卡 on the 会议当天 page', () => {
    const day = HELP_PAGES.find((p) => p.title === '会议当天')!;
    expect(day.blocks.some((b) => b.kind === 'keys')).toBe(true);
    expect(day.blocks.some((b) => b.kind === 'operation-card')).toBe(true);
  });
});
