import type { LicenseEntry, LicenseShippedAs } from '../../../../shared/api/about-types';

export const SHIPPED_AS_LABELS: Record<LicenseShippedAs, string> = {
  dependency: '运行依赖',
  bundled: '已打包进程序',
  runtime: '桌面版运行时',
};

/**
 * The packages whose name, licence or licence text contain every word of the query (case-insensitive);
 * the whole list for an empty query.
 */
export function filterLicenses(list: readonly LicenseEntry[], query: string): LicenseEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((entry) => {
    const haystack = `${entry.name} ${entry.version} ${entry.license} ${entry.text ?? ''}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** How many packages carry each licence, most common first: "MIT 25 · ISC 2". */
export function licenseSummary(list: readonly LicenseEntry[]): string {
  const counts = new Map<string, number>();
  for (const entry of list) counts.set(entry.license, (counts.get(entry.license) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([license, n]) => `${license} ${n}个`)
    .join(' · ');
}
