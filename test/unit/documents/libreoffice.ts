import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Rendering a .docx the way a reader sees it: LibreOffice headless → PDF, then poppler's pdftotext for the
 * positions of the words. Optional tooling: the tests skip with a printed reason when it is missing.
 */

const run = promisify(execFile);

export function findExecutable(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** Why the rendered tests cannot run here, or null. */
export function renderingUnavailable(): string | null {
  if (!findExecutable('soffice')) return 'soffice (LibreOffice) is not installed';
  if (!findExecutable('pdftotext')) return 'pdftotext (poppler-utils) is not installed';
  return null;
}

/** The fonts the documents name, none of which a Linux machine has, mapped to Noto CJK for the previews. */
const ALIASES: [string, string][] = [
  ['仿宋_GB2312', 'Noto Serif CJK SC'],
  ['仿宋', 'Noto Serif CJK SC'],
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['楷体_GB2312', 'Noto Serif CJK SC'],
  ['楷体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
];

/** A fontconfig file that includes the system configuration and adds the aliases. */
export async function writeFontConfig(dir: string): Promise<string> {
  const aliases = ALIASES.map(
    ([family, target]) => `  <alias binding="same"><family>${family}</family><prefer><family>${target}</family></prefer></alias>`,
  ).join('\n');
  const file = join(dir, 'fonts.conf');
  await fsp.writeFile(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases}\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Converts one .docx to PDF with a profile folder of its own (two LibreOffice processes sharing a profile block
 * each other), so conversions can run in parallel. Blank pages are exported: the one a section starting on an even
 * page inserts is printed too.
 */
export async function convertToPdf(docx: string, fontConfig: string): Promise<string> {
  const dir = await fsp.mkdtemp(`${docx}.lo-`);
  const profile = join(dir, 'profile');
  const filter = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', dir, docx], {
    env: { ...process.env, FONTCONFIG_FILE: fontConfig },
    timeout: 120_000,
  });
  return join(dir, basename(docx).replace(/\.docx$/, '.pdf'));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Line {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Words of every page, in points from the top left, from `pdftotext -bbox`. */
export async function pdfWords(pdf: string): Promise<Word[][]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5] ?? '',
      })),
    );
}

/** Words grouped into lines by their baseline box, left to right. */
export function linesOf(words: Word[]): Line[] {
  const rows = new Map<number, Word[]>();
  for (const word of words) {
    const key = Math.round(word.yMax);
    const row = rows.get(key) ?? rows.get(key - 1) ?? rows.get(key + 1);
    if (row) row.push(word);
    else rows.set(key, [word]);
  }
  return [...rows.values()]
    .map((row) => row.sort((a, b) => a.xMin - b.xMin))
    .map((row) => ({
      text: row.map((w) => w.text).join(''),
      xMin: Math.min(...row.map((w) => w.xMin)),
      xMax: Math.max(...row.map((w) => w.xMax)),
      yMin: Math.min(...row.map((w) => w.yMin)),
      yMax: Math.max(...row.map((w) => w.yMax)),
    }))
    .sort((a, b) => a.yMax - b.yMax);
}

export const PT_PER_MM = 72 / 25.4;
