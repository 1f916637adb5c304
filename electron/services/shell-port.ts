import type { ShellStatus } from '../../shared/api/shell-types';

/**
 * What the services need from the desktop shell (displays, the hall window), as a port the
 * Electron main process implements; browser mode has its own. Keeps 'electron' out of services.
 */
export interface ShellPort {
  status(): ShellStatus;
  chooseHallDisplay(displayId: string): Promise<ShellStatus>;
  openHall(): Promise<ShellStatus>;
  /** Displays added, removed or changed; the hall window opened or closed. */
  onChange(listener: () => void): () => void;
}

/** Browser mode: no display control; the hall is opened by its own URL in another window. */
export class BrowserShellPort implements ShellPort {
  hallUrl: string | undefined;
  status(): ShellStatus {
    return { mode: 'browser', displays: [], hallDisplayId: null, singleScreen: false, mirrored: false, hallWindowOpen: false, ...(this.hallUrl ? { hallUrl: this.hallUrl } : {}) };
  }
  async chooseHallDisplay(): Promise<ShellStatus> {
    return this.status();
  }
  async openHall(): Promise<ShellStatus> {
    return this.status();
  }
  onChange(): () => void {
    return () => {};
  }
}
