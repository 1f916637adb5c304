// Types of the plain functions preflight-electron.mjs exports (the unit tests import them).
export declare const FALLBACK_NODE_RANGE: string;
export declare function minimumOf(range: string | undefined): [number, number, number] | null;
export declare function versionAtLeast(version: string, minimum: readonly [number, number, number]): boolean;
export type PreflightDecision = { action: 'run' } | { action: 'download' } | { action: 'stop'; message: string };
export declare function preflightDecision(state: { nodeVersion: string; nodeRange: string | undefined; runtime: 'present' | 'missing' | 'download-failed' }): PreflightDecision;
export declare function electronRuntimePresent(deps: {
  electronDir: string;
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
  read(file: string): string;
}): boolean;
