/**
 * Settings of the Word documents. The schema lives in shared/domain/document-settings.ts, where the
 * app's settings container (`settings.documents`) and the 设置 screen use it too; the generator takes
 * `DocumentSettings`, computed from the organisation and the 公文格式 settings by `documentSettingsFor`.
 */
export {
  FONT_PROFILES,
  FONT_PROFILE_LABELS,
  organHeaderSchema,
  documentSettingsSchema,
  defaultDocumentSettings,
  type FontProfileName,
  type OrganHeaderSettings,
  type DocumentSettings,
  type DocumentSettingsInput,
} from '../../../shared/domain/document-settings';
