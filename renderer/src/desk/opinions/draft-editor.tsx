import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import {
  LEVEL_LABELS,
  SECTION_KEYS,
  SECTION_TITLES,
  numberParagraphs,
  sectionHeading,
  type OpinionContent,
  type OpinionParagraphLevel,
} from '../../../../shared/domain/opinions';
import * as ops from './editor-ops';
import type { Caret, ListKey } from './editor-ops';
import { OP_TEXT } from './opinion-text';

/**
 * The structured editor: one text box per paragraph, each with a level set by the toolbar or the
 * keyboard (Ctrl+0 正文, Ctrl+2 （一）, Ctrl+3 1., Ctrl+4 （1）, Tab / Shift+Tab), never by typing
 * numbers or markup. The numbers shown in the margin are generated from level and position, as in
 * the Word file. The four 一、 headings are fixed; the lead paragraphs are body text only.
 */

const LEVEL_KEYS: Record<string, OpinionParagraphLevel> = { '0': 0, '2': 2, '3': 3, '4': 4 };
const TOOL_LEVELS: OpinionParagraphLevel[] = [0, 2, 3, 4];
const listLabel = (key: ListKey) => (key === 'lead' ? '开头' : SECTION_TITLES[key]);

export interface DraftEditorProps {
  content: OpinionContent;
  readOnly: boolean;
  onChange(content: OpinionContent): void;
  /** A field lost focus: the autosave saves at once. */
  onLeave(): void;
  /** The paragraph last edited, so material can be inserted there. */
  onCaret?(caret: Caret): void;
}

