import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, Image } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIcons, encodeIco, FAVICON, ICO_SIZES, ICON_SOURCE, PNG_SIZES } from '../../../build/scripts/build-icons.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pingyi-icons-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('build-icons', () => {
  const out = path.join(tmp, 'dist');
  const built = buildIcons({ source: path.join(root, ICON_SOURCE), outDir: out });

  it('renders every PNG size from the SVG, square and not blank', () => {
    for (const size of PNG_SIZES) {
      const png = readFileSync(path.join(built.pngDir, `${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
    // The 16 px icon must still read as the red emblem: opaque and warm inside, clear at the corner.
    const image = new Image();
    image.src = readFileSync(path.join(built.pngDir, '16x16.png'));
    const ctx = createCanvas(16, 16).getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, 16, 16).data;
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 4));
    expect(at(0, 0)[3]).toBeLessThan(128);
    let opaqueWarm = 0;
    for (let y = 2; y < 14; y++) {
      for (let x = 2; x < 14; x++) {
        const [r, , b, a] = at(x, y) as [number, number, number, number];
        if (a > 250 && r > 150 && r > b + 60) opaqueWarm++;
      }
    }
    expect(opaqueWarm).toBeGreaterThan(100);
  });

  it('writes an .ico whose directory lists 16…256 px PNG entries pointing inside the file', () => {
    const ico = readFileSync(built.ico);
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + 16 * i;
      expect(ico.readUInt8(entry) || 256).toBe(size);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
    });
  });

  it('refuses an entry the format cannot hold', () => {
    expect(() => encodeIco([{ size: 512, png: Buffer.from('x') }])).toThrow(/1–256/);
  });

  it('fails with a message naming the missing source and how to restore it', () => {
    expect(() => buildIcons({ source: path.join(tmp, 'nowhere', 'icon.svg'), outDir: path.join(tmp, 'x') })).toThrow(/icon.*missing.*git checkout/);
  });

  it('keeps the browser-mode favicon the same drawing as the app icon', () => {
    expect(readFileSync(path.join(root, FAVICON)).equals(readFileSync(path.join(root, ICON_SOURCE)))).toBe(true);
  });
});
