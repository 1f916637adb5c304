import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { daysInMonth, formatDateCn, isoDateOf, parseIsoDate, toIsoDate } from '../../../shared/format/dates';
import { parseTypedDate } from '../../../shared/format/parse-date';
import { RequiredMark } from './field';

/**
 * Every date of the desk is typed here, never in <input type=date>: that one shows and reads dates
 * by the browser's locale (2024.10.28 became 02/02/41028). The box takes what a clerk types
 * (2024.10.28, 2024/10/28, 2024年10月28日 …, see shared/format/parse-date), reads it on leaving or
 * on Enter, and shows it back as 2024年10月28日. What it cannot read stays in the box with one
 * message; the calendar button picks a day with the mouse.
 */

/** The stored value shown the Chinese way; text that is not a date (a refused entry) as it is. */
function shown(value: string): string {
  return parseIsoDate(value) ? formatDateCn(value) : value;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

interface Month {
  year: number;
  month: number;
}

function monthOf(value: string): Month {
  const p = parseIsoDate(value) ?? parseIsoDate(isoDateOf(Date.now()))!;
  return { year: p.year, month: p.month };
}

function shiftMonth(m: Month, by: number): Month {
  const total = m.year * 12 + m.month - 1 + by;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

/** A month grid, Monday first as Chinese calendars print it. */
function MonthGrid({ value, onPick, onClose }: { value: string; onPick: (iso: string) => void; onClose: () => void }) {
  const [month, setMonth] = useState<Month>(() => monthOf(value));
  const ref = useRef<HTMLDivElement>(null);
  const [today] = useState(() => isoDateOf(Date.now()));
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);
  // Monday = 0 … Sunday = 6.
  const lead = (new Date(Date.UTC(month.year, month.month - 1, 1)).getUTCDay() + 6) % 7;
  const days = daysInMonth(month.year, month.month);
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  return (
    <div className="date-picker" role="group" aria-label="日历" ref={ref}>
      <div className="date-picker-head">
        <button type="button" className="btn small" aria-label="上一年" onClick={() => setMonth(shiftMonth(month, -12))}>
          «
        </button>
        <button type="button" className="btn small" aria-label="上个月" onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹
        </button>
        <span className="date-picker-title">
          {month.year}年{month.month}月
        </span>
        <button type="button" className="btn small" aria-label="下个月" onClick={() => setMonth(shiftMonth(month, 1))}>
          ›
        </button>
        <button type="button" className="btn small" aria-label="下一年" onClick={() => setMonth(shiftMonth(month, 12))}>
          »
        </button>
      </div>
      <div className="date-picker-grid">
        {WEEKDAYS.map((w) => (
          <span key={w} className="date-picker-weekday">
            {w}
          </span>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <span key={`b${i}`} />;
          const iso = toIsoDate({ year: month.year, month: month.month, day: d });
          return (
            <button
              key={iso}
              type="button"
              className={`date-picker-day${iso === value ? ' selected' : ''}${iso === today ? ' today' : ''}`}
              aria-label={formatDateCn(iso)}
              aria-pressed={iso === value}
              onClick={() => onPick(iso)}
            >
              {d}
            </button>
          );
        })}
      </div>
    </div>
  );
}

export interface DateInputProps {
  /** Names the field in the refusal message (任职日期无法识别…). */
  label: string;
  /** 'YYYY-MM-DD', '' when empty, or the refused text as typed. */
  value: string;
  /** Called when the box is left or Enter pressed: the ISO date, '' or the unreadable text. */
  onChange: (value: string) => void;
  /** The service's message for the field; a reading problem of the box itself comes first. */
  error?: string | undefined;
  id?: string;
  /** For a box without a visible label. */
  ariaLabel?: string;
  autoFocus?: boolean;
  /** After a change is committed (autosaving pages save here). */
  onCommitted?: () => void;
}

/** The box, the calendar button and the one message. */
export function DateInput({ label, value, onChange, error, id, ariaLabel, autoFocus, onCommitted }: DateInputProps) {
  const [text, setText] = useState(() => shown(value));
  const [focused, setFocused] = useState(false);
  // The box follows a value set from outside (a reloaded record) unless the clerk is typing in it.
  const [seen, setSeen] = useState(value);
  if (value !== seen && !focused) {
    setSeen(value);
    setText(shown(value));
  }
  const [problem, setProblem] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const messageId = useId();

  /** Reads the box; false when it holds something unreadable. */
  const commit = (): boolean => {
    const typed = text.trim();
    if (typed === '') {
      setProblem(undefined);
      if (value !== '') onChange('');
      onCommitted?.();
      return true;
    }
    const r = parseTypedDate(typed, label);
    if (r.ok) {
      setProblem(undefined);
      setText(formatDateCn(r.iso));
      if (r.iso !== value) onChange(r.iso);
      onCommitted?.();
      return true;
    }
    setProblem(r.message);
    // The form keeps what was typed: saving sends it and the service refuses it by the field.
    if (typed !== value) onChange(typed);
    return false;
  };

  const pick = (iso: string) => {
    setOpen(false);
    setProblem(undefined);
    setText(formatDateCn(iso));
    if (iso !== value) onChange(iso);
    onCommitted?.();
    input.current?.focus();
  };

  const message = problem ?? error;
  return (
    <span
      className="date-field"
      onKeyDown={(e: KeyboardEvent) => {
        if (open && e.key === 'Escape') {
          // Esc closes the calendar, not the dialog around it (whose Esc listener sits on window).
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <span className="date-field-row">
        <input
          ref={input}
          id={id}
          value={text}
          aria-label={ariaLabel}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          placeholder="如 2024-10-28 或 2024年10月28日"
          autoComplete="off"
          autoFocus={autoFocus}
          onFocus={() => setFocused(true)}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
          onKeyDown={(e) => {
            // Enter reads the date and then submits the form as in any other box; an unreadable date
            // keeps the clerk in the box with its message instead.
            if (e.key === 'Enter' && !commit()) e.preventDefault();
          }}
        />
        <button type="button" className="btn small date-field-calendar" tabIndex={-1} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          日历
        </button>
      </span>
      {open && <MonthGrid value={parseIsoDate(value) ? value : ''} onPick={pick} onClose={() => setOpen(false)} />}
      {message && (
        <span className="error" role="alert" id={messageId}>
          {message}
        </span>
      )}
    </span>
  );
}

/** A labelled date field of a form: like Field, with exactly one message under the box. */
export function DateField({ label, hint, required, ...rest }: Omit<DateInputProps, 'id' | 'ariaLabel'> & { hint?: ReactNode; required?: boolean }) {
  const id = useId();
  return (
    <div className={`field${rest.error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <DateInput id={id} label={label} {...rest} />
      {hint && !rest.error && (
        <span className="muted" style={{ fontSize: 12 }}>
          {hint}
        </span>
      )}
    </div>
  );
}
