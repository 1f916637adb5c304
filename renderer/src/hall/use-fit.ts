import { useLayoutEffect, type RefObject } from 'react';

const MIN_FIT = 0.55;
const STEP = 0.05;

function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

/**
 * Shrinks a slide whose content (a long unit name, several people on one vote) would not fit:
 * lowers the CSS variable --fit that the slide's font sizes are multiplied by. The sizes have a
 * floor in the stylesheet (4% of the screen height), so below that text wraps instead.
 * Refits when the box changes size (another display, the console's preview being resized).
 */
export function useFit(ref: RefObject<HTMLElement | null>, contentKey: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      let scale = 1;
      el.style.setProperty('--fit', '1');
      while (overflows(el) && scale > MIN_FIT) {
        scale = Math.max(MIN_FIT, scale - STEP);
        el.style.setProperty('--fit', scale.toFixed(2));
      }
    };
    fit();
    let last = `${el.clientWidth}x${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size !== last) {
        last = size;
        fit();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, contentKey]);
}
