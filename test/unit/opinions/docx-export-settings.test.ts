import { describe, expect, it } from 'vitest';
import { renderOpinion, type ExportFacts } from '../../../electron/services/opinions/export';
import { opinionDocSettings } from '../../../electron/services/opinions/doc-settings';
import { defaultSettings } from '../../../shared/domain/settings';
import type { DocumentFormat } from '../../../shared/domain/document-settings';
import type { OpinionVersion } from '../../../shared/domain/opinions';
import { docxParts, runs } from './docx-structure';
import { finishedContent } from './fixtures';

/**
 * The 公文格式 settings reach the exported opinion: font names, the red header's size (w:sz, half-points)
 * and scale (w:w), its own text, and the red line's thickness (w:sz of the border, eighths of a point).
 * Numbers are written out from documents-gbt9704.md, never taken from the generator.
 */

const settings = defaultSettings(2024);
const organisation = { ...settings.organisation, fullName: '青岚县人民代表大会常务委员会' };
const version: OpinionVersion = {
  no: 1,
  createdAt: '',
  updatedAt: '',
  reason: '',
  content: finishedContent(),
  council: { date: '2024-10-30', sitting: 12 },
  issue: { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' },
  delivery: null,
};
const facts = (documents?: DocumentFormat): ExportFacts => ({ name: '张明', unitName: '县教育局', organisation, session: 19, ...(documents ? { documents } : {}) });
const format = (over: Partial<DocumentFormat>): DocumentFormat => ({ ...settings.documents, ...over });

async function exported(documents?: DocumentFormat) {
  const { document, styles } = docxParts(new Uint8Array(await renderOpinion(version, facts(documents))));
  return { document, styles, runs: runs(document) };
}

const eastAsiaFonts = (xml: string) => new Set([...xml.matchAll(/<w:rFonts [^>]*w:eastAsia="([^"]+)"/g)].map((m) => m[1]));
const propsOf = (all: { props: string; text: string }[], text: string) => all.find((r) => r.text === text)?.props ?? '';
const redBorders = (document: string) => [...document.matchAll(/<w:bottom ([^>]*)\/>/g)].map((m) => m[1]!).filter((a) => /w:color="FF0000"/.test(a));

describe('the exported opinion follows 设置 → 公文格式', () => {
  it('without them (an old caller) prints the standard fonts, the automatic header and the 1.5 pt red line', async () => {
    const doc = await exported();
    // (宋体 is the page numbers', in the footers.)
    expect([...eastAsiaFonts(doc.document)].sort()).toEqual(['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    expect(redBorders(doc.document).join()).toContain('w:sz="12"');
  });

  it('with the Windows profile every run carries 仿宋, 宋体, 楷体 or 黑体, each in its role', async () => {
    const doc = await exported(format({ fontProfile: 'windows' }));
    const fonts = new Set([...eastAsiaFonts(doc.document), ...eastAsiaFonts(doc.styles)]);
    expect([...fonts].sort()).toEqual(['仿宋', '宋体', '楷体', '黑体'].sort());
    expect(doc.document).not.toMatch(/_GB2312|方正/);
    // Red header and title in 宋体, a （一） heading in 楷体, an 一、 heading in 黑体, the body's default 仿宋.
    expect(propsOf(doc.runs, '青岚县人民代表大会常务委员会文件')).toMatch(/w:eastAsia="宋体"/);
    expect(doc.runs.find((r) => r.text.startsWith('关于对张明同志'))?.props).toMatch(/w:eastAsia="宋体"/);
    expect(propsOf(doc.runs, '（一）服务意识有待增强。')).toMatch(/w:eastAsia="楷体"/);
    expect(doc.runs.find((r) => r.text.startsWith('一、'))?.props).toMatch(/w:eastAsia="黑体"/);
    expect(doc.styles).toMatch(/w:eastAsia="仿宋"/);
    // The hint and the language stay with every Chinese run.
    expect(propsOf(doc.runs, '青岚县人民代表大会常务委员会文件')).toMatch(/w:hint="eastAsia"/);
    expect(propsOf(doc.runs, '青岚县人民代表大会常务委员会文件')).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('prints the own header text at its size and scale and the red line at its thickness', async () => {
    const doc = await exported(format({ organHeader: { text: '青岚县人大常委会文件', sizePt: 42, scalePercent: 90 }, redLineSize: 20 }));
    const header = propsOf(doc.runs, '青岚县人大常委会文件');
    expect(header).toMatch(/<w:sz w:val="84"\/>/);
    expect(header).toMatch(/<w:w w:val="90"\/>/);
    expect(header).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(doc.runs.some((r) => r.text === '青岚县人民代表大会常务委员会文件')).toBe(false);
    const borders = redBorders(doc.document);
    expect(borders).toHaveLength(1);
    expect(borders[0]).toMatch(/w:sz="20"/);
  });

  it('an automatic size with a given scale keeps 36 pt; a given size with an automatic scale fits about 150 mm', async () => {
    const scaled = await exported(format({ organHeader: { text: null, sizePt: null, scalePercent: 75 } }));
    expect(propsOf(scaled.runs, '青岚县人民代表大会常务委员会文件')).toMatch(/<w:sz w:val="72"\/>/);
    expect(propsOf(scaled.runs, '青岚县人民代表大会常务委员会文件')).toMatch(/<w:w w:val="75"\/>/);
    const sized = await exported(format({ organHeader: { text: null, sizePt: 40, scalePercent: null } }));
    const props = propsOf(sized.runs, '青岚县人民代表大会常务委员会文件');
    expect(props).toMatch(/<w:sz w:val="80"\/>/);
    // 16 characters of 40 pt are 225.8 mm wide; 150 mm of them is a scale of 66 %.
    expect(props).toMatch(/<w:w w:val="66"\/>/);
  });

  it('opinionDocSettings takes the organisation and the 公文格式 of the app settings', () => {
    const s = opinionDocSettings(organisation, format({ fontProfile: 'windows', redLineSize: 8 }));
    expect(s).toMatchObject({ fontProfile: 'windows', redLineSize: 8, organHeader: { text: '青岚县人民代表大会常务委员会文件' }, copyTo: organisation.copyTo });
  });
});
