/**
 * Which body paragraphs of a document are headings, what part of a numbered paragraph is its heading, and which
 * paragraphs keep with the next one (the generator writes keepNext, the preview and the page estimate follow it).
 *
 * GB/T 9704 practice: 一、 headings (黑体) stand alone; a （一） paragraph is a 楷体 heading sentence followed by body
 * text in 仿宋 ("（一）依法履职意识较强。该同志……"); 1. and （1） items are in the body font, their first sentence
 * the heading. Only a heading that is a paragraph of its own keeps with the next paragraph: an item that holds body
 * text does not, or a run of items jumps pages together and leaves pages short (LibreOffice moves a kept paragraph
 * whole). The 署名 and date are kept with body lines by the page layout instead (page-flow.ts, carry).
 */

/** 0 body text; 1 一、; 2 （一）; 3 1.; 4 （1）. */
export type BodyLevel = 0 | 1 | 2 | 3 | 4;

export interface BodyText {
  level?: BodyLevel;
  text: string;
  /** Body text after the heading in the same paragraph. */
  runIn?: string;
}

/** Closing marks that belong to the sentence before them. */
const SENTENCE_TAIL = new Set('”’）」』》');

/**
 * A numbered paragraph split into its heading (the first sentence, up to its 。) and the body text after it, unless
 * the caller split it already. An 一、 heading and body text stay as they are.
 */
export function splitHeading(p: BodyText): { text: string; runIn: string } {
  const level = p.level ?? 0;
  if (p.runIn !== undefined || level < 2) return { text: p.text, runIn: p.runIn ?? '' };
  const chars = [...p.text];
  let stop = chars.indexOf('。');
  if (stop < 0) return { text: p.text, runIn: '' };
  while (stop + 1 < chars.length && SENTENCE_TAIL.has(chars[stop + 1] ?? '')) stop++;
  return { text: chars.slice(0, stop + 1).join(''), runIn: chars.slice(stop + 1).join('') };
}

/**
 * A heading that is a paragraph of its own: 一、 always; （一）, 1. and （1） when they hold no body text after their
 * heading and what follows is below them (body text, a lower level, a table) rather than the next item of a list.
 * `next` is the following block (a table or picture counts as level 0), undefined at the end of the body.
 */
export function isOwnHeading(p: BodyText, next: { level?: BodyLevel } | undefined): boolean {
  const level = p.level ?? 0;
  if (level === 0 || splitHeading(p).runIn !== '') return false;
  if (level === 1) return true;
  if (next === undefined) return false;
  const nextLevel = next.level ?? 0;
  return nextLevel === 0 || nextLevel > level;
}

/**
 * Keep-with-next of each block of a body: the own headings. `blocks` holds undefined for what is not a paragraph
 * (tables, pictures, page breaks), which never keeps and counts as body text after a heading.
 */
export function keepWithNextFlags(blocks: readonly (BodyText | undefined)[]): boolean[] {
  return blocks.map((b, i) => {
    if (b === undefined) return false;
    const next = blocks[i + 1];
    return isOwnHeading(b, i + 1 < blocks.length ? (next ?? { level: 0 }) : undefined);
  });
}
