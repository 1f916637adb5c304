import { ApiError } from '../../../shared/api/errors';
import type { Organisation } from '../../../shared/domain/settings';
import { describeIssues, issuesOf } from '../../../shared/api/validation';
import { documentSettingsSchema, type DocumentSettings, type DocumentSettingsInput } from '../documents';

/**
 * The Word settings of an opinion from the organisation settings: the red header is the full name
 * with 文件 (县人大常委会 writes "XX县人民代表大会常务委员会文件"), the 版记's copy-to list and issuing
 * office are the organisation's. The rest (fonts, header size, red line) keeps the generator's
 * defaults until the documents settings join the app's settings container.
 */
export function organHeaderText(fullName: string): string {
  const name = fullName.trim();
  return name.endsWith('文件') ? name : `${name}文件`;
}

/** Recipients of the 版记: the organisation's list plus the evaluatee's unit, each once. */
export function copyToList(organisation: Pick<Organisation, 'copyTo'>, unitName: string | null): string[] {
  const list = organisation.copyTo.map((c) => c.trim()).filter((c) => c !== '');
  if (unitName && unitName.trim() !== '' && !list.includes(unitName.trim())) list.push(unitName.trim());
  return list;
}

export function opinionDocSettings(organisation: Organisation, overrides: Partial<DocumentSettingsInput> = {}): DocumentSettings {
  const parsed = documentSettingsSchema.safeParse({
    organHeader: { text: organHeaderText(organisation.fullName) },
    copyTo: organisation.copyTo,
    issuingOffice: organisation.issuingOffice,
    ...overrides,
  });
  if (!parsed.success) {
    // The organisation's fields are longer than a document allows (a 60-character full name in a 30-character header).
    throw new ApiError('invalid_args', `机关设置不能用于公文：${describeIssues(issuesOf(parsed.error))}。请在“设置”中修改。`);
  }
  return parsed.data;
}
