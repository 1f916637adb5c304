import { z } from 'zod';

/**
 * A meeting that travelled between two data folders in a meeting package (electron/services/package).
 * On the desk (`out`): the package is at the hall; edits here are compared at the return. On the hall
 * laptop (`in`): the meeting came from the desk folder `homeFolderId`. `base` holds the SHA-256 of
 * every record as the package carried it, so the return can tell who changed what since.
 */
export const handoffSchema = z.object({
  direction: z.enum(['out', 'in']),
  packageId: z.string().regex(/^pk_[0-9a-f]{8,40}$/, '会议包编号无效'),
  at: z.string(),
  /** The other machine's name (desk: where the package was made; laptop: where it came from). */
  machine: z.string().max(200),
  /** The data folder the meeting package was made in (the desk's). */
  homeFolderId: z.string().max(80),
  base: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type Handoff = z.infer<typeof handoffSchema>;
