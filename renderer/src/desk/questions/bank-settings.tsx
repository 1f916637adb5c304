import { useState } from 'react';
import type { QuestionBankView } from '../../../../shared/api/questioning-types';
import { DRAW_SCOPE_LABELS, DRAW_SCOPES, type DrawScope } from '../../../../shared/draw/log-schema';
import type { QuestioningSettings } from '../../../../shared/domain/questioning';
import { getPlatform } from '../../platform/platform';

const SCOPE_HINTS: Record<DrawScope, string> = {
  evaluatee: '每位被评议对象单独计算：每名组成人员对每个对象最多被抽中一次',
  meeting: '整次会议合并计算：每名组成人员在本次会议中最多被抽中一次',
};

/** 询问设置 of one meeting: scope, the chair and named exclusions, drawing a question too, the two timers. */
export function BankSettings({ view, onSaved }: { view: QuestionBankView; onSaved: (v: QuestionBankView) => void }) {
  const [draft, setDraft] = useState<QuestioningSettings>(view.settings);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Saved or changed elsewhere: the stored settings replace the form's (during render, so no stale frame).
  const [seen, setSeen] = useState(view.settings);
  if (view.settings !== seen) {
    setSeen(view.settings);
    setDraft(view.settings);
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(view.settings);
  const set = (patch: Partial<QuestioningSettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setMessage(null);
  };
  const toggleExclusion = (id: string) => set({ exclusions: draft.exclusions.includes(id) ? draft.exclusions.filter((x) => x !== id) : [...draft.exclusions, id] });
  const save = async () => {
    setBusy(true);
    try {
      onSaved(await getPlatform().call('questioning.settings', { meetingId: view.meeting.id, ...draft }));
      setMessage({ ok: true, text: '已保存' });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const chair = view.members.filter((m) => m.role === '主任');
  return (
    <section className="panel qb-settings" aria-labelledby="qb-settings-title">
      <h2 id="qb-settings-title">询问设置</h2>
      <fieldset className="qb-fieldset">
        <legend>询问范围（谁已提问）</legend>
        {DRAW_SCOPES.map((s) => (
          <label key={s} className="qb-radio">
            <input type="radio" name="qb-scope" checked={draft.scope === s} onChange={() => set({ scope: s })} />
            {DRAW_SCOPE_LABELS[s]}
            <span className="muted">— {SCOPE_HINTS[s]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="qb-fieldset">
        <legend>不参加抽取的人员</legend>
        <label className="qb-check">
          <input type="checkbox" checked={draft.excludeChair} onChange={(e) => set({ excludeChair: e.target.checked })} />
          主持会议的主任{chair.length > 0 && `（${chair.map((m) => m.name).join('、')}）`}不参加抽取
        </label>
        <div className="toolbar">
          {draft.exclusions.length > 0 && (
            <button type="button" className="btn small" onClick={() => set({ exclusions: [] })}>
              清空
            </button>
          )}
          <span className="muted">另行排除{draft.exclusions.length}人</span>
        </div>
        <div className="qb-members" role="group" aria-label="排除人员">
          {view.members.map((m) => (
            <label key={m.id}>
              <input type="checkbox" checked={draft.exclusions.includes(m.id)} onChange={() => toggleExclusion(m.id)} />
              {m.name}
              <span className="muted">{m.role}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="qb-row">
        <label className="qb-check">
          <input type="checkbox" checked={draft.drawQuestion} onChange={(e) => set({ drawQuestion: e.target.checked })} />
          抽取提问人时同时从题库抽取问题
        </label>
        <label className="qb-num">
          答复时长
          <input type="number" min={1} max={60} value={draft.answerMinutes} onChange={(e) => set({ answerMinutes: Number(e.target.value) })} aria-label="答复时长（分钟）" />
          分钟
        </label>
        <label className="qb-num">
          追问时长
          <input type="number" min={1} max={60} value={draft.followUpMinutes} onChange={(e) => set({ followUpMinutes: Number(e.target.value) })} aria-label="追问时长（分钟）" />
          分钟
        </label>
        <span className="grow" />
        {message && <span className={message.ok ? 'qb-ok' : 'qb-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</span>}
        <button className="btn primary" disabled={!dirty || busy} onClick={() => void save()}>
          保存设置
        </button>
      </div>
    </section>
  );
}
