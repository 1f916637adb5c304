import { FILE_TYPES, type FileDelivery } from '../../../shared/api/file-types';
import type { CoreData } from '../../../shared/domain/partitions';
import type { CallContext } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { renderOfficialDocument, type OfficialDocInput } from '../documents';
import { opinionDocSettings } from '../opinions/doc-settings';

/**
 * Renders a built document with the app's document settings and hands it to the FilePort. The
 * .docx is complete in memory before the port sees it, so a failure writes nothing.
 */
export async function deliverDocx(ctx: ServiceContext, caller: CallContext, core: Readonly<CoreData>, doc: OfficialDocInput, fileName: string): Promise<FileDelivery> {
  const bytes = await renderDocx(core, doc);
  return ctx.files.deliver(caller, { fileName, contentType: FILE_TYPES.docx, bytes });
}

/** The whole .docx in memory, with the app's document settings. */
export function renderDocx(core: Readonly<CoreData>, doc: OfficialDocInput): Promise<Uint8Array> {
  return renderOfficialDocument(doc, opinionDocSettings(core.settings.organisation, core.settings.documents));
}
