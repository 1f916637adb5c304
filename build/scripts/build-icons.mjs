#!/usr/bin/env node
// Renders the app icon from its vector source into every raster the installers and windows need.
//
//   node build/scripts/build-icons.mjs [--out DIR]      (npm run build:icons; DIR defaults to dist)
//
// build/icon.svg is the one drawing. Written, never committed:
//   DIR/icons/png/<n>x<n>.png  16…512 and 1024 — the Linux icon set (electron-builder wants the size
//                              in each file name) and the windows' own icon (256)
//   DIR/icons/icon.ico         16…256 in one file, each entry a PNG (Windows Vista and later read them)
// @napi-rs/canvas draws the SVG straight at each size, so small sizes are rendered, not shrunk.
// The browser-mode favicon is renderer/public/favicon.svg, a copy of the source checked here.
import { createCanvas, Image } from '@napi-rs/canvas';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule, parseOut } from './cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const ICON_SOURCE = 'build/icon.svg';
export const FAVICON = 'renderer/public/favicon.svg';
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows shows 16–256; a larger entry would only make the file bigger. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/**
 * An .ico holding PNG images: a 6-byte header, one 16-byte directory entry per image, then the
 * images. A width or height of 256 is written as 0, as the format requires.
 */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`an .ico entry must be 1–256 px, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** The source as an image, or an error that names the file and says what to do. */
export function loadIconSource(file) {
  if (!existsSync(file)) {
    throw new Error(`build-icons: the app icon's source ${path.relative(root, file) || file} is missing; restore it from git (git checkout -- ${ICON_SOURCE}) — the installers and windows need it`);
  }
  const image = new Image();
  image.src = readFileSync(file);
  if (!image.width || !image.height) throw new Error(`build-icons: ${path.relative(root, file) || file} is not a drawable SVG (no width/height after loading)`);
  return image;
}

export function renderPng(image, size) {
  const canvas = createCanvas(size, size);
  canvas.getContext('2d').drawImage(image, 0, 0, size, size);
  return canvas.toBuffer('image/png');
}

export function buildIcons({ source, outDir }) {
  const image = loadIconSource(source);
  const pngDir = path.join(outDir, 'icons', 'png');
  mkdirSync(pngDir, { recursive: true });
  const rendered = new Map();
  for (const size of PNG_SIZES) {
    const png = renderPng(image, size);
    rendered.set(size, png);
    writeFileSync(path.join(pngDir, `${size}x${size}.png`), png);
  }
  const ico = encodeIco(ICO_SIZES.map((size) => ({ size, png: rendered.get(size) })));
  writeFileSync(path.join(outDir, 'icons', 'icon.ico'), ico);
  return { pngDir, ico: path.join(outDir, 'icons', 'icon.ico') };
}

if (isMainModule(import.meta.url)) {
  try {
    const source = path.join(root, ICON_SOURCE);
    const { pngDir, ico } = buildIcons({ source, outDir: parseOut(process.argv.slice(2), root) });
    // One drawing: the favicon must not drift from the app icon.
    const favicon = path.join(root, FAVICON);
    if (!existsSync(favicon) || !readFileSync(favicon).equals(readFileSync(source))) {
      throw new Error(`build-icons: ${FAVICON} differs from ${ICON_SOURCE}; copy it over (cp ${ICON_SOURCE} ${FAVICON})`);
    }
    const shown = (p) => (path.relative(root, p).startsWith('..') ? p : path.relative(root, p));
    console.log(`build-icons: ${ICON_SOURCE} → ${shown(pngDir)} (${PNG_SIZES.join(', ')} px), ${shown(ico)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
