/** What the 关于 screen shows about this copy of the program. */
export interface AboutInfo {
  productName: string;
  version: string;
  /** When `npm run build` made this copy (ISO 8601); null when run from unbuilt sources. */
  builtAt: string | null;
  mode: 'desktop' | 'browser';
  dataDir: string;
  logDir: string;
}

/** Why a package is in the shipped program (build/scripts/build-about.mjs decides). */
export type LicenseShippedAs = 'dependency' | 'bundled' | 'runtime';

/** One third-party package the program ships, with its licence as its authors wrote it. */
export interface LicenseEntry {
  name: string;
  version: string;
  /** SPDX expression from the package (e.g. "MIT"). */
  license: string;
  /** The package's own licence file; null for a platform variant not installed where the build ran. */
  text: string | null;
  shippedAs: LicenseShippedAs[];
  homepage?: string;
}
