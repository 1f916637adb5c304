import { SHORTCUTS } from './shortcuts';
import { QUESTIONING_SHORTCUTS } from './questioning/questioning-keys';

/**
 * 快捷键: a strip along the bottom of the console, always in view, never scrolled away. During
 * 随机询问 the questioning panel takes Space and + for the answer timers and adds its own keys.
 */
function shortcutsFor(questioning: boolean): readonly { keys: string[]; label: string }[] {
  if (!questioning) return SHORTCUTS;
  const own = QUESTIONING_SHORTCUTS.map((s) => ({ keys: [s.key], label: s.label }));
  const taken = new Set(own.flatMap((s) => s.keys));
  return [...SHORTCUTS.filter((s) => !s.keys.some((k) => taken.has(k))), ...own];
}

export function ShortcutsPanel({ questioning = false }: { questioning?: boolean }) {
  const shown = shortcutsFor(questioning);
  return (
    <footer className="shortcuts-bar" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">快捷键</h2>
      <dl>
        {shown.map((s) => (
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
      <span className="shortcuts-note">输入框中不生效 · 重置计时与结束会议需确认 · F1 或 ? 查看全部按键</span>
    </footer>
  );
}
