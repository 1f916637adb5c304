import { describe, expect, it } from 'vitest';
import { headerMetrics, layoutPreview, type PreviewInput } from '../../../renderer/src/desk/opinions/preview-layout';
import { breakLines } from '../../../shared/documents/line-break';
import { breakTitle } from '../../../shared/documents/title-lines';
import { printedBody } from '../../../shared/domain/opinions';
import { defaultSettings } from '../../../shared/domain/settings';
import { buildOpinionDocument } from '../../../electron/services/documents';
import { planDocument } from '../../../electron/services/documents/render';
import { opinionInput } from '../../../electron/services/opinions/export';
import { opinionDocSettings } from '../../../electron/services/opinions/doc-settings';
import { syntheticDraft } from './synthetic-draft';

const BASE: PreviewInput = {
  header: '青岚县人民代表大会常务委员会文件',
  docNumber: '青人常〔2024〕5号',
  numberPending: false,
  title: '关于对张明同志履职情况的评议意见',
  titleNote: null,
  addressee: '张明同志：',
  body: [],
  signature: { organ: '青岚县人大常委会', date: '2024年10月28日' },
  imprint: { copyTo: '', office: '办公室', issued: '2024年10月30日印发' },
};

describe('the preview’s lines on the 22 × 28 grid', () => {
  it('breaks body lines and titles with the generator’s code and sizes the red header as the generator does', () => {
    const content = syntheticDraft('张明', 4, 900);
    const layout = layoutPreview({ ...BASE, body: printedBody(content) });
    const body = printedBody(content);
    const first = body[0];
    const lines = layout.pages.flatMap((p) => p.lines).map((l) => l.text);
    if (first) {
      const broken = breakLines(first.text + (first.runIn ?? ''), { firstLine: 640 });
      expect(lines.slice(2, 2 + broken.length)).toEqual(broken);
    }
    expect(layout.pages[0]?.head?.titleLines).toEqual(breakTitle(BASE.title, { size: 44, spacing: -5, width: 8844 }));
    expect(headerMetrics('青岚县人民代表大会常务委员会文件')).toEqual({ lines: 5, sizePt: 36, scale: 74 });
  });

  it('takes the header size and scale chosen in 设置 → 公文格式, so the number and title move with it', () => {
    // 72 pt: glyph 1440 twips, line 1728; space before 1984 − (1728 − 1584) = 1840; (1840 + 1728) / 579 → 7 lines.
    expect(headerMetrics('青岚县人大常委会文件', 72, 60)).toEqual({ lines: 7, sizePt: 72, scale: 60 });
    const base = { ...BASE, header: '青岚县人大常委会文件' };
    const auto = layoutPreview(base).pages[0]?.head;
    const big = layoutPreview({ ...base, headerSizePt: 72, headerScalePercent: 60 }).pages[0]?.head;
    expect(big?.numberLine).toBe(9);
    expect(big?.numberLine).toBeGreaterThan(auto?.numberLine ?? 99);
  });
});

function input(seed: number, chars: number): { preview: PreviewInput; generatorPages: number } {
  const content = syntheticDraft('张明', seed, chars);
  const org = { ...defaultSettings(2024).organisation, fullName: '青岚县人民代表大会常务委员会' };
  const version = {
    no: 1,
    createdAt: '',
    updatedAt: '',
    reason: '',
    content,
    council: { date: '2024-10-30', sitting: null },
    issue: { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' },
    delivery: null,
  };
  const plan = planDocument(buildOpinionDocument(opinionInput(version, { name: '张明', unitName: '县教育局', organisation: org, session: 19 })), opinionDocSettings(org));
  const extra = plan.imprint === 'same-page' ? 0 : plan.imprint === 'next-even-page' ? 1 : 2;
  return {
    generatorPages: plan.estimate.pages + extra,
    preview: {
      header: '青岚县人民代表大会常务委员会文件',
      docNumber: 'X人常〔2024〕5号',
      numberPending: false,
      title: '关于对张明同志履职情况的评议意见',
      titleNote: null,
      addressee: '张明同志',
      body: printedBody(content),
      signature: { organ: org.fullName, date: '2024年10月30日' },
      imprint: { copyTo: '抄送：县委，县人民政府，县委组织部，县教育局。', office: '县人大常委会办公室', issued: '2024年11月1日印发' },
    },
  };
}

describe('the preview’s pages', () => {
  it('ends on an even page with the 版记, numbering neither a blank page nor the page after it', () => {
    for (const chars of [300, 800, 1500, 2500, 4000]) {
      const layout = layoutPreview(input(3, chars).preview);
      expect(layout.pages.length % 2, `${chars} characters`).toBe(0);
      expect(layout.pages.at(-1)?.imprint).not.toBeNull();
      if (layout.imprint === 'after-blank-page') expect(layout.pages.slice(-2).map((p) => p.pageNumber)).toEqual([null, null]);
      for (const page of layout.pages) expect(page.lines.every((l) => l.line >= 0 && l.line < 22)).toBe(true);
    }
  });

  it('breaks pages where the generator estimates they break', () => {
    const differ: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const chars = 600 + seed * 150;
      const { preview, generatorPages } = input(seed, chars);
      const pages = layoutPreview(preview).pages.length;
      if (pages !== generatorPages) differ.push(`seed ${seed} (${chars} chars): preview ${pages}, generator ${generatorPages}`);
    }
    expect(differ).toEqual([]);
  });
});
