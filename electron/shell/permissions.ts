import type { Role } from '../../shared/api/define';

/**
 * Which web permissions a window of each role may use. Everything not listed is denied: no
 * camera, microphone, location, notifications, MIDI, USB/HID/serial, or opening external apps.
 * - fullscreen: the page's own fullscreen button (the hall is shown full screen; the desk may
 *   present a table full screen).
 * - clipboard-sanitized-write: copying text (e.g. a document number) with navigator.clipboard.
 *   Reading the clipboard stays denied: pasting with Ctrl+V needs no permission.
 * - screen-wake-lock: the meeting windows (console, hall) may keep the screen on with
 *   navigator.wakeLock while a meeting runs; the desk has no reason to.
 */
const ALLOWED: Readonly<Record<Role, readonly string[]>> = {
  desk: ['fullscreen', 'clipboard-sanitized-write'],
  console: ['fullscreen', 'clipboard-sanitized-write', 'screen-wake-lock'],
  hall: ['fullscreen', 'screen-wake-lock'],
};

/** Role undefined = a web contents that is not one of our windows: it gets nothing. */
export function isPermissionAllowed(permission: string, role: Role | undefined): boolean {
  if (role === undefined) return false;
  return ALLOWED[role].includes(permission);
}
