import { SHORTCUTS } from './shortcuts';

/** 快捷键: always on screen, so the operator never has to remember them. */
export function ShortcutsPanel() {
  return (
    <section className="panel shortcuts-panel" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">快捷键</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.label}>
            <dt>
              {s.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">在输入框中打字时快捷键不起作用。重置计时和结束会议需要确认；议程移动可以撤销。</p>
    </section>
  );
}
