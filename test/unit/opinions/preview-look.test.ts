import { describe, expect, it } from 'vitest';
import { documentLook, lookStyle } from '../../../renderer/src/desk/opinions/preview-input';
import { defaultSettings } from '../../../shared/domain/settings';

/** The A4 preview and the 设置 sample show the red header, red line and fonts as the Word file prints them. */
describe('the look of the 版头 from the settings', () => {
  const base = defaultSettings(2024);
  const settings = { ...base, organisation: { ...base.organisation, fullName: '青岚县人民代表大会常务委员会' } };

  it('automatic: the full name with 文件 at 36 pt squeezed to about 150 mm, a 1.5 pt line, the standard fonts first', () => {
    const look = documentLook(settings);
    expect(look).toMatchObject({ header: '青岚县人民代表大会常务委员会文件', headerSizePt: 36, headerScale: 74, redLinePt: 1.5 });
    expect(look.fonts.fangsong.startsWith("'仿宋_GB2312'")).toBe(true);
    expect(look.fonts.xiaobiaosong.startsWith("'方正小标宋简体'")).toBe(true);
  });

  it('own text, size, scale, line and the Windows fonts', () => {
    const look = documentLook({ ...settings, documents: { fontProfile: 'windows', organHeader: { text: '青岚县人大常委会文件', sizePt: 44, scalePercent: 85 }, redLineSize: 20 } });
    expect(look).toMatchObject({ header: '青岚县人大常委会文件', headerSizePt: 44, headerScale: 85, redLinePt: 2.5 });
    const style = lookStyle(look);
    expect(style['--a4-fs']?.startsWith("'仿宋'")).toBe(true);
    expect(style['--a4-kai']?.startsWith("'楷体'")).toBe(true);
    expect(style['--a4-xbs']?.startsWith("'宋体'")).toBe(true);
    expect(style['--a4-xbs']).not.toContain('方正');
  });
});
