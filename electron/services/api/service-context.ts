import type { Clock, Logger, RandomSource } from '../deps';
import type { EventHub } from './event-hub';
import type { Store } from '../store/types';
import type { ShellPort } from '../shell-port';

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
  /** Closes the current store and opens the data folder `dir` in its place. */
  reopen(dir: string): Promise<void>;
}
