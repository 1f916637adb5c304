import { ConnectionNotice } from '../ui/connection-notice';

/** The operator console (会议现场). */
export function ConsoleApp() {
  return (
    <div className="desk" style={{ gridTemplateColumns: '1fr' }}>
      <header className="desk-header">
        <span className="title">会议现场</span>
      </header>
      <main className="desk-main">
        <div className="panel">
          <h2>暂无进行中的会议</h2>
          <p className="muted">请在办公桌的“会议”中选择会议后开始。</p>
        </div>
      </main>
      <ConnectionNotice />
    </div>
  );
}
