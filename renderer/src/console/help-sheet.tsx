import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Dialog } from '../ui/dialog';
import { HelpArticle } from '../desk/help/help-article';
import { KeyTables } from '../desk/help/key-tables';
import { HELP_PAGES } from '../desk/help/pages';
import { keyIsTaken } from './shortcuts';

const KEYS_TAB = 'keys';

interface HelpSheetControl {
  open: (tab?: string) => void;
}

const HelpSheetContext = createContext<HelpSheetControl>({ open: () => undefined });

/** A header button that opens the help sheet (the same as F1). */
export function HelpButton() {
  const { open } = useContext(HelpSheetContext);
  return (
    <button type="button" className="btn header-btn" onClick={() => open()} aria-keyshortcuts="F1">
      帮助 F1
    </button>
  );
}

const focused = (): HTMLElement | null => (document.activeElement instanceof HTMLElement ? document.activeElement : null);

/** Whether the key opens (or closes) the sheet: F1 anywhere, ? when it would not be typed into a field. */
function isHelpKey(e: KeyboardEvent, open: boolean): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === 'F1') return open || document.querySelector('[role="dialog"]') === null;
  if (e.key !== '?') return false;
  if (open) return !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement);
  return !keyIsTaken(e);
}

/**
 * The console's help: F1 or ? (or the header's 帮助 button) opens a sheet with the keys the console
 * acts on, and the guide's pages beside them; F1, ? or Esc closes it. It is a dialog, so while it
 * is open no console key acts (a stray arrow must not move the agenda behind it). The hall has no
 * such sheet: it is drawn by the console only.
 */
export function HelpSheetHost({ children }: { children: ReactNode }) {
  const [tab, setTab] = useState<string | null>(null);
  const open = tab !== null;
  // Focus goes into the sheet, to its first tab (Enter must not confirm a ballot sheet behind it), and back where it was.
  const before = useRef<HTMLElement | null>(null);
  const show = (t: string) => {
    if (tab === null) before.current = focused();
    setTab(t);
  };
  useEffect(() => {
    if (open) return () => before.current?.focus();
  }, [open]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isHelpKey(e, open)) return;
      e.preventDefault();
      if (e.repeat) return;
      if (!open) before.current = focused();
      setTab(open ? null : KEYS_TAB);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const page = HELP_PAGES.find((p) => p.id === tab);
  return (
    <HelpSheetContext.Provider value={{ open: (t = KEYS_TAB) => show(t) }}>
      {children}
      {open && (
        <Dialog
          title="帮助"
          onClose={() => setTab(null)}
          actions={
            <button type="button" className="btn" onClick={() => setTab(null)}>
              关闭（Esc）
            </button>
          }
        >
          <div className="help-sheet" data-testid="help-sheet">
            <div className="help-sheet-tabs" role="tablist" aria-label="帮助内容">
              <button type="button" role="tab" className="btn small" aria-selected={tab === KEYS_TAB} onClick={() => setTab(KEYS_TAB)} autoFocus>
                快捷键一览
              </button>
              {HELP_PAGES.map((p) => (
                <button key={p.id} type="button" role="tab" className="btn small" aria-selected={tab === p.id} onClick={() => setTab(p.id)}>
                  {p.title}
                </button>
              ))}
            </div>
            <div role="tabpanel">{page ? <HelpArticle page={page} /> : <KeyTables />}</div>
          </div>
        </Dialog>
      )}
    </HelpSheetContext.Provider>
  );
}
