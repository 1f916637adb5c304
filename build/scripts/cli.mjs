// What the build scripts share about their command line.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `--out DIR` or `--out=DIR`: where a script writes instead of `<root>/dist` (the packaging test uses it). */
export function parseOut(argv, root) {
  const i = argv.findIndex((a) => a === '--out' || a.startsWith('--out='));
  if (i < 0) return path.join(root, 'dist');
  const value = argv[i].includes('=') ? argv[i].slice('--out='.length) : argv[i + 1];
  if (!value) throw new Error('--out needs a folder');
  return path.resolve(value);
}

/** Whether the module at `moduleUrl` is the script node was started with (not imported by a test). */
export function isMainModule(moduleUrl) {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(path.resolve(process.argv[1])).href;
}
