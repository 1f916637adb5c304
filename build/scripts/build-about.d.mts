// Types of what build-about.mjs exports (the unit tests import them).
import type { LicenseEntry } from '../../shared/api/about-types';
export declare function packageKeyOf(modulePath: string): string | null;
export declare function bundledKeysOfSourceMap(map: unknown): Set<string>;
export declare function collectLicenses(options: { projectDir: string; lock: unknown; bundled?: Set<string>; runtime?: string[] }): LicenseEntry[];
