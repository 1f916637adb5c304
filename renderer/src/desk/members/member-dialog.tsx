import { getPlatform } from '../../platform/platform';
import { FormDialog } from '../../ui/dialog';
import { CheckboxField, Field } from '../../ui/field';
import { useRecordDialog } from '../../ui/record-dialog';
import { GENDERS, MEMBER_ROLES, type Gender, type Member, type MemberRole } from '../../../../shared/domain/people';
import { DateField } from '../../ui/date-field';

interface FormState {
  name: string;
  role: MemberRole;
  gender: Gender | '';
  session: string;
  termStart: string;
  termEnd: string;
  rosterOrder: string;
  active: boolean;
  note: string;
}

const SHOWN = ['name', 'role', 'gender', 'session', 'termStart', 'termEnd', 'rosterOrder', 'active', 'note'];

function initialForm(member: Member | undefined, members: readonly Member[], session: number | undefined): FormState {
  if (member) {
    return {
      name: member.name,
      role: member.role,
      gender: member.gender ?? '',
      session: member.session === undefined ? '' : String(member.session),
      termStart: member.termStart ?? '',
      termEnd: member.termEnd ?? '',
      rosterOrder: String(member.rosterOrder),
      active: member.active,
      note: member.note,
    };
  }
  // A new member goes to the end of the roster, in the current term.
  const next = members.reduce((max, m) => Math.max(max, m.rosterOrder), 0) + 1;
  return { name: '', role: '委员', gender: '', session: session ? String(session) : '', termStart: '', termEnd: '', rosterOrder: String(next), active: true, note: '' };
}

/** Empty inputs are sent as absent, so the service answers "…不能为空" rather than a format error. */
const text = <T extends string>(v: T | ''): T | undefined => (v.trim() === '' ? undefined : (v as T));
/** A number box holds text; anything that is not a number goes as typed, so the service names the field. */
const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));

export interface MemberDialogProps {
  member?: Member;
  members: readonly Member[];
  currentSession?: number;
  onClose: () => void;
  onSaved: (m: Member) => void;
}

/** 新增 / 编辑组成人员. A failed save keeps every typed value and shows each message by its field. */
export function MemberDialog({ member, members, currentSession, onClose, onSaved }: MemberDialogProps) {
  const { form, set, errors: f, nameRef: name, dialog } = useRecordDialog<FormState, Member>({
    initial: () => initialForm(member, members, currentSession),
    shown: SHOWN,
    addMore: member === undefined,
    save: (form, confirm) => {
      const draft = {
        name: form.name,
        role: form.role,
        gender: text(form.gender),
        session: num(form.session),
        termStart: text(form.termStart),
        termEnd: text(form.termEnd),
        rosterOrder: num(form.rosterOrder) as number,
        active: form.active,
        note: form.note,
      };
      return member ? getPlatform().call('members.update', { member: { ...member, ...draft }, confirm }) : getPlatform().call('members.create', { member: draft, confirm });
    },
    // 保存并继续新增: the next member in the same role and term, at the end of the roster.
    next: (form, saved) => ({ ...initialForm(undefined, [...members, saved], currentSession), role: form.role, session: form.session, termStart: form.termStart, termEnd: form.termEnd }),
    addedText: (names) => `已新增${names.length}人：${names.join('、')}。请继续录入下一位，录完点“保存”或“取消”。`,
    onSaved,
  });

  return (
    <FormDialog title={member ? `编辑组成人员：${member.name}` : '新增组成人员'} onClose={onClose} {...dialog} wide>
      <div className="form-grid">
        <Field label="姓名" error={f.name} required>
          {(id) => <input ref={name} id={id} value={form.name} onChange={(e) => set('name', e.target.value)} autoFocus autoComplete="off" />}
        </Field>
        <Field label="职务" error={f.role} required hint="县级人大常委会组成人员只有主任、副主任、委员">
          {(id) => (
            <select id={id} value={form.role} onChange={(e) => set('role', e.target.value as MemberRole)}>
              {MEMBER_ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="性别" error={f.gender}>
          {(id) => (
            <select id={id} value={form.gender} onChange={(e) => set('gender', e.target.value as Gender | '')}>
              <option value="">（未填）</option>
              {GENDERS.map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="届次" error={f.session} hint="当选时的届次，如 19 表示第十九届">
          {(id) => <input id={id} type="number" min={1} max={99} value={form.session} onChange={(e) => set('session', e.target.value)} />}
        </Field>
        <DateField label="任期开始日期" error={f.termStart} value={form.termStart} onChange={(v) => set('termStart', v)} />
        <DateField label="任期结束日期" error={f.termEnd} value={form.termEnd} onChange={(v) => set('termEnd', v)} />
        <Field label="名单顺序" error={f.rosterOrder} required hint="签到表、出席名单按此顺序排列">
          {(id) => <input id={id} type="number" min={1} max={999} value={form.rosterOrder} onChange={(e) => set('rosterOrder', e.target.value)} />}
        </Field>
        <CheckboxField heading="在任状态" label="在任（计入法定人数和表决）" checked={form.active} error={f.active} onChange={(v) => set('active', v)} />
        <div className="span-2">
          <Field label="备注" error={f.note}>
            {(id) => <textarea id={id} value={form.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>
        </div>
      </div>
    </FormDialog>
  );
}
