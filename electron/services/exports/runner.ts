import type { ExportedFile } from '../../../shared/api/calls/exports';

/**
 * The batch export's job runner, independent of what is exported and where it goes: it renders the
 * items one at a time, hands each file to a sink, and yields to the event loop between them so a
 * cancel (or any other call) is served while a long export runs. Whatever stops it early — a cancel,
 * a failing item, a failing sink — discards what the sink staged: nothing half-written is left.
 */

/** One file of a batch, rendered only when its turn comes (a batch holds no more than one document at a time). */
export interface BatchItem {
  fileName: string;
  render(): Promise<Uint8Array>;
}

/** Where the files of a batch go: a zip in memory, or a hidden staging folder. */
export interface BatchSink<R> {
  /** Takes one finished file; answers the name it got (unique within the batch). */
  add(fileName: string, bytes: Uint8Array): Promise<string>;
  /** Every file is in: makes the batch visible as a whole (the zip delivered, the folder renamed into place). */
  commit(): Promise<R>;
  /** Removes whatever was staged; never throws. */
  discard(): Promise<void>;
}

export interface BatchProgress {
  done: number;
  total: number;
  /** The file being rendered now; null once all are done. */
  current: string | null;
}

export type BatchOutcome<R> =
  | { state: 'done'; result: R; files: ExportedFile[] }
  | { state: 'cancelled'; files: [] }
  | { state: 'failed'; error: unknown; /** The file that failed; null when committing failed. */ fileName: string | null; files: [] };

export interface RunOptions {
  signal: AbortSignal;
  onProgress?(progress: BatchProgress): void;
  /** Lets the event loop run between items (default: setImmediate). */
  yieldNow?(): Promise<void>;
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runBatch<R>(items: readonly BatchItem[], sink: BatchSink<R>, options: RunOptions): Promise<BatchOutcome<R>> {
  const yieldNow = options.yieldNow ?? yieldToEventLoop;
  const total = items.length;
  const files: ExportedFile[] = [];
  const stop = async <O extends BatchOutcome<R>>(outcome: O): Promise<O> => {
    await sink.discard();
    return outcome;
  };
  for (const [index, item] of items.entries()) {
    await yieldNow();
    if (options.signal.aborted) return stop({ state: 'cancelled', files: [] });
    options.onProgress?.({ done: index, total, current: item.fileName });
    try {
      const bytes = await item.render();
      if (options.signal.aborted) return stop({ state: 'cancelled', files: [] });
      const name = await sink.add(item.fileName, bytes);
      files.push({ name, bytes: bytes.length });
    } catch (error) {
      return stop({ state: 'failed', error, fileName: item.fileName, files: [] });
    }
  }
  await yieldNow();
  if (options.signal.aborted) return stop({ state: 'cancelled', files: [] });
  options.onProgress?.({ done: total, total, current: null });
  try {
    // The point of no return: a cancel arriving now is too late, the files are being put in place.
    return { state: 'done', result: await sink.commit(), files };
  } catch (error) {
    return stop({ state: 'failed', error, fileName: null, files: [] });
  }
}
