import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { formErrors, type FormErrors } from './form-errors';
import type { Meeting } from '../../../../shared/domain/meetings';
import { defaultPresiding, sortMembers } from '../../../../shared/domain/people';
import { formatMeetingName, meetingNamePrefix, parseIsoDate, yearOfIsoDate } from '../../../../shared/format';
import { DateField } from '../../ui/date-field';

/** '' → undefined, so the service names the empty field ("届次不能为空") instead of a type error. */
function toInt(text: string): number {
  const t = text.trim();
  return (t === '' ? undefined : Number(t)) as number;
}

function suggestName(shortName: string | undefined, session: string, sitting: string): string {
  const s = Number(session);
  const t = Number(sitting);
  if (!shortName || !Number.isInteger(s) || !Number.isInteger(t) || s < 1 || s > 99 || t < 1 || t > 999) return '';
  return formatMeetingName(meetingNamePrefix(shortName), s, t);
}

export interface MeetingFormDialogProps {
  /** The meeting to edit; absent to create a new one. */
  meeting?: Meeting;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}

/**
 * 新建会议 / 修改会议. The name follows 届次 and 次 (formatMeetingName) until the user types a name
 * of their own; the service validates and its Chinese messages appear under the fields.
 */
export function MeetingFormDialog({ meeting, onClose, onSaved }: MeetingFormDialogProps) {
  const settings = useCall('settings.get', {});
  const shortName = settings.data?.organisation.shortName;
  const [session, setSession] = useState(() => (meeting ? String(meeting.session) : ''));
  const [sitting, setSitting] = useState(() => (meeting ? String(meeting.sitting) : ''));
  const [name, setName] = useState(meeting?.name ?? '');
  // An existing meeting whose name differs from the suggestion was named by hand: keep it.
  const [nameTouched, setNameTouched] = useState(meeting !== undefined);
  const [date, setDate] = useState(meeting?.date ?? '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const members = useCall('members.list', {});
  // undefined until chosen: a new meeting then shows the roster's 主任, an existing one what it holds.
  const [presiding, setPresiding] = useState<string | null | undefined>(meeting ? meeting.presidingMemberId : undefined);
  const [recorder, setRecorder] = useState(meeting?.recorder ?? '');
  const roster = sortMembers((members.data ?? []).filter((m) => m.active || m.id === meeting?.presidingMemberId));
  const shownPresiding = presiding === undefined ? (defaultPresiding(members.data ?? [])?.id ?? null) : presiding;
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  // Once the settings arrive: a new meeting starts in the term's 届次, and an existing meeting whose
  // name is exactly the suggested one keeps following 届次 and 次 when they are corrected.
  const [settled, setSettled] = useState(false);
  if (!settled && settings.data) {
    setSettled(true);
    if (!meeting) setSession((s) => s || String(settings.data!.term.session));
    else if (meeting.name === suggestName(settings.data.organisation.shortName, String(meeting.session), String(meeting.sitting))) setNameTouched(false);
  }

  const suggestion = suggestName(shortName, session, sitting);
  const shownName = nameTouched ? name : suggestion;

  // Not before the settings and the roster have arrived: the 届次 and the presiding 主任 are filled from them.
  const ready = settled && members.data !== undefined;

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    setErrors({ fields: {} });
    // The year follows the date; an unusable date falls back to this year so only the date is flagged.
    const year = parseIsoDate(date.trim()) ? yearOfIsoDate(date.trim()) : (meeting?.year ?? new Date().getFullYear());
    const fields = { name: shownName, session: toInt(session), sitting: toInt(sitting), date, place, presidingMemberId: shownPresiding, recorder, year };
    try {
      const saved = meeting
        ? await getPlatform().call('meetings.update', { meeting: { ...meeting, ...fields } })
        : await getPlatform().call('meetings.create', { meeting: { ...fields, agenda: [], status: 'planned' } });
      onSaved(saved);
    } catch (err) {
      setErrors(formErrors(err, ['name', 'session', 'sitting', 'date', 'place', 'presidingMemberId', 'recorder', 'year']));
      setBusy(false);
    }
  };

  const f = errors.fields;
  return (
    <Dialog
      title={meeting ? '修改会议' : '新建会议'}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="button" className="btn primary" onClick={submit} disabled={busy || !ready}>
            {meeting ? '保存' : '创建会议'}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <Field label="届次（第几届）" error={f.session}>
            {(id) => <input id={id} type="number" min={1} max={99} value={session} onChange={(e) => setSession(e.target.value)} autoFocus={!meeting} />}
          </Field>
          <Field label="会议次数（第几次会议）" error={f.sitting}>
            {(id) => <input id={id} type="number" min={1} max={999} value={sitting} onChange={(e) => setSitting(e.target.value)} />}
          </Field>
        </div>
        <Field
          label="会议名称"
          error={f.name}
          hint={nameTouched ? undefined : '按届次和会议次数自动生成，可修改'}
        >
          {(id) => (
            <div className="mt-name-row">
              <input
                id={id}
                value={shownName}
                onChange={(e) => {
                  setNameTouched(true);
                  setName(e.target.value);
                }}
              />
              {nameTouched && suggestion && name !== suggestion && (
                <button type="button" className="btn small" onClick={() => setNameTouched(false)} title={suggestion}>
                  使用建议名称
                </button>
              )}
            </div>
          )}
        </Field>
        <div className="form-grid">
          <DateField label="会议日期" error={f.date ?? f.year} value={date} onChange={setDate} />
          <Field label="会议地点" error={f.place}>
            {(id) => <input id={id} value={place} onChange={(e) => setPlace(e.target.value)} placeholder="如：县人大常委会第一会议室" />}
          </Field>
        </div>
        <div className="form-grid">
          <Field label="主持人" error={f.presidingMemberId} hint="写入会议记录">
            {(id) => (
              <select id={id} value={shownPresiding ?? ''} onChange={(e) => setPresiding(e.target.value === '' ? null : e.target.value)}>
                <option value="">（未定）</option>
                {roster.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}（{m.role}）
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="记录人" error={f.recorder} hint="写入会议记录">
            {(id) => <input id={id} value={recorder} onChange={(e) => setRecorder(e.target.value)} placeholder="如：办公室工作人员姓名" />}
          </Field>
        </div>
        {errors.general && (
          <div className="banner error" role="alert">
            {errors.general}
          </div>
        )}
        {!errors.general && (settings.error ?? members.error) && (
          <div className="banner error" role="alert">
            读取设置或组成人员名单失败，暂不能保存：{(settings.error ?? members.error)!.message}
          </div>
        )}
        {/* Enter in any field submits, as in every other form of the desk. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
