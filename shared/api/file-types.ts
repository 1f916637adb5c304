/**
 * How an exported file reached the user. Browser mode: a one-time download link the window opens
 * (served with its Chinese name as `filename*=UTF-8''…`). Desktop: the user chose a place in a save
 * dialog and the file was written there atomically — or closed the dialog, and nothing was written.
 */
export type FileDelivery =
  | {
      kind: 'download';
      /** Path on the host, `/<role>/download/<id>`: valid once, for the window's role only. */
      url: string;
      fileName: string;
      bytes: number;
    }
  | { kind: 'saved'; path: string; fileName: string; bytes: number }
  /** Desktop, a stored file shown to the user: a copy opened with the program the system uses for it. */
  | { kind: 'opened'; fileName: string; bytes: number }
  | { kind: 'cancelled' };

export const FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  csv: 'text/csv; charset=utf-8',
} as const;
