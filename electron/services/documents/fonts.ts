import type { IRunOptions } from 'docx';
import type { FontProfileName } from './settings';
import { BODY_CHARACTER_SPACING, SIZE } from './geometry';

/** What a piece of text is, which decides its font. */
export type FontRole = 'fangsong' | 'xiaobiaosong' | 'kaiti' | 'heiti' | 'songti';

/** Font names per profile. 'windows' uses fonts every Windows has, for offices without the 方正/GB2312 fonts. */
export const FONT_NAMES: Record<FontProfileName, Record<FontRole, string>> = {
  standard: { fangsong: '仿宋_GB2312', xiaobiaosong: '方正小标宋简体', kaiti: '楷体_GB2312', heiti: '黑体', songti: '宋体' },
  windows: { fangsong: '仿宋', xiaobiaosong: '宋体', kaiti: '楷体', heiti: '黑体', songti: '宋体' },
};

/** Latin letters and digits in running text. */
export const LATIN_FONT = 'Times New Roman';

/** Renderers pick Japanese glyph variants for Han characters without it. */
export const CHINESE_LANGUAGE = { eastAsia: 'zh-CN' } as const;

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

export interface RunStyleOptions {
  role: FontRole;
  /**
   * Leave size and character spacing to the Normal style (body-sized runs): a document has hundreds of them, and
   * every property is an element `docx` builds and writes.
   */
  inheritSize?: boolean;
  /** Half-points. */
  size?: number;
  /** Twips; the body's −5 unless given. */
  characterSpacing?: number;
  color?: string;
  /** Horizontal scale in percent (w:w). */
  scale?: number;
  /** Latin font; Times New Roman unless given (page numbers use 宋体 throughout). */
  latin?: string;
}

/**
 * Run properties for one role. Every run names its East Asian font with the eastAsia hint (Word applies the Chinese
 * font to “ ” and other shared punctuation only with it) and the zh-CN language.
 */
export function runStyle(profile: FontProfileName, options: RunStyleOptions): RunStyle {
  const eastAsia = FONT_NAMES[profile][options.role];
  const latin = options.latin ?? LATIN_FONT;
  return {
    font: { ascii: latin, hAnsi: latin, eastAsia, hint: 'eastAsia' },
    ...(options.inheritSize ? {} : { size: options.size ?? SIZE.sanHao, characterSpacing: options.characterSpacing ?? BODY_CHARACTER_SPACING }),
    language: CHINESE_LANGUAGE,
    ...(options.color === undefined ? {} : { color: options.color }),
    ...(options.scale === undefined || options.scale === 100 ? {} : { scale: options.scale }),
  };
}

/** The run styles a document uses, built once per profile: a document has hundreds of runs. */
export interface RunStyles {
  /** Full body run properties, for the document defaults and the Normal style. */
  normal: RunStyle;
  /** Body-sized runs: font and language only, size and spacing from Normal. */
  body: RunStyle;
  heading1: RunStyle;
  heading2: RunStyle;
  /** 22 pt title. Runs keep the body's −0.25 pt spacing: `docx` cannot write a spacing of 0 (it drops the element). */
  title: RunStyle;
  titleNote: RunStyle;
  /** 四号 text of the imprint block. */
  imprint: RunStyle;
  pageNumber: RunStyle;
  /** Table text of forms: 仿宋 四号 is what fits a ballot's columns. */
  tableText: RunStyle;
  tableHeader: RunStyle;
  /** 小四 (12 pt) table text, for tables with many columns (the results of a 测评结果通报). */
  tableTextSmall: RunStyle;
  tableHeaderSmall: RunStyle;
}

const cache = new Map<FontProfileName, RunStyles>();

export function runStyles(profile: FontProfileName): RunStyles {
  let styles = cache.get(profile);
  if (!styles) {
    styles = {
      normal: runStyle(profile, { role: 'fangsong' }),
      body: runStyle(profile, { role: 'fangsong', inheritSize: true }),
      heading1: runStyle(profile, { role: 'heiti', inheritSize: true }),
      heading2: runStyle(profile, { role: 'kaiti', inheritSize: true }),
      title: runStyle(profile, { role: 'xiaobiaosong', size: SIZE.erHao }),
      titleNote: runStyle(profile, { role: 'kaiti', inheritSize: true }),
      imprint: runStyle(profile, { role: 'fangsong', size: SIZE.siHao }),
      pageNumber: runStyle(profile, { role: 'songti', size: SIZE.siHao, latin: FONT_NAMES[profile].songti }),
      tableText: runStyle(profile, { role: 'fangsong', size: SIZE.siHao }),
      tableHeader: runStyle(profile, { role: 'heiti', size: SIZE.siHao }),
      tableTextSmall: runStyle(profile, { role: 'fangsong', size: SIZE.xiaoSi }),
      tableHeaderSmall: runStyle(profile, { role: 'heiti', size: SIZE.xiaoSi }),
    };
    cache.set(profile, styles);
  }
  return styles;
}