export function DraftEditor({ content, readOnly, onChange, onLeave, onCaret }: DraftEditorProps) {
  const boxes = useRef(new Map<string, HTMLTextAreaElement>());
  const [caret, setCaret] = useState<Caret>({ list: 'lead', index: 0, at: 0 });
  // Where the caret goes after an edit that re-renders the boxes (split, merge, move); applied after the render.
  const wantFocus = useRef<Caret | null>(null);
  const [notice, setNotice] = useState('');

  useLayoutEffect(() => {
    const want = wantFocus.current;
    if (!want) return;
    wantFocus.current = null;
    const box = boxes.current.get(`${want.list}:${want.index}`);
    if (box) {
      box.focus();
      box.setSelectionRange(want.at, want.at);
    }
  });

  const focusAt = (next: Caret) => {
    setCaret(next);
    onCaret?.(next);
    wantFocus.current = next;
  };
  const current = ops.listOf(content, caret.list)[caret.index];

  const applyLevel = (level: OpinionParagraphLevel) => {
    if (!ops.levelsOf(caret.list).includes(level)) {
      setNotice(caret.list === 'lead' ? '开头段落只能是正文。' : OP_TEXT.level1Reserved);
      return;
    }
    setNotice('');
    onChange(ops.setLevel(content, caret.list, caret.index, level));
  };
  const moveParagraph = (by: 1 | -1) => {
    const r = ops.move(content, caret.list, caret.index, by);
    onChange(r.content);
    focusAt({ ...caret, index: r.index });
  };
  const removeParagraph = () => {
    const list = ops.listOf(content, caret.list);
    if (list.length === 0) return;
    onChange(ops.remove(content, caret.list, caret.index));
    if (list.length > 1) focusAt({ list: caret.list, index: Math.max(0, caret.index - 1), at: 0 });
  };
  const addParagraph = (key: ListKey) => {
    const list = ops.listOf(content, key);
    onChange(ops.insert(content, key, list.length, [{ level: 0, text: '' }]));
    focusAt({ list: key, index: list.length, at: 0 });
  };

  const onKey = (key: ListKey, index: number, e: KeyboardEvent<HTMLTextAreaElement>) => {
    const box = e.currentTarget;
    const at = box.selectionStart;
    const here: Caret = { list: key, index, at };
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key in LEVEL_KEYS) {
      e.preventDefault();
      applyLevel(LEVEL_KEYS[e.key] ?? 0);
    } else if (mod && e.key === '1') {
      e.preventDefault();
      setNotice(OP_TEXT.level1Reserved);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      onChange(ops.shiftLevel(content, key, index, e.shiftKey ? -1 : 1));
    } else if (e.key === 'Enter' && !e.shiftKey && !mod) {
      e.preventDefault();
      const r = ops.split(content, here);
      onChange(r.content);
      focusAt(r.caret);
    } else if (e.key === 'Backspace' && at === 0 && box.selectionEnd === 0 && index > 0) {
      e.preventDefault();
      const r = ops.mergeUp(content, key, index);
      if (r) {
        onChange(r.content);
        focusAt(r.caret);
      }
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      moveParagraph(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'ArrowUp' && at === 0 && index > 0) {
      e.preventDefault();
      focusAt({ list: key, index: index - 1, at: ops.listOf(content, key)[index - 1]?.text.length ?? 0 });
    } else if (e.key === 'ArrowDown' && at === box.value.length && index < ops.listOf(content, key).length - 1) {
      e.preventDefault();
      focusAt({ list: key, index: index + 1, at: 0 });
    }
  };

  const onPaste = (key: ListKey, index: number, e: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = e.clipboardData.getData('text/plain');
    const r = ops.pasteLines(content, { list: key, index, at: e.currentTarget.selectionStart }, text);
    if (!r) return;
    e.preventDefault();
    onChange(r.content);
    focusAt(r.caret);
  };

  const renderList = (key: ListKey) => {
    const list = ops.listOf(content, key);
    const numbers = numberParagraphs(list);
    return (
      <div className="pe-list">
        {list.map((p, i) => (
          <div key={i} className={`pe-row level-${p.level}${caret.list === key && caret.index === i ? ' current' : ''}`}>
            <span className="pe-num" title={LEVEL_LABELS[p.level]}>
              {numbers[i] || (p.level === 0 ? '' : LEVEL_LABELS[p.level])}
            </span>
            <textarea
              ref={(el) => {
                if (el) boxes.current.set(`${key}:${i}`, el);
                else boxes.current.delete(`${key}:${i}`);
              }}
              aria-label={`${listLabel(key)} 第${i + 1}段`}
              value={p.text}
              readOnly={readOnly}
              rows={1}
              onFocus={(e) => {
                const next = { list: key, index: i, at: e.currentTarget.selectionStart };
                setCaret(next);
                onCaret?.(next);
              }}
              onBlur={onLeave}
              onChange={(e) => onChange(ops.setText(content, key, i, e.target.value.replace(/\r?\n/g, '')))}
              onKeyDown={(e) => !readOnly && onKey(key, i, e)}
              onPaste={(e) => !readOnly && onPaste(key, i, e)}
            />
          </div>
        ))}
        {!readOnly && (
          <button type="button" className="btn small pe-add" onClick={() => addParagraph(key)} aria-label={`在“${listLabel(key)}”末尾添加段落`}>
            ＋ 段落
          </button>
        )}
      </div>
    );
  };

  return (
    <div className="pe">
      {!readOnly && (
        <div className="pe-toolbar" role="toolbar" aria-label="段落级别">
          {TOOL_LEVELS.map((level) => (
            <button
              key={level}
              type="button"
              className="btn small"
              aria-pressed={current?.level === level}
              disabled={!ops.levelsOf(caret.list).includes(level)}
              // Keep the caret in the paragraph the button acts on.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => applyLevel(level)}
              title={`Ctrl+${level}`}
            >
              {level === 0 ? '正文' : LEVEL_LABELS[level]}
            </button>
          ))}
          <span className="sep" />
          <button type="button" className="btn small" onMouseDown={(e) => e.preventDefault()} onClick={() => moveParagraph(-1)} title="Alt+↑">
            上移
          </button>
          <button type="button" className="btn small" onMouseDown={(e) => e.preventDefault()} onClick={() => moveParagraph(1)} title="Alt+↓">
            下移
          </button>
          <button type="button" className="btn small danger" onMouseDown={(e) => e.preventDefault()} onClick={removeParagraph}>
            删除段落
          </button>
          <span className="muted pe-hint">{notice || OP_TEXT.toolbarHint}</span>
        </div>
      )}
      <div className="field pe-addressee">
        <label htmlFor="op-addressee">主送</label>
        <input id="op-addressee" value={content.addressee} readOnly={readOnly} onBlur={onLeave} onChange={(e) => onChange({ ...content, addressee: e.target.value })} />
      </div>
      <h3 className="pe-sec">开头段落</h3>
      {renderList('lead')}
      {SECTION_KEYS.map((key) => (
        <section key={key} aria-label={SECTION_TITLES[key]}>
          <h3 className="pe-sec heading">{sectionHeading(key)}</h3>
          {renderList(key)}
        </section>
      ))}
    </div>
  );
}
