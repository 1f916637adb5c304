import { describe, expect, it } from 'vitest';
import type { LicenseEntry } from '../../../shared/api/about-types';
import { filterLicenses, licenseSummary } from '../../../renderer/src/desk/about/license-filter';

const entry = (name: string, license: string, text: string | null = null): LicenseEntry => ({ name, version: '1.0.0', license, text, shippedAs: ['dependency'] });
const list = [entry('zod', 'MIT', 'MIT License Copyright (c) Colin McDonnell'), entry('lowdb', 'MIT', 'MIT License typicode'), entry('tslib', '0BSD'), entry('@kurkle/color', 'MIT')];

describe('filterLicenses (关于 → 第三方软件许可证)', () => {
  it('shows everything for an empty query', () => {
    expect(filterLicenses(list, '  ')).toHaveLength(4);
  });

  it('finds by name, licence or licence text, ignoring case, every word required', () => {
    expect(filterLicenses(list, 'ZOD').map((e) => e.name)).toEqual(['zod']);
    expect(filterLicenses(list, '0bsd').map((e) => e.name)).toEqual(['tslib']);
    expect(filterLicenses(list, 'typicode').map((e) => e.name)).toEqual(['lowdb']);
    expect(filterLicenses(list, 'mit kurkle').map((e) => e.name)).toEqual(['@kurkle/color']);
    expect(filterLicenses(list, 'mit gpl')).toEqual([]);
  });
});

describe('licenseSummary', () => {
  it('counts the licences, most common first', () => {
    expect(licenseSummary(list)).toBe('MIT 3个 · 0BSD 1个');
  });
});
