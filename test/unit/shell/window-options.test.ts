import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/api/define';
import { roleFromArgv } from '../../../electron/shell/role-arg';
import { rendererQueryFor, webPreferencesFor, windowOptionsFor, windowTitleFor } from '../../../electron/shell/window-options';

describe('webPreferencesFor', () => {
  it('locks down every role', () => {
    for (const role of ROLES) {
      const prefs = webPreferencesFor(role, '/app/dist/electron/preload.cjs');
      expect(prefs).toMatchObject({
        preload: '/app/dist/electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        // Spell checking would download dictionaries from the network.
        spellcheck: false,
      });
      expect(prefs.experimentalFeatures).toBeFalsy();
      expect(prefs.enableBlinkFeatures).toBeUndefined();
    }
  });

  it('tells the preload its role through an argument', () => {
    for (const role of ROLES) expect(roleFromArgv(webPreferencesFor(role, 'p').additionalArguments ?? [])).toBe(role);
  });

  it('keeps only the hall running at full speed in the background', () => {
    expect(webPreferencesFor('hall', 'p').backgroundThrottling).toBe(false);
    expect(webPreferencesFor('desk', 'p').backgroundThrottling).toBe(true);
    expect(webPreferencesFor('console', 'p').backgroundThrottling).toBe(true);
  });
});

describe('windowOptionsFor', () => {
  it('opens hidden until painted, with the locked preferences', () => {
    for (const role of ROLES) {
      const options = windowOptionsFor(role, 'p');
      expect(options.show).toBe(false);
      expect(options.webPreferences).toEqual(webPreferencesFor(role, 'p'));
      expect(options.title).toBe(windowTitleFor(role));
    }
  });

  it('places a new window where it belongs, fullscreen only when asked', () => {
    const bounds = { x: 1920, y: 0, width: 1024, height: 768 };
    expect(windowOptionsFor('hall', 'p', { fullscreen: true, bounds })).toMatchObject({ ...bounds, fullscreen: true });
    const windowed = windowOptionsFor('hall', 'p', { fullscreen: false, bounds });
    expect(windowed).toMatchObject(bounds);
    // An explicit false would hide the fullscreen button on macOS.
    expect('fullscreen' in windowed).toBe(false);
    expect(windowOptionsFor('hall', 'p')).toMatchObject({ width: 1280, height: 720 });
    expect(windowOptionsFor('hall', 'p').x).toBeUndefined();
  });

  it('titles windows in Chinese', () => {
    expect(windowTitleFor('desk')).toBe('人大工作评议系统');
    expect(windowTitleFor('console')).toBe('人大工作评议系统 · 会议现场');
    expect(windowTitleFor('hall')).toBe('人大工作评议系统 · 大屏');
  });

  it('puts the role in the renderer query', () => {
    expect(rendererQueryFor('hall')).toEqual({ role: 'hall' });
  });
});
