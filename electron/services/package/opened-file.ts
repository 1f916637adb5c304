import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedPackage } from '../../../shared/api/package-types';
import type { EventHub } from '../api/event-hub';
import type { UploadStaging } from '../loop/uploads';
import type { Logger } from '../deps';

/**
 * The desktop's "open with": the main process reads the .pingyi file it was given, stages it for the
 * desk like an upload, and tells the desk (`package.opened`); the one waiting is kept until the desk
 * takes it (`package.takeOpened`), so a file given at the first start waits for the window to load.
 */
let waiting: OpenedPackage | null = null;

export function takeOpenedPackage(): OpenedPackage | null {
  const out = waiting;
  waiting = null;
  return out;
}

export async function offerPackageFile(path: string, deps: { uploads: UploadStaging; hub: EventHub; log: Logger }): Promise<void> {
  try {
    const bytes = new Uint8Array(await readFile(path));
    const staged = deps.uploads.stage('desk', basename(path), bytes);
    waiting = { uploadId: staged.uploadId, name: staged.name };
    deps.log.info('package file opened with the app', { path, bytes: bytes.length });
    deps.hub.publish('package.opened', waiting);
  } catch (err) {
    deps.log.warn('could not open the package file given to the app', { path, error: String(err) });
  }
}
