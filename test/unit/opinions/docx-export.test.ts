import { describe, expect, it } from 'vitest';
import { renderOpinion } from '../../../electron/services/opinions/export';
import { opinionDocSettings, organHeaderText } from '../../../electron/services/opinions/doc-settings';
import { defaultSettings } from '../../../shared/domain/settings';
import type { OpinionVersion } from '../../../shared/domain/opinions';
import { checkOpinionStructure, docxParts, runs } from './docx-structure';
import { finishedContent } from './fixtures';

const organisation = { ...defaultSettings(2024).organisation, fullName: '青岚县人民代表大会常务委员会' };
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
const facts = { name: '张明', unitName: '县教育局', organisation, session: 19 };
const want = { header: '青岚县人民代表大会常务委员会文件', docNumber: 'X人常〔2024〕5号', title: '关于对张明同志履职情况的评议意见', copyToIncludes: ['县教育局'], issueDateCn: '2024年11月1日' };

describe('the exported opinion', () => {
  it('passes the structure check, and the check notices a wrong number or title', async () => {
    const bytes = new Uint8Array(await renderOpinion(version, facts));
    expect(checkOpinionStructure(bytes, want)).toEqual([]);
    expect(checkOpinionStructure(bytes, { ...want, docNumber: 'X人常〔2024〕6号' }).join()).toContain('document number');
    expect(checkOpinionStructure(bytes, { ...want, title: '关于对李华同志履职情况的评议意见' }).join()).toContain('title');
  });

  it('numbers the paragraphs and sets each level in its font; the council sitting gives the note under the title', async () => {
    const { document } = docxParts(new Uint8Array(await renderOpinion(version, facts)));
    const all = runs(document);
    const heading = all.find((r) => r.text === '（一）服务意识有待增强。');
    expect(heading?.props).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(all.some((r) => r.text === '基层服务保障能力有待进一步提升。')).toBe(true);
    expect(all.some((r) => r.text === '（二）整改落实不够到位。')).toBe(true);
    expect(all.some((r) => r.text === '1.对群众来信来访的答复还不够及时。')).toBe(true);
    expect(all.map((r) => r.text).join('')).toContain('（2024年10月30日县第十九届人大常委会第十二次主任会议通过）');
    // 成文日期 is the council's date; the 版记 carries the issue date.
    expect(all.some((r) => r.text === '2024年10月30日')).toBe(true);
  });

  it('takes the red header, copy-to list and issuing office from the organisation settings', () => {
    expect(organHeaderText('青岚县人民代表大会常务委员会')).toBe('青岚县人民代表大会常务委员会文件');
    const s = opinionDocSettings({ ...organisation, copyTo: ['县委', '县政府'], issuingOffice: '青岚县人大常委会办公室' });
    expect(s).toMatchObject({ organHeader: { text: '青岚县人民代表大会常务委员会文件' }, copyTo: ['县委', '县政府'], issuingOffice: '青岚县人大常委会办公室' });
  });

  it('refuses (in memory, before anything is saved) what cannot be a document', async () => {
    const long = { ...organisation, fullName: '某某省某某市某某县某某自治县人民代表大会常务委员会机关办公室综合科' };
    expect(() => opinionDocSettings(long)).toThrow(/机关设置不能用于公文/);
    await expect(renderOpinion({ ...version, issue: null }, facts)).rejects.toThrow();
  });
});
