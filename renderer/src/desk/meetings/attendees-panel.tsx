import { useState } from 'react';
import { personPost, sortPeople } from '../../../../shared/domain/people';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { useHandoffGuard } from '../transfer/handoff-guard';

/**
 * 列席人员: people of the 人员库 named for this meeting; the 签到表 lists them in their own section.
 * Each tick is saved at once (meetings.setAttendees); people no longer 在册 stay listed while chosen.
 */
export function AttendeesPanel({ meetingId, attendees, readOnly }: { meetingId: string; attendees: readonly string[]; readOnly: boolean }) {
  const registry = useCall('registry.list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const chosen = new Set(attendees);
  const people = sortPeople((registry.data ?? []).filter((p) => p.active || chosen.has(p.id)));
  const handoff = useHandoffGuard(meetingId);
  const toggle = async (id: string, on: boolean) => {
    if (!(await handoff.confirmEdit())) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = on ? [...attendees, id] : attendees.filter((x) => x !== id);
      await getPlatform().call('meetings.setAttendees', { id: meetingId, attendees: next });
    } catch (err) {
      setError(`未保存：${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="mt-attendees-title">
      <h2 id="mt-attendees-title">列席人员</h2>
      <p className="muted">
        从人员库中勾选本次会议的列席人员（已选{chosen.size}人），签到表在组成人员之后单列“列席人员”。列席人员不参加表决。
        {registry.data && registry.data.length === 0 && (
          <>
            {' '}
            人员库还是空的，请先在<a href="#/registry">人员库</a>中录入。
          </>
        )}
      </p>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      <div className="mt-attendees" role="group" aria-label="列席人员">
        {people.map((p) => (
          <label key={p.id} className="mt-attendee">
            <input type="checkbox" checked={chosen.has(p.id)} disabled={busy || readOnly} onChange={(e) => void toggle(p.id, e.target.checked)} />
            {p.name}
            <span className="muted">{personPost(p)}</span>
          </label>
        ))}
      </div>
    </section>
  );
}
