import { CONSOLE_KEYS, HELP_KEYS, QUESTIONING_KEYS, SHEET_ENTRY_KEYS, markKeyLines, type KeyLine } from '../../../../shared/live/console-keys';

const GROUPS: { title: string; note: string; lines: readonly KeyLine[] }[] = [
  { title: '议程、计时与大屏', note: '会议进行中随时可用', lines: [...CONSOLE_KEYS, ...HELP_KEYS] },
  { title: '随机询问', note: '此环节的按键优先：空格、+ 用于答复计时', lines: QUESTIONING_KEYS.map((k) => ({ keys: [k.key], label: k.label })) },
  { title: '逐张录入测评票', note: '在录入框中，每位被测评对象按一个键', lines: [...markKeyLines(), ...SHEET_ENTRY_KEYS] },
];

/** The console's keys, from the lists its handlers act on: the key sheet (F1) and the 会议当天 help page show this. */
export function KeyTables() {
  return (
    <div className="key-tables">
      {GROUPS.map((g) => (
        <section key={g.title} className="key-group" aria-label={g.title}>
          <h3>{g.title}</h3>
          <p className="muted key-group-note">{g.note}</p>
          <dl>
            {g.lines.map((k) => (
              <div key={`${k.keys.join()}-${k.label}`}>
                <dt>
                  {k.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </dt>
                <dd>{k.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="muted key-note">在输入框中打字时快捷键不起作用；重置计时与结束会议需确认。</p>
    </div>
  );
}
