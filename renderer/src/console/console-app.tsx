import { ConnectionNotice } from '../ui/connection-notice';
import { MeetingPicker } from './meeting-picker';
import { SessionView } from './session-view';
import { useLiveConsole } from './use-live-console';
import { HelpButton, HelpSheetHost } from './help-sheet';
import './console.css';

/** The operator console (会议现场): keyboard first, for the laptop wired to the hall's projector. */
export function ConsoleApp() {
  const lc = useLiveConsole();
  const { state } = lc;
  if (state?.session) {
    return (
      <HelpSheetHost>
        <SessionView lc={lc} state={state} />
        <ConnectionNotice />
      </HelpSheetHost>
    );
  }
  return (
    <HelpSheetHost>
      <div className="console">
        <header className="console-header">
          <span className="title">会议现场</span>
          {state && <span className="org">{state.orgName}</span>}
          <span className="spacer" />
          <HelpButton />
        </header>
        <main className="console-picker-main">
          {lc.notice && (
            <div className="banner error" role="alert">
              {lc.notice}
            </div>
          )}
          {state ? (
            <MeetingPicker state={state} act={lc.act} />
          ) : lc.loadError ? (
            <div className="banner error" role="alert">
              无法读取会议现场状态：{lc.loadError}
              <button className="btn small" onClick={lc.reload} style={{ marginLeft: 12 }}>
                重试
              </button>
            </div>
          ) : (
            <p className="muted">正在读取会议现场状态…</p>
          )}
        </main>
        <ConnectionNotice />
      </div>
    </HelpSheetHost>
  );
}
