import { strFromU8, unzipSync } from 'fflate';

/**
 * Structure check of an exported 评议意见 (.docx), shared by the unit tests and the e2e test. The
 * numbers are copied from the layout section of electron/services/documents/README.md on purpose, never imported from the
 * generator: a change to the generator's constants must show up here as a failure.
 */

export interface OpinionExpectations {
  /** 青岚县人民代表大会常务委员会文件 */
  header: string;
  /** X人常〔2024〕5号 */
  docNumber: string;
  /** 关于对张明同志履职情况的评议意见 */
  title: string;
  /** The evaluatee's unit, expected in the 抄送 line. */
  copyToIncludes?: string[];
  issueDateCn?: string;
}

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  footers: string[];
}

export function docxParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`${name} missing from the .docx`);
    return strFromU8(f);
  };
  return {
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    settings: text('word/settings.xml'),
    footers: Object.keys(files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(text),
  };
}

/** Attributes of the first element `name` in `xml` (order-independent). */
export function attrs(xml: string, name: string): Record<string, string> | null {
  const m = new RegExp(`<${name}(\\s[^>]*)?/?>`).exec(xml);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) out[a[1]!] = a[2]!;
  return out;
}

/** Runs (w:r) with their properties and text; the word joiner the title uses to glue a name is dropped. */
export function runs(xml: string): { props: string; text: string }[] {
  return [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?(.*?)<\/w:r>/g)].map((m) => ({
    props: m[1] ?? '',
    text: [...(m[2] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').replaceAll('\u2060', ''),
  }));
}

const has = (props: string, fragment: RegExp) => fragment.test(props);

export function checkOpinionStructure(bytes: Uint8Array, want: OpinionExpectations): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => ok || problems.push(what);
  const { document, styles, settings, footers } = docxParts(bytes);

  const pgSz = attrs(document, 'w:pgSz');
  expect(pgSz?.['w:w'] === '11906' && pgSz['w:h'] === '16838', `page size ${JSON.stringify(pgSz)}, want 11906×16838`);
  const pgMar = attrs(document, 'w:pgMar');
  expect(
    pgMar?.['w:top'] === '2098' && pgMar['w:left'] === '1588' && pgMar['w:bottom'] === '1984' && pgMar['w:right'] === '1474',
    `margins ${JSON.stringify(pgMar)}, want top 2098 left 1588 bottom 1984 right 1474`,
  );
  expect(pgMar?.['w:footer'] === '1432', `footer distance ${pgMar?.['w:footer']}, want 1432`);
  const grid = attrs(document, 'w:docGrid');
  expect(grid?.['w:type'] === 'lines' && grid['w:linePitch'] === '579' && grid['w:charSpace'] === undefined, `docGrid ${JSON.stringify(grid)}, want lines 579 without charSpace`);

  const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>(.*?)<\/w:style>/.exec(styles)?.[1] ?? '';
  expect(normal !== '', 'Normal style not overridden');
  expect(/<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"/.test(normal), 'Normal: exact line spacing 579 missing');
  expect(/<w:widowControl w:val="false"\/>/.test(normal), 'Normal: widow control not off');
  expect(/<w:spacing w:val="-5"\/>/.test(normal) && /<w:sz w:val="32"\/>/.test(normal), 'Normal: 16 pt with −0.25 pt character spacing missing');
  expect(/w:eastAsia="仿宋(_GB2312)?"/.test(normal) && /w:hint="eastAsia"/.test(normal), 'Normal: 仿宋 eastAsia font with hint missing');
  expect(/<w:evenAndOddHeaders\/>/.test(settings), 'settings: evenAndOddHeaders missing');

  const all = runs(document);
  const header = all.find((r) => r.text === want.header);
  expect(!!header && has(header.props, /<w:color w:val="FF0000"\/>/), `red header “${want.header}” missing`);
  expect(!!header && has(header.props, /w:eastAsia="(方正小标宋简体|宋体)"/), 'header: 小标宋 font missing');
  const number = all.find((r) => r.text === want.docNumber);
  expect(!!number, `document number “${want.docNumber}” missing`);
  // The red line is the bottom border of the number's paragraph, as wide as the type area.
  const numberPara = new RegExp(`<w:p>(?:(?!</w:p>).)*${escape(want.docNumber)}`).exec(document)?.[0] ?? '';
  expect(/<w:bottom w:val="single" w:color="FF0000"[^>]*w:sz="12"/.test(numberPara), 'red separator line (1.5 pt) under the number missing');
  const titleText = all.filter((r) => has(r.props, /<w:sz w:val="44"\/>/)).map((r) => r.text).join('');
  expect(titleText === want.title, `title “${titleText}”, want “${want.title}” in 22 pt`);
  const titleRun = all.find((r) => has(r.props, /<w:sz w:val="44"\/>/));
  expect(!!titleRun && has(titleRun.props, /w:eastAsia="(方正小标宋简体|宋体)"/), 'title: 小标宋 font missing');

  for (const heading of ['一、基本评价', '二、存在的问题', '三、意见和建议', '四、整改要求']) {
    const run = all.find((r) => r.text === heading);
    expect(!!run && has(run.props, /w:eastAsia="黑体"/), `heading “${heading}” in 黑体 missing`);
  }

  const copyTo = all.find((r) => r.text.startsWith('抄送：'));
  expect(!!copyTo && copyTo.text.endsWith('。') && has(copyTo.props, /<w:sz w:val="28"\/>/), '版记: 抄送 line (14 pt, ending with 。) missing');
  for (const unit of want.copyToIncludes ?? []) expect(!!copyTo?.text.includes(unit), `版记: ${unit} not copied to`);
  if (want.issueDateCn) expect(all.some((r) => r.text === `${want.issueDateCn}印发`), `版记: “${want.issueDateCn}印发” missing`);
  expect(/w:sz="8"/.test(document) && /w:sz="6"/.test(document), '版记: separator lines (w:sz 8 and 6) missing');

  const footerText = footers.map((f) => runs(f).map((r) => r.text).join('') + (/PAGE/.test(f) ? '#' : ''));
  expect(footerText.filter((t) => t.startsWith('— ') && t.includes(' —') && t.includes('#')).length >= 2, `footers “— PAGE —” (odd and even) missing: ${JSON.stringify(footerText)}`);
  return problems;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
