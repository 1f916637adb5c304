import { useState } from 'react';
import { Dialog } from '../../ui/dialog';
import { Field, fieldErrors } from '../../ui/field';
import type { VoteItem } from '../../../../shared/domain/meetings';
import type { Person } from './meeting-detail';

/** 对政府组成部门负责人的民主测评 when everyone chosen shares a category, else plain 民主测评. */
function suggestTitle(chosen: Person[]): string {
  const categories = new Set(chosen.map((p) => p.category));
  if (chosen.length === 1) return `对${chosen[0]!.name}的民主测评`;
  if (categories.size === 1) return `对${chosen[0]!.category}的民主测评`;
  return '民主测评';
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
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general?: string }>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const chosen = choices.filter((p) => selected.has(p.id));
  const shownTitle = titleTouched ? title : chosen.length > 0 ? suggestTitle(chosen) : '';
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const submit = async () => {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      // Agenda order, not click order: the ballot lists people as they were heard.
      await onSave(shownTitle, chosen.map((p) => p.id));
    } catch (err) {
      setErrors(fieldErrors(err));
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
          <button type="button" className="btn primary" onClick={submit} disabled={busy}>
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
          <button type="button" className="btn small" onClick={() => setSelected(new Set(choices.filter((p) => !taken.has(p.id)).map((p) => p.id)))}>
            全选
          </button>
          <button type="button" className="btn small" onClick={() => setSelected(new Set())}>
            全不选
          </button>
        </div>
        <div className="mt-choice-grid">
          {choices.map((p) => (
            <label key={p.id} className={taken.has(p.id) ? 'taken' : undefined}>
              <input type="checkbox" checked={selected.has(p.id)} disabled={taken.has(p.id) && !selected.has(p.id)} onChange={() => toggle(p.id)} />
              {p.name}
              <span className="muted">{taken.has(p.id) ? `已在“${taken.get(p.id)}”中` : `${p.unitName} ${p.position}`}</span>
            </label>
          ))}
        </div>
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
