import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx the structure tests read, as XML text. */
export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  rels: string;
  /** Footer parts by file name (footer1.xml …). */
  parts: Record<string, string>;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${name} missing from the .docx`);
    return strFromU8(file);
  };
  const parts: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    if (/^word\/(footer|header)\d+\.xml$/.test(name)) parts[name.slice('word/'.length)] = text(name);
  }
  return {
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    settings: text('word/settings.xml'),
    rels: text('word/_rels/document.xml.rels'),
    parts,
  };
}

/** Every <w:p> element (not <w:pPr>, <w:pgSz> …). Paragraphs do not nest, so a lazy match is enough. */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? [];
}

export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

export function paragraphWithText(xml: string, text: string): string {
  const found = paragraphs(xml).find((p) => textOf(p).includes(text));
  if (!found) throw new Error(`no paragraph with “${text}”`);
  return found;
}

/** The first element `name` (e.g. 'w:rFonts') in `xml`, with its attributes. */
export function element(xml: string, name: string): Record<string, string> | undefined {
  const match = new RegExp(`<${name}(\\s[^>]*?)?/?>`).exec(xml);
  if (!match) return undefined;
  const attrs: Record<string, string> = {};
  for (const m of (match[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attrs[m[1] ?? ''] = m[2] ?? '';
  return attrs;
}

export function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}(\\s[^>]*?)?/?>`, 'g'))].map((match) => {
    const attrs: Record<string, string> = {};
    for (const m of (match[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) attrs[m[1] ?? ''] = m[2] ?? '';
    return attrs;
  });
}

/** The content of the first <name>…</name> element. */
export function inner(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
}

export function sectionProperties(document: string): string[] {
  return document.match(/<w:sectPr(?:\s[^>]*)?>[\s\S]*?<\/w:sectPr>/g) ?? [];
}

/** The footer part a section references for 'default' (odd), 'even' or 'first' pages. */
export function footerOf(parts: DocxParts, sectPr: string, type: 'default' | 'even' | 'first'): string | undefined {
  const ref = elements(sectPr, 'w:footerReference').find((r) => r['w:type'] === type);
  if (!ref) return undefined;
  const id = ref['r:id'];
  const rel = new RegExp(`<Relationship[^>]*Id="${id}"[^>]*>`).exec(parts.rels)?.[0] ?? '';
  const target = /Target="([^"]+)"/.exec(rel)?.[1];
  return target ? parts.parts[target] : undefined;
}

/** Run properties of the first run whose text includes `text`. */
export function runPropertiesOf(xml: string, text: string): string {
  const run = (xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).find((r) => textOf(r).includes(text));
  if (!run) throw new Error(`no run with “${text}”`);
  return inner(run, 'w:rPr') ?? '';
}
