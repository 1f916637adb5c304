import { SECTION_LEVELS, type OpinionContent, type OpinionParagraph, type OpinionParagraphLevel, type SectionKey } from '../../../../shared/domain/opinions';

/**
 * Edits of the structured draft as pure functions: the editor turns keys and buttons into these, so
 * a paragraph's level is only ever set through them and numbers are never typed.
 */

export type ListKey = 'lead' | SectionKey;

export interface Caret {
  list: ListKey;
  index: number;
  /** Character offset in the paragraph. */
  at: number;
}

export function listOf(content: OpinionContent, key: ListKey): OpinionParagraph[] {
  return key === 'lead' ? content.lead : content.sections[key];
}

export function withList(content: OpinionContent, key: ListKey, list: OpinionParagraph[]): OpinionContent {
  return key === 'lead' ? { ...content, lead: list } : { ...content, sections: { ...content.sections, [key]: list } };
}

export function levelsOf(key: ListKey): readonly OpinionParagraphLevel[] {
  return key === 'lead' ? [0] : SECTION_LEVELS;
}

function update(content: OpinionContent, key: ListKey, change: (list: OpinionParagraph[]) => OpinionParagraph[]): OpinionContent {
  return withList(content, key, change([...listOf(content, key)]));
}

export function setText(content: OpinionContent, key: ListKey, index: number, text: string): OpinionContent {
  return update(content, key, (list) => list.map((p, i) => (i === index ? { ...p, text } : p)));
}

export function setLevel(content: OpinionContent, key: ListKey, index: number, level: OpinionParagraphLevel): OpinionContent {
  if (!levelsOf(key).includes(level)) return content;
  return update(content, key, (list) => list.map((p, i) => (i === index ? { ...p, level } : p)));
}

/** Tab goes one level deeper in 正文 → （一） → 1. → （1）; Shift+Tab one level up. */
export function shiftLevel(content: OpinionContent, key: ListKey, index: number, by: 1 | -1): OpinionContent {
  const levels = levelsOf(key);
  const p = listOf(content, key)[index];
  if (!p) return content;
  const at = Math.max(0, levels.indexOf(p.level));
  const next = levels[Math.min(levels.length - 1, Math.max(0, at + by))] ?? p.level;
  return setLevel(content, key, index, next);
}

/**
 * Enter: the paragraph splits at the caret. After a （一） heading the new paragraph is body text; a
 * list item (1., （1）) continues the list.
 */
export function split(content: OpinionContent, caret: Caret): { content: OpinionContent; caret: Caret } {
  const list = listOf(content, caret.list);
  const p = list[caret.index];
  if (!p) return { content, caret };
  const before = p.text.slice(0, caret.at);
  const after = p.text.slice(caret.at);
  const level: OpinionParagraphLevel = p.level === 2 ? 0 : p.level;
  const next = update(content, caret.list, (l) => {
    l.splice(caret.index, 1, { ...p, text: before }, { level, text: after });
    return l;
  });
  return { content: next, caret: { list: caret.list, index: caret.index + 1, at: 0 } };
}

/** Backspace at the start: joins the paragraph to the one above (an empty one simply goes). */
export function mergeUp(content: OpinionContent, key: ListKey, index: number): { content: OpinionContent; caret: Caret } | null {
  const list = listOf(content, key);
  const p = list[index];
  const prev = list[index - 1];
  if (!p || !prev) return null;
  const next = update(content, key, (l) => {
    l.splice(index - 1, 2, { ...prev, text: prev.text + p.text });
    return l;
  });
  return { content: next, caret: { list: key, index: index - 1, at: prev.text.length } };
}

export function remove(content: OpinionContent, key: ListKey, index: number): OpinionContent {
  return update(content, key, (l) => l.filter((_, i) => i !== index));
}

export function move(content: OpinionContent, key: ListKey, index: number, by: 1 | -1): { content: OpinionContent; index: number } {
  const list = listOf(content, key);
  const to = index + by;
  if (to < 0 || to >= list.length) return { content, index };
  const next = update(content, key, (l) => {
    const [p] = l.splice(index, 1);
    if (p) l.splice(to, 0, p);
    return l;
  });
  return { content: next, index: to };
}

export function insert(content: OpinionContent, key: ListKey, at: number, paragraphs: readonly OpinionParagraph[]): OpinionContent {
  const allowed = levelsOf(key);
  const fixed = paragraphs.map((p) => (allowed.includes(p.level) ? p : { ...p, level: allowed.includes(2) && p.level === 1 ? (2 as const) : (0 as const) }));
  return update(content, key, (l) => {
    l.splice(at, 0, ...fixed);
    return l;
  });
}

const NUMBERED: { pattern: RegExp; level: OpinionParagraphLevel }[] = [
  { pattern: /^[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*/u, level: 2 },
  { pattern: /^[（(]\s*\d{1,3}\s*[）)]\s*/u, level: 4 },
  { pattern: /^\d{1,3}\s*[.．、]\s*/u, level: 3 },
  { pattern: /^[一二三四五六七八九十]+、\s*/u, level: 2 },
];

/**
 * Pasted text, one paragraph per line. A typed number at the start of a line (（一） 1. （1）) becomes
 * the paragraph's level and is removed, since the document numbers paragraphs itself.
 */
export function parsePasted(text: string, key: ListKey): OpinionParagraph[] {
  const allowed = levelsOf(key);
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      for (const { pattern, level } of NUMBERED) {
        if (pattern.test(line) && allowed.includes(level)) return { level, text: line.replace(pattern, '') };
      }
      return { level: 0 as const, text: line };
    });
}

/** Paste of several lines at the caret: the current paragraph takes the first, the rest follow it. */
export function pasteLines(content: OpinionContent, caret: Caret, text: string): { content: OpinionContent; caret: Caret } | null {
  const parsed = parsePasted(text, caret.list);
  if (parsed.length < 2) return null;
  const list = listOf(content, caret.list);
  const p = list[caret.index];
  if (!p) return null;
  const before = p.text.slice(0, caret.at);
  const after = p.text.slice(caret.at);
  const first = parsed[0]!;
  const last = parsed[parsed.length - 1]!;
  const merged: OpinionParagraph[] = [
    { level: before === '' ? first.level : p.level, text: before + first.text },
    ...parsed.slice(1, -1),
    { level: last.level, text: last.text + after },
  ];
  const next = update(content, caret.list, (l) => {
    l.splice(caret.index, 1, ...merged);
    return l;
  });
  return { content: next, caret: { list: caret.list, index: caret.index + merged.length - 1, at: last.text.length } };
}
