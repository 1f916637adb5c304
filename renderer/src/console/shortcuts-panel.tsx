import { SHORTCUTS } from './shortcuts';

/** 快捷键: a strip along the bottom of the console, always in view, never scrolled away. */
export function ShortcutsPanel() {
  return (
    <footer className="shortcuts-bar" aria-labelledby="shortcuts-title">
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
      <span className="shortcuts-note">输入框中不生效 · 重置计时与结束会议需确认</span>
    </footer>
  );
}
