import { describe, expect, it } from 'vitest';
import { coreSchema, emptyCore } from '../../../shared/domain/partitions';
import { needsSetup, planName, PLACEHOLDER_FULL_NAME, termLength, termYearFor } from '../../../shared/domain/settings';

describe('the term and its plan', () => {
  it('names the plan by its length, so a six-year term is never called a five-year plan', () => {
    expect(planName({ startYear: 2022, endYear: 2026 })).toBe('五年计划');
    expect(planName({ startYear: 2026, endYear: 2031 })).toBe('六年计划');
    expect(planName({ startYear: 2026, endYear: 2029 })).toBe('四年计划');
    expect(planName({ startYear: 2026, endYear: 2026 })).toBe('一年计划');
    expect(termLength({ startYear: 2026, endYear: 2031 })).toBe(6);
  });

  it('opens on the current year in the term, else the first year of a term to come or the last of one ended', () => {
    const term = { startYear: 2022, endYear: 2026 };
    expect(termYearFor(term, 2024)).toBe(2024);
    expect(termYearFor(term, 2022)).toBe(2022);
    expect(termYearFor(term, 2020)).toBe(2022);
    expect(termYearFor(term, 2027)).toBe(2026);
  });
});

describe('setup pending', () => {
  it('a new installation is marked as not set up; a file written before the mark existed is set up', () => {
    expect(emptyCore(2026).settings.setupPending).toBe(true);
    expect(coreSchema.parse({ settings: { term: { session: 19, startYear: 2021, endYear: 2025 } } }).settings.setupPending).toBe(false);
  });
});

describe('needsSetup', () => {
  const organisation = { fullName: '东河县人民代表大会常务委员会', shortName: '县人大常委会', docPrefix: '东人常', issuingOffice: '', copyTo: [] };
  it('a folder marked so, or one still holding the placeholder organ outside the demo, opens on the guided start', () => {
    expect(needsSetup({ setupPending: true, demo: false, organisation })).toBe(true);
    expect(needsSetup({ setupPending: false, demo: false, organisation: { ...organisation, fullName: PLACEHOLDER_FULL_NAME } })).toBe(true);
    expect(needsSetup({ setupPending: false, demo: false, organisation })).toBe(false);
    expect(needsSetup({ setupPending: false, demo: true, organisation: { ...organisation, fullName: PLACEHOLDER_FULL_NAME } })).toBe(false);
  });
});
