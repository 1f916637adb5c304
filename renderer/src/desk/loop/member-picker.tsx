import type { LoopMemberOption } from '../../../../shared/api/loop-types';
import type { MemberRef } from '../../../../shared/loop/schemas';

/**
 * Members of the Standing Committee as checkboxes. Members who left stay listed, greyed and not
 * selectable (they may not propose); a name kept on an old record that is no longer on the roster
 * is listed too, so it can be taken off.
 */
export function MemberPicker({
  label,
  members,
  value,
  onChange,
  activeOnly = true,
}: {
  label: string;
  members: readonly LoopMemberOption[];
  value: readonly MemberRef[];
  onChange: (v: MemberRef[]) => void;
  /** Inactive members shown disabled (proposers); false lets them be picked (a past inquiry). */
  activeOnly?: boolean;
}) {
  const picked = new Set(value.map((v) => v.memberId ?? `name:${v.name}`));
  const strays = value.filter((v) => !v.memberId || !members.some((m) => m.id === v.memberId));
  const toggle = (m: LoopMemberOption, on: boolean) =>
    onChange(on ? [...value, { memberId: m.id, name: m.name }] : value.filter((v) => v.memberId !== m.id));
  return (
    <fieldset className="loop-picker">
      <legend>{label}</legend>
      <div className="loop-picker-grid">
        {members.map((m) => {
          const disabled = activeOnly && !m.active && !picked.has(m.id);
          return (
            <label key={m.id} className={disabled ? 'muted' : undefined} title={disabled ? `${m.name}已不在任` : undefined}>
              <input type="checkbox" checked={picked.has(m.id)} disabled={disabled} onChange={(e) => toggle(m, e.target.checked)} aria-label={`${label}：${m.name}`} />
              {m.name}
              <span className="muted">
                （{m.role}
                {m.active ? '' : '，已不在任'}）
              </span>
            </label>
          );
        })}
        {strays.map((v) => (
          <label key={`stray-${v.name}`} className="muted">
            <input type="checkbox" checked onChange={() => onChange(value.filter((x) => x !== v))} aria-label={`${label}：${v.name}`} />
            {v.name}（不在名单中）
          </label>
        ))}
      </div>
    </fieldset>
  );
}
