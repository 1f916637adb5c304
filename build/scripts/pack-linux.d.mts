// Types of what pack-linux.mjs exports (the packaging smoke test imports them).
export declare const FUSE_SENTINEL: string;
export declare const FUSE_NAMES: readonly string[];
export declare const DIST_PARTS: readonly string[];
export declare function run(command: string, args: string[], cwd: string): string;
export declare function makeElectronStandIn(dir: string, version: string): void;
export declare function readFuses(executable: string): Record<string, boolean>;
export declare function prepareProject(root: string, project: string): void;
export declare function packLinuxDir(options: { root: string; project: string; tmp: string; arch?: 'x64' | 'arm64' }): { appOutDir: string; asarPath: string };
export declare function appSize(appOutDir: string): { asarBytes: number; unpackedBytes: number; totalBytes: number };
export declare function toMb(bytes: number): number;
export declare function packBuiltApp(root: string): { asarBytes: number; unpackedBytes: number; totalBytes: number };
