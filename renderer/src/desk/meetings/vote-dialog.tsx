import { useState } from 'react';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { formErrors, type FormErrors } from './form-errors';
import type { VoteItem } from '../../../../shared/domain/meetings';
import { EVALUATEE_CATEGORIES } from '../../../../shared/domain/evaluatees';
import { DEFAULT_VOTE_TITLES } from '../../../../shared/domain/settings';
import { useCall } from '../../platform/hooks';
import type { Person } from './meeting-detail';

/**
 * Named the way the demo county names its ballots: 政府组成部门负责人民主测评,
 * 员额法官、员额检察官民主测评 (the meeting vote's title of the settings); one person's ballot
 * carries the name.
 */
function suggestTitle(chosen: Person[], voteTitle: string): string {
  if (chosen.length === 1) return `${chosen[0]!.name}${voteTitle}`;
  const categories = EVALUATEE_CATEGORIES.filter((c) => chosen.some((p) => p.category === c));
  if (categories.includes('其他')) return voteTitle;
  return `${categories.join('、')}${voteTitle}`;
}

export interface VoteDialogProps {
  /** The vote to change; absent to add one. */
  item?: VoteItem;
  /** Evaluatees heard on this agenda, in agenda order: who a vote can cover. */
  choices: Person[];
  /** Evaluatees already on another vote of this meeting, with its title: one ballot per person. */
  taken: Map<string, string>;
  onSave: (title: string, evaluateeIds: string[]) => Promise<void>;
  onClose: () => void;
}

/** 新增测评 / 修改测评: one ballot (民主测评) covering the chosen evaluatees. */
export function VoteDialog({ item, choices, taken, onSave, onClose }: VoteDialogProps) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(item?.evaluateeIds ?? []));
  const [title, setTitle] = useState(item?.title ?? '');
  const [titleTouched, setTitleTouched] = useState(item !== undefined);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const voteKind = item?.voteKind ?? 'meeting';
  const settings = useCall('settings.get', {});
  const voteTitle = settings.data?.voteTitles[voteKind] ?? DEFAULT_VOTE_TITLES[voteKind];
  // The suggested title carries the county's name of the vote: not saved before it has arrived.
  const ready = titleTouched || settings.data !== undefined;

  // One ballot per person: whoever another vote already covers is left out and named below.
  const open = choices.filter((p) => !taken.has(p.id) || selected.has(p.id));
  const elsewhere = new Map<string, string[]>();
  for (const p of choices) {
    const t = taken.get(p.id);
    if (t !== undefined && !selected.has(p.id)) elsewhere.set(t, [...(elsewhere.get(t) ?? []), p.name]);
  }
  const chosen = choices.filter((p) => selected.has(p.id));
  const shownTitle = titleTouched ? title : chosen.length > 0 ? suggestTitle(chosen, voteTitle) : '';
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    setErrors({ fields: {} });
    try {
      // Agenda order, not click order: the ballot lists people as they were heard.
      await onSave(shownTitle, chosen.map((p) => p.id));
    } catch (err) {
      setErrors(formErrors(err, ['title', 'evaluateeIds']));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={item ? '修改测评' : '新增测评'}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="button" className="btn primary" onClick={submit} disabled={busy || !ready}>
            保存测评
          </button>
        </>
      }
    >
      <fieldset className="mt-choices">
        <legend>
          测评对象 <span className="muted">已选{chosen.length}人</span>
        </legend>
        <div className="toolbar">
          <button type="button" className="btn small" onClick={() => setSelected(new Set(open.map((p) => p.id)))}>
            全选
          </button>
          <button type="button" className="btn small" onClick={() => setSelected(new Set())}>
            全不选
          </button>
        </div>
        <div className="mt-choice-grid">
          {open.map((p) => (
            <label key={p.id}>
              <input type="checkbox" checked={selected.has(p.id)} onChange={() => toggle(p.id)} />
              <span className="who">{p.name}</span>
              <span className="muted">
                {p.unitName} {p.position}
              </span>
            </label>
          ))}
        </div>
        {open.length === 0 && <p className="muted">议程中的被评议对象均已列入测评。</p>}
        {[...elsewhere].map(([title, names]) => (
          <p key={title} className="muted mt-taken">
            {names.join('、')}已列入“{title}”，每人只列入一项测评。
          </p>
        ))}
        {errors.fields.evaluateeIds && (
          <span className="error" role="alert">
            {errors.fields.evaluateeIds}
          </span>
        )}
      </fieldset>
      <Field label="测评名称" error={errors.fields.title} hint={titleTouched ? undefined : '按所选对象自动生成，可修改'}>
        {(id) => (
          <input
            id={id}
            value={shownTitle}
            onChange={(e) => {
              setTitleTouched(true);
              setTitle(e.target.value);
            }}
          />
        )}
      </Field>
      {errors.general && (
        <div className="banner error" role="alert">
          {errors.general}
        </div>
      )}
    </Dialog>
  );
}
