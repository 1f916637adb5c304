import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/api/define';
import { isPermissionAllowed } from '../../../electron/shell/permissions';

describe('isPermissionAllowed', () => {
  it('denies what no window needs, to every role', () => {
    for (const role of ROLES) {
      for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'window-management', 'local-fonts', 'unknown']) {
        expect(isPermissionAllowed(permission, role), `${role} ${permission}`).toBe(false);
      }
    }
  });

  it('allows full screen to every role', () => {
    for (const role of ROLES) expect(isPermissionAllowed('fullscreen', role)).toBe(true);
  });

  it('lets the meeting windows keep the screen awake, not the desk', () => {
    expect(isPermissionAllowed('screen-wake-lock', 'hall')).toBe(true);
    expect(isPermissionAllowed('screen-wake-lock', 'console')).toBe(true);
    expect(isPermissionAllowed('screen-wake-lock', 'desk')).toBe(false);
  });

  it('lets office windows copy text; the hall has nothing to copy', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'desk')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'console')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'hall')).toBe(false);
  });

  it('gives a web contents without a role nothing', () => {
    expect(isPermissionAllowed('fullscreen', undefined)).toBe(false);
  });
});
