import { useRef, useState } from 'react';
import { saveStateText, type SaveState } from '../../ui/autosave';
import type { QuestionBankView } from '../../../../shared/api/questioning-types';
import { DRAW_SCOPE_LABELS, DRAW_SCOPES, type DrawScope } from '../../../../shared/draw/log-schema';
import type { QuestioningSettings } from '../../../../shared/domain/questioning';
import { getPlatform } from '../../platform/platform';
import { useHandoffGuard } from '../transfer/handoff-guard';

const SCOPE_HINTS: Record<DrawScope, string> = {
  evaluatee: '每位被评议对象单独计算：每名组成人员对每个对象最多被抽中一次',
  meeting: '整次会议合并计算：每名组成人员在本次会议中最多被抽中一次',
};

/**
 * 询问设置 of one meeting: whether questioners are drawn at all, scope, the chair and named exclusions, drawing a question too, the two
 * timers. Saved like every other setting: a choice at once, a number when its box is left; saves
 * go out one after another, and a failed one keeps the form as typed with its message.
 */
export function BankSettings({ view, onSaved }: { view: QuestionBankView; onSaved: (v: QuestionBankView) => void }) {
  const [draft, setDraft] = useState<QuestioningSettings>(view.settings);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  // A number typed and not yet saved (a ref: an earlier save answering meanwhile must not forget it).
  const typing = useRef(false);
  // Saves sent and not yet answered: an earlier save's answer neither marks the form saved nor
  // replaces a later choice that is still on its way.
  const inflight = useRef(0);
  // Saved or changed elsewhere: the stored settings replace the form's (during render, so no stale
  // frame), unless a change of the form's own is still on its way.
  const [seen, setSeen] = useState(view.settings);
  if (view.settings !== seen) {
    setSeen(view.settings);
    if (state.kind !== 'pending' && state.kind !== 'saving') setDraft(view.settings);
  }
  const save = (next: QuestioningSettings) => {
    setState({ kind: 'saving' });
    inflight.current += 1;
    const run = async () => {
      try {
        const saved = await getPlatform().call('questioning.settings', { meetingId: view.meeting.id, ...next });
        inflight.current -= 1;
        if (inflight.current > 0) return;
        onSaved(saved);
        setState(typing.current ? { kind: 'pending' } : { kind: 'saved', at: Date.now() });
      } catch (err) {
        inflight.current -= 1;
        setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    };
    chain.current = chain.current.then(run, run);
  };
  // 已导出到会场: the first change asks; after 取消 the form shows what is stored and nothing is saved.
  const handoff = useHandoffGuard(view.meeting.id);
  /** A choice: shown and saved at once. */
  const set = (patch: Partial<QuestioningSettings>) =>
    handoff.guard(() => {
      const next = { ...draft, ...patch };
      setDraft(next);
      save(next);
    });
  /** A number being typed: saved when the box is left. */
  const type = (patch: Partial<QuestioningSettings>) =>
    handoff.guard(() => {
      setDraft((d) => ({ ...d, ...patch }));
      typing.current = true;
      setState({ kind: 'pending' });
    });
  const leave = () => {
    if (!typing.current) return;
    typing.current = false;
    save(draft);
  };
  const toggleExclusion = (id: string) => set({ exclusions: draft.exclusions.includes(id) ? draft.exclusions.filter((x) => x !== id) : [...draft.exclusions, id] });
  const chair = view.members.filter((m) => m.role === '主任');
  return (
    <section className="panel qb-settings" aria-labelledby="qb-settings-title">
      <div className="mt-panel-head">
        <h2 id="qb-settings-title">询问设置</h2>
        <span className="muted">修改后自动保存</span>
        <span className="grow" />
        <span className={`save-state ${state.kind}`} role="status" aria-label="询问设置保存状态">
          {saveStateText(state)}
        </span>
      </div>
      <label className="qb-check">
        <input type="checkbox" checked={draft.drawQuestioners} onChange={(e) => set({ drawQuestioners: e.target.checked })} />
        随机抽取提问人
        <span className="muted">— 不勾选时不抽取，委员主动提问，由会议现场登记提问人；勾选时也可登记未经抽取的自由提问</span>
      </label>
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
          <input type="number" min={1} max={60} value={draft.answerMinutes} onChange={(e) => type({ answerMinutes: Number(e.target.value) })} onBlur={leave} aria-label="答复时长（分钟）" />
          分钟
        </label>
        <label className="qb-num">
          追问时长
          <input type="number" min={1} max={60} value={draft.followUpMinutes} onChange={(e) => type({ followUpMinutes: Number(e.target.value) })} onBlur={leave} aria-label="追问时长（分钟）" />
          分钟
        </label>
      </div>
    </section>
  );
}
