import type { Clock, Logger, RandomSource } from '../deps';
import type { EventHub } from './event-hub';
import type { Store } from '../store/types';
import type { ShellPort } from '../shell-port';
import type { FilePort } from '../file-port';
import type { UploadStaging } from '../loop/uploads';
import type { LockService } from '../lock/lock-service';

/** What handlers get: the services' dependencies, built once per app start. */
export interface ServiceContext {
  readonly store: Store;
  readonly hub: EventHub;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly log: Logger;
  readonly version: string;
  readonly mode: 'desktop' | 'browser';
  readonly homeDir: string;
  readonly pointerFile: string;
  readonly shell: ShellPort;
  /** How exported files reach the user: save dialogs on the desktop, download links in browser mode. */
  readonly files: FilePort;
  /** Evidence files staged by a window (browser upload path or desktop call) until they are attached. */
  readonly uploads: UploadStaging;
  /** The build's about file (version, build date, licences); null when there is none. */
  readonly aboutFile: string | null;
  /** The optional lock of the desk and console (锁屏), checked by the dispatcher before every call. */
  readonly lock: LockService;
  /** Closes the current store and opens the data folder `dir` in its place. */
  reopen(dir: string): Promise<void>;
}
