import type { ReactNode } from 'react';
import { saveStateText, type SaveState } from '../../ui/autosave';
import { Field } from '../../ui/field';
import type { PathErrors } from './issues';

/**
 * 已保存 HH:MM:SS / 未保存：<reason>. When the service named fields, the reason is their own
 * messages rather than its one-line summary ("参数无效：…"), which reads like a programmer's note.
 */
export function SaveStatus({ state, errors, label }: { state: SaveState; errors: PathErrors; label: string }) {
  const fieldMessages = Object.values(errors.byPath);
  const text = state.kind === 'error' && fieldMessages.length ? `未保存：${fieldMessages.join('；')}` : saveStateText(state);
  return (
    <span className={`save-state ${state.kind}`} role="status" aria-label={label}>
      {text}
    </span>
  );
}

/** A free-text setting: saved within a second of the last keystroke and when the field is left. */
export function TextSetting(props: {
  label: string;
  value: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  multiline?: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  return (
    <div className={props.wide ? 'span-2' : undefined}>
      <Field label={props.label} error={props.error} hint={props.hint}>
        {(id) =>
          props.multiline ? (
            <textarea id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} onBlur={props.onBlur} />
          ) : (
            <input id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} onBlur={props.onBlur} autoComplete="off" />
          )
        }
      </Field>
    </div>
  );
}

/**
 * A whole-number setting. Typed digits go through the debounced save like text (so "2026" is not
 * saved as 2, 20, 202 on the way); the arrows and leaving the field save at once.
 */
export function NumberSetting(props: {
  label: string;
  value: number;
  unit?: string;
  error?: string;
  hint?: string;
  min?: number;
  max?: number;
  onChange: (value: number) => void;
  onBlur: () => void;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(id) => (
        <span className="number-setting">
          <input
            id={id}
            type="number"
            min={props.min}
            max={props.max}
            // An emptied box is NaN in the draft: the service then answers "…不能为空" by the field.
            value={Number.isNaN(props.value) ? '' : props.value}
            onChange={(e) => props.onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
            onBlur={props.onBlur}
          />
          {props.unit && <span className="unit">{props.unit}</span>}
        </span>
      )}
    </Field>
  );
}

export function SettingsSection({ id, title, intro, children, aside }: { id: string; title: string; intro?: ReactNode; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="panel settings-section" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {aside}
      </div>
      {intro && <p className="intro">{intro}</p>}
      {children}
    </section>
  );
}
