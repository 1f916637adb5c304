/** A display as the console lists it (Electron's screen module, reduced to what matters). */
export interface DisplaySummary {
  id: string;
  label: string;
  width: number;
  height: number;
  primary: boolean;
  internal: boolean;
}

/** Where the hall screen goes, and whether the operator must be warned before the meeting. */
export interface ShellStatus {
  mode: 'desktop' | 'browser';
  displays: DisplaySummary[];
  /** The display the hall window is on (or will open on); null when none is chosen. */
  hallDisplayId: string | null;
  /** Only one display is seen, or all displays mirror each other: the hall would show the console. */
  singleScreen: boolean;
  mirrored: boolean;
  hallWindowOpen: boolean;
  /** Browser mode: the hall page's address (with its token) for another window or a second screen. */
  hallUrl?: string;
}
