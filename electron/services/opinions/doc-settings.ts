import type { Organisation } from '../../../shared/domain/settings';
import { documentSettingsFor, type DocumentFormat, type DocumentSettings } from '../../../shared/domain/document-settings';

export { organHeaderText } from '../../../shared/domain/document-settings';

/**
 * The Word settings of an opinion: the 公文格式 settings (font profile, red header text, size and scale,
 * red line) over the organisation's (the header defaults to the full name with 文件; the 版记's copy-to
 * list and issuing office are the organisation's). Absent 公文格式 settings mean the defaults.
 */
export function opinionDocSettings(organisation: Organisation, documents?: DocumentFormat): DocumentSettings {
  return documentSettingsFor({ organisation, ...(documents ? { documents } : {}) });
}

/** Recipients of the 版记: the organisation's list plus the evaluatee's unit, each once. */
export function copyToList(organisation: Pick<Organisation, 'copyTo'>, unitName: string | null): string[] {
  const list = organisation.copyTo.map((c) => c.trim()).filter((c) => c !== '');
  if (unitName && unitName.trim() !== '' && !list.includes(unitName.trim())) list.push(unitName.trim());
  return list;
}
