import type * as fsp from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { syncDirWith } from '../../../electron/services/store/store-fs';

type Open = typeof fsp.open;

/** An `open` whose folder handle fails as the given system would. */
function failing(at: 'open' | 'sync', code: string): { open: Open; closed: () => number } {
  let closed = 0;
  const error = () => Object.assign(new Error(`${code} (injected)`), { code });
  const open = (async () => {
    if (at === 'open') throw error();
    return {
      sync: async () => {
        throw error();
      },
      close: async () => void closed++,
    };
  }) as unknown as Open;
  return { open, closed: () => closed };
}

describe('folder fsync', () => {
  for (const [at, code] of [
    ['sync', 'EPERM'],
    ['open', 'EISDIR'],
    ['open', 'EACCES'],
  ] as const) {
    it(`tolerates ${code} (${at}) on Windows, where a folder cannot be fsync'd`, async () => {
      const fake = failing(at, code);
      await expect(syncDirWith(fake.open, 'win32')('C:\\data')).resolves.toBeUndefined();
      if (at === 'sync') expect(fake.closed()).toBe(1);
    });

    it(`throws ${code} (${at}) on Linux and macOS: there it is a real failure`, async () => {
      for (const platform of ['linux', 'darwin'] as const) {
        const fake = failing(at, code);
        await expect(syncDirWith(fake.open, platform)('/data')).rejects.toMatchObject({ code });
      }
    });
  }

  it('throws other errors on Windows too (a folder that vanished, a failing disk)', async () => {
    for (const code of ['ENOENT', 'EIO']) {
      await expect(syncDirWith(failing('sync', code).open, 'win32')('C:\\data')).rejects.toMatchObject({ code });
    }
  });
});
