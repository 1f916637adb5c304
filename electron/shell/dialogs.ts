import { dialog } from 'electron';
import { startupFailureText } from './startup-error';

/** Shown before any window exists, so it is a plain modal box rather than an in-app screen. */
export function showStartupError(error: unknown, userFacing: boolean, dataDir?: string): void {
  const { title, content } = startupFailureText(error, userFacing, dataDir);
  dialog.showErrorBox(title, content);
}
