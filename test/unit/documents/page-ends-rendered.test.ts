import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnouncementDocument, documentSettingsSchema, renderAnnouncementCharts, renderOfficialDocument, type DocumentSettings, type OfficialDocInput } from '../../../electron/services/documents';
import { planDocument } from '../../../electron/services/documents/render';
import { layoutPreview } from '../../../renderer/src/desk/opinions/preview-layout';
import { convertToPdf, pdfWords, renderingUnavailable, writeFontConfig, type Word } from './libreoffice';
import { imprintTextOf, opinionPair, pdfPageEnds, pdfPageLines, planPageEnds, previewPageEnds, sameEnd } from './page-ends';
import { longOpinion, numberedOpinion, shortOpinion, signatureAtPageEnd } from './page-fixtures';
import { sampleAnnouncement } from './paper-fixtures';

/*
 * One line-breaker: the A4 preview, the generator's page estimate and LibreOffice break the same fixtures into the
 * same pages, each ending on the same line.
 */

const unavailable = renderingUnavailable();
if (unavailable) console.log(`[documents] rendered page-end tests skipped: ${unavailable}`);

type Opinion = 'short' | 'long' | 'numbered' | 'signature';
type Name = Opinion | 'tables';

describe.skipIf(unavailable !== null)('page ends of the preview, the estimate and LibreOffice', () => {
  let dir = '';
  const rendered = {} as Record<Name, Word[][]>;
  const opinions = {} as Record<Opinion, ReturnType<typeof opinionPair>>;
  let tables: { doc: OfficialDocInput; settings: DocumentSettings; imprintText: string[] };

  beforeAll(async () => {
    dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-page-ends-'));
    const fontConfig = await writeFontConfig(dir);
    opinions.short = opinionPair(shortOpinion());
    opinions.long = opinionPair(longOpinion(), 23);
    opinions.numbered = opinionPair(numberedOpinion());
    opinions.signature = opinionPair(signatureAtPageEnd().content);
    const announcement = sampleAnnouncement();
    const settings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });
    const doc = buildAnnouncementDocument({ ...announcement, charts: await renderAnnouncementCharts(announcement) });
    tables = { doc, settings, imprintText: imprintTextOf(doc, settings) };
    const cases: Record<Name, { doc: OfficialDocInput; settings: DocumentSettings }> = { ...opinions, tables };
    await Promise.all(
      (Object.keys(cases) as Name[]).map(async (name) => {
        const file = join(dir, `${name}.docx`);
        await fsp.writeFile(file, await renderOfficialDocument(cases[name].doc, cases[name].settings));
        rendered[name] = await pdfWords(await convertToPdf(file, fontConfig));
      }),
    );
  }, 240_000);

  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  for (const name of ['short', 'long', 'numbered', 'signature'] as const) {
    it(`${name}: the preview has LibreOffice's pages, each ending on the same line`, () => {
      const { preview, imprintText } = opinions[name];
      const layout = layoutPreview(preview);
      const pdf = pdfPageEnds(rendered[name], imprintText);
      expect(previewPageEnds(layout)).toEqual(pdf);
    });
  }

  it('tables: the generator’s estimate has LibreOffice’s pages, each ending on the same line or row', () => {
    const plan = planDocument(tables.doc, tables.settings);
    const estimated = planPageEnds(plan);
    const pages = pdfPageLines(rendered.tables, tables.imprintText);
    expect(estimated.length).toBe(pages.length);
    const differ = estimated.flatMap((end, i) => (sameEnd(end, pages[i] ?? []) ? [] : [`page ${i + 1}: estimated ${end}, rendered ${pages[i]?.at(-1)}`]));
    expect(differ).toEqual([]);
  });

  it('an opinion whose body ends on the last line of a page keeps its 署名 with body lines', () => {
    const { preview, imprintText } = opinions.signature;
    const pages = pdfPageLines(rendered.signature, imprintText);
    const organ = pages.findIndex((lines) => lines.includes('青岚县人民代表大会常务委员会'));
    expect(organ).toBeGreaterThan(0);
    const lines = pages[organ] ?? [];
    const organAt = lines.indexOf('青岚县人民代表大会常务委员会');
    // Body text above the organ on its page: at least one line (two are carried).
    expect(organAt).toBeGreaterThanOrEqual(1);
    expect(lines[organAt + 1]).toBe('2024年10月30日');
    // The page before ends two lines short, as the preview shows it.
    const previous = layoutPreview(preview).pages[organ - 1];
    expect(Math.max(...(previous?.lines.filter((l) => l.text !== '').map((l) => l.line) ?? []))).toBe(19);
  });
});
