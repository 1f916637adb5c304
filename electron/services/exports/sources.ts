import type { ExportWhat } from '../../../shared/api/calls/exports';
import { ballotsSource, receiptsSource } from './paper-sources';
import { opinionsSource, type ExportSource } from './sources-core';

export { batchName, issuedOpinionsOf, issuedVersion, type ExportSource } from './sources-core';

/**
 * The registry of batch sources: what `exports.start` can export. A new kind is one value in
 * EXPORT_WHATS (shared/api/calls/exports.ts) and its source here; the compiler asks for both.
 */
export const exportSources: Readonly<Record<ExportWhat, ExportSource>> = {
  opinions: opinionsSource,
  ballots: ballotsSource,
  receipts: receiptsSource,
};

