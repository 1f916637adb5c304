import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileHallPreference, HALL_PREFERENCE_FILE, parseHallPreference } from '../../../electron/shell/hall-preference';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pingyi-hall-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('fileHallPreference', () => {
  it('has no choice before one is saved, and keeps it for the next start', async () => {
    const dir = tempDir();
    expect(fileHallPreference(dir).load()).toBeUndefined();
    await fileHallPreference(dir).save(2779098405);
    expect(fileHallPreference(dir).load()).toBe(2779098405);
    expect(JSON.parse(readFileSync(path.join(dir, HALL_PREFERENCE_FILE), 'utf8'))).toEqual({ displayId: 2779098405 });
  });

  it('treats a garbled file as no choice', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, HALL_PREFERENCE_FILE), '{"displayId":');
    expect(fileHallPreference(dir).load()).toBeUndefined();
  });

  it('reports a failed save instead of throwing (the choice still holds for this run)', async () => {
    const errors: unknown[] = [];
    await fileHallPreference(path.join(tempDir(), 'missing', 'folder'), (e) => errors.push(e)).save(1);
    expect(errors).toHaveLength(1);
  });
});

describe('parseHallPreference', () => {
  it('accepts only an integer display id', () => {
    expect(parseHallPreference('{"displayId":3}')).toBe(3);
    for (const text of ['', 'null', '[]', '{"displayId":"3"}', '{"displayId":1.5}', '{}', 'not json']) expect(parseHallPreference(text), text).toBeUndefined();
  });
});
