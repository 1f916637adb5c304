/**
 * The guide's screenshots, bundled by Vite (a file named in pages.ts but absent resolves to
 * undefined; the unit test and test/e2e/help-screens.spec.ts make sure none is).
 */
const urls = import.meta.glob<string>('./images/*.png', { eager: true, query: '?url', import: 'default' });

export function helpImageUrl(file: string): string | undefined {
  return urls[`./images/${file}`];
}
