import { textOf } from '../documents/docx-xml';

/**
 * The tables of a document.xml as text: tables → rows → cell texts, in document order. Tables do
 * not nest in the generated forms, so a lazy match per element is enough.
 */
export function tablesOf(documentXml: string): string[][][] {
  const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  return tables.map((t) => (t.match(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g) ?? []).map((row) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => textOf(c).trim())));
}

/** The rows of a table as records keyed by the header row's labels (the first row holding `key`). */
export function rowsByHeader(table: string[][], key: string): Record<string, string>[] {
  const at = table.findIndex((row) => row.includes(key));
  if (at < 0) throw new Error(`no header row with “${key}”: ${JSON.stringify(table.slice(0, 2))}`);
  const header = table[at]!;
  return table.slice(at + 1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}
