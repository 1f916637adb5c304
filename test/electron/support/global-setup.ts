import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary';

/** Says once, plainly, why every spec is skipped on a machine without the Electron runtime. */
export default function globalSetup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const binary = findElectronBinary(root);
  if (binary.ok) console.log(`test:electron: Electron runtime ${binary.path}`);
  else console.log(`test:electron: SKIPPED — ${binary.reason}. The desktop shell specs need the Electron runtime; nothing else is affected.`);
}
