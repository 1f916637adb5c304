import type { Page } from '@playwright/test';

export interface LayoutReport {
  small: string[];
  overflow: string[];
  outside: string[];
  /** Words the 彩排 mark covers. */
  covered: string[];
  /** Text whose contrast against its background is below 7:1 (WCAG's enhanced level), worst case. */
  lowContrast: string[];
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
    const report: LayoutReport = { small: [], overflow: [], outside: [], covered: [], lowContrast: [], controls: 0, pageScrolls: false, texts: 0 };

    // WCAG 2 contrast. A background is every colour that can sit behind the text: the canvas, then
    // each ancestor's gradient stops and colour laid over what is below (a translucent box over a
    // gradient gives one colour per stop). Opacity fades the text into that background. The worst
    // pairing counts: a gradient's lightest stop is somewhere behind the words.
    type Rgba = [number, number, number, number];
    const parse = (text: string): Rgba[] =>
      [...text.matchAll(/rgba?\(([^)]*)\)/g)].map((m) => {
        const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
        return [r, g, b, a];
      });
    const over = (top: Rgba, below: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])).concat(1) as Rgba;
    const luminance = (c: Rgba) => {
      const [r, g, b] = [0, 1, 2].map((i) => {
        const v = c[i]! / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const worstContrast = (el: HTMLElement): number => {
      const chain: HTMLElement[] = [];
      for (let n: HTMLElement | null = el; n; n = n.parentElement) chain.unshift(n);
      let behind: Rgba[] = [[255, 255, 255, 1]];
      let opacity = 1;
      for (const n of chain) {
        const cs = getComputedStyle(n);
        // A fade in progress is a moment, not the picture the room reads: its opacity is left out.
        if (!n.getAnimations().some((a) => a.playState !== 'finished')) opacity *= Number(cs.opacity);
        if (cs.backgroundImage.includes('gradient')) behind = parse(cs.backgroundImage).flatMap((stop) => behind.map((b) => over(stop, b)));
        const [colour] = parse(cs.backgroundColor);
        if (colour && colour[3] > 0) behind = behind.map((b) => over(colour, b));
      }
      const [text] = parse(getComputedStyle(el).color);
      if (!text) return 21;
      const faded: Rgba = [text[0], text[1], text[2], text[3] * opacity];
      return Math.min(...behind.map((b) => ratio(over(faded, b), b)));
    };
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
        const contrast = worstContrast(el);
        if (contrast < 7) report.lowContrast.push(`${name(el)} ${contrast.toFixed(2)}:1`);
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
