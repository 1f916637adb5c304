import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAnnualPlanDocument,
  buildPlanRequestDocument,
  buildPublicNoticeDocument,
  documentSettingsSchema,
  planDocument,
  renderOfficialDocument,
  type DocumentSettings,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { convertToPdf, findExecutable, linesOf, pdfWords, renderingUnavailable, writeFontConfig, type Word } from './libreoffice';
import { imprintTextOf, pdfPageLines, planPageEnds, sameEnd } from './page-ends';
import { PARTY_GROUP, sampleAnnualPlan, sampleNotice, sampleRequest } from './plan-paper-fixtures';

/*
 * The plan's papers as LibreOffice lays them out: the estimate has LibreOffice's pages, each ending on the same line
 * (the signature and 附注 never alone on a page, the attachment from a new page, the 版记 on an even page), and the
 * 请示's number and 签发人 share one line.
 */

const unavailable = renderingUnavailable() ?? (findExecutable('pdftoppm') ? null : 'pdftoppm (poppler-utils) is not installed');
if (unavailable) console.log(`[documents] rendered plan-paper tests skipped: ${unavailable}`);

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: `${PARTY_GROUP}文件` } });
const squeeze = (text: string) => text.replace(/\s/g, '');

/** A term with 32 planned over four years (one year empty): the attachment runs over two pages. */
function longRequest(): OfficialDocInput {
  const categories = ['政府组成部门负责人', '员额法官', '员额检察官'];
  return buildPlanRequestDocument(
    sampleRequest({
      years: sampleRequest().years.map((y, i) => ({
        ...y,
        persons: Array.from({ length: i === 2 ? 0 : 6 + i }, (_, k) => ({ name: `韩${'一二三四五六七八九十'[k]}${'甲乙丙丁戊'[i]}`, category: categories[k % 3]!, unitAndPost: `青岚县人民法院第${k + 1}审判庭庭长` })),
      })),
    }),
  );
}

describe.skipIf(unavailable !== null)('plan papers rendered by LibreOffice', () => {
  type Name = 'request' | 'shortRequest' | 'annual' | 'notice';
  let dir = '';
  const docs = {} as Record<Name, OfficialDocInput>;
  const rendered = {} as Record<Name, Word[][]>;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-plan-papers-'));
    const fontConfig = await writeFontConfig(dir);
    docs.request = longRequest();
    docs.shortRequest = buildPlanRequestDocument(sampleRequest());
    docs.annual = buildAnnualPlanDocument(sampleAnnualPlan());
    docs.notice = buildPublicNoticeDocument(sampleNotice());
    // One LibreOffice at a time: the machine is shared.
    for (const name of Object.keys(docs) as Name[]) {
      const file = join(dir, `${name}.docx`);
      await fsp.writeFile(file, await renderOfficialDocument(docs[name], settings));
      rendered[name] = await pdfWords(await convertToPdf(file, fontConfig));
    }
  }, 300_000);

  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  for (const name of ['request', 'shortRequest', 'annual', 'notice'] as const) {
    it(`${name}: the estimate has LibreOffice’s pages, each ending on the same line`, () => {
      const doc = docs[name];
      const estimated = planPageEnds(planDocument(doc, settings));
      const pages = pdfPageLines(rendered[name], doc.kind === '公文' ? imprintTextOf(doc, settings) : []);
      expect(estimated.length).toBe(pages.length);
      const differ = estimated.flatMap((end, i) => (sameEnd(end, pages[i] ?? []) ? [] : [`page ${i + 1}: estimated ${end}, rendered ${pages[i]?.at(-1)}`]));
      expect(differ).toEqual([]);
    });
  }

  it('请示: number and 签发人 on one line, the 附注 on the page of the signature, the attachment on a page of its own, an even page count', () => {
    const pages = rendered.request.map((page) => linesOf(page).map((l) => squeeze(l.text)));
    expect(pages[0]).toContain('青人常党〔2026〕3号签发人：周明远');
    const signed = pages.findIndex((lines) => lines.includes(PARTY_GROUP));
    expect(signed).toBeGreaterThan(0);
    expect(pages[signed]).toContain('（联系人：林晓，电话：0000-1234567）');
    // The signature's page holds body text too.
    expect(pages[signed]?.some((l) => l.includes('妥否，请批示。') || l.startsWith('附件：'))).toBe(true);
    expect(pages[signed + 1]?.[0]).toBe('附件');
    expect(rendered.request.length % 2).toBe(0);
  });
});
