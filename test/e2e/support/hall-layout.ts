import type { Page } from '@playwright/test';

export interface LayoutReport {
  small: string[];
  overflow: string[];
  outside: string[];
  /** Words the 彩排 mark covers. */
  covered: string[];
  controls: number;
  pageScrolls: boolean;
  texts: number;
}

/** Measures the hall as a reader at the back of the room would need it. */
export function measureHall(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const vh = window.innerHeight;
    const vw = window.innerWidth;
    const root = document.querySelector<HTMLElement>('[data-testid="hall"]')!;
    const report: LayoutReport = { small: [], overflow: [], outside: [], covered: [], controls: 0, pageScrolls: false, texts: 0 };
    const mark = root.querySelector('.hall-rehearsal-mark')?.getBoundingClientRect();
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').slice(0, 24)}”`;
    for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (ownText) {
        report.texts++;
        const size = parseFloat(cs.fontSize);
        if (size < 0.04 * vh) report.small.push(`${name(el)} ${size.toFixed(1)}px < ${(0.04 * vh).toFixed(1)}px`);
        const t = el.getBoundingClientRect();
        const hit = mark && !el.classList.contains('hall-rehearsal-mark') && t.left < mark.right && t.right > mark.left && t.top < mark.bottom && t.bottom > mark.top;
        if (hit) report.covered.push(name(el));
      }
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) report.overflow.push(`${name(el)} scrollWidth ${el.scrollWidth} > ${el.clientWidth}`);
      // Vertically, a CJK font's glyphs reach a few pixels past a tight line box (not a layout
      // problem): the picture's own box must hold everything, and every box stays on screen.
      if (el.classList.contains('hall-frame') && el.scrollHeight > el.clientHeight + 1) report.overflow.push(`${name(el)} scrollHeight ${el.scrollHeight} > ${el.clientHeight}`);
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)) report.outside.push(`${name(el)} ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    report.controls = document.querySelectorAll('button, input, select, textarea, a[href], [tabindex], [contenteditable="true"]').length;
    report.pageScrolls = document.documentElement.scrollWidth > vw || document.documentElement.scrollHeight > vh;
    return report;
  });
}
