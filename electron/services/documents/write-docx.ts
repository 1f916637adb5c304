import { writeFileDurably } from '../store/durable-file';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';

/**
 * Saves an exported document: a temp file in the same folder, flushed, then renamed over the target, and the folder
 * flushed. A failed export leaves the previous file (or none), never half of a .docx that Word would refuse to open.
 * The store's durable write does exactly this (unique temp names, Windows rename retries); `fs` lets a test fail a
 * write half-way.
 */
export async function writeDocxAtomically(path: string, buffer: Uint8Array, fs: StoreFs = nodeStoreFs): Promise<void> {
  await writeFileDurably(fs, path, buffer);
}
