import type { OpinionDetail } from '../../../../shared/api/opinion-types';
import {
  defaultDocumentFormat,
  effectiveHeaderText,
  headerMetrics,
  type DocumentSettingsSource,
  type FontProfileName,
} from '../../../../shared/domain/document-settings';
import { councilNote, opinionTitleText, printedBody, type OpinionContent, type OpinionVersion } from '../../../../shared/domain/opinions';
import { formatDateCn } from '../../../../shared/format/dates';
import type { PreviewInput } from './preview-layout';

/** What the preview prints for a version: the draft's text, and the number and dates once recorded. */
export function previewInput(detail: OpinionDetail, content: OpinionContent, version: OpinionVersion | null): PreviewInput {
  const { doc, row } = detail;
  const council = version?.council ?? null;
  const issue = version?.issue ?? null;
  const names = doc.copyTo.map((c) => c.trim()).filter((c) => c !== '');
  return {
    header: doc.organHeader,
    docNumber: issue?.docNumber ?? detail.suggestedNumber,
    numberPending: !issue,
    title: opinionTitleText(row.name),
    titleNote: council?.sitting ? councilNote(formatDateCn(council.date), doc.meetingPrefix, doc.session, council.sitting) : null,
    addressee: content.addressee.trim() || `${row.name}同志`,
    body: printedBody(content),
    signature: { organ: doc.signatureOrgan, date: council ? formatDateCn(council.date) : '（审定日期）' },
    imprint: {
      copyTo: names.length > 0 ? `抄送：${names.join('，')}。` : '',
      office: doc.issuingOffice,
      issued: `${issue ? formatDateCn(issue.issueDate) : '（印发日期）'}印发`,
    },
  };
}

/** CSS font stacks of the preview per font profile: the profile's names first, then what the system has. */
export interface PreviewFonts {
  fangsong: string;
  heiti: string;
  kaiti: string;
  xiaobiaosong: string;
}

const CJK_SERIF = "'Noto Serif CJK SC', 'Source Han Serif SC', serif";
const CJK_SANS = "'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";

export const PREVIEW_FONTS: Record<FontProfileName, PreviewFonts> = {
  standard: {
    fangsong: `'仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', ${CJK_SERIF}`,
    heiti: `'黑体', 'SimHei', 'STHeiti', ${CJK_SANS}`,
    kaiti: `'楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti', 'AR PL UKai CN', ${CJK_SERIF}`,
    xiaobiaosong: `'方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', ${CJK_SERIF}`,
  },
  windows: {
    fangsong: `'仿宋', 'FangSong', 'STFangsong', ${CJK_SERIF}`,
    heiti: `'黑体', 'SimHei', 'STHeiti', ${CJK_SANS}`,
    kaiti: `'楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', ${CJK_SERIF}`,
    xiaobiaosong: `'宋体', 'SimSun', ${CJK_SERIF}`,
  },
};

/** How the 公文格式 settings make the page look: the red header as it will print, the red line, the fonts. */
export interface DocumentLook {
  header: string;
  /** Points and percent, automatic ones worked out as the generator does. */
  headerSizePt: number;
  headerScale: number;
  redLinePt: number;
  fonts: PreviewFonts;
}

export function documentLook(settings: DocumentSettingsSource): DocumentLook {
  const format = settings.documents ?? defaultDocumentFormat();
  const header = effectiveHeaderText(settings);
  const metrics = headerMetrics({ text: header, sizePt: format.organHeader.sizePt, scalePercent: format.organHeader.scalePercent });
  return { header, headerSizePt: metrics.size / 2, headerScale: metrics.scale, redLinePt: format.redLineSize / 8, fonts: PREVIEW_FONTS[format.fontProfile] };
}

/** The preview's CSS variables (opinions.css) for a look. */
export function lookStyle(look: DocumentLook): Record<`--${string}`, string> {
  return { '--a4-fs': look.fonts.fangsong, '--a4-hei': look.fonts.heiti, '--a4-kai': look.fonts.kaiti, '--a4-xbs': look.fonts.xiaobiaosong };
}
