import { useMemo, useState } from 'react';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { ShellStatus } from '../../../shared/api/shell-types';
import { ConfirmDialog } from '../ui/dialog';
import { AgendaPanel } from './agenda-panel';
import { AttendancePanel } from './attendance-panel';
import { HallControl } from './hall-control';
import { ShortcutsPanel } from './shortcuts-panel';
import { HelpButton } from './help-sheet';
import { useShortcutRunner } from './shortcut-runner';
import { StagePanel } from './stage-panel';
import { QuestioningPanel } from './questioning/questioning-panel';
import { VotePanel } from './vote/vote-panel';
import type { LiveConsole } from './use-live-console';

type Asking = 'end' | 'reset' | 'discard' | 'leave' | null;

const OPENING = { itemIndex: -1, stage: 'opening' } as const;

const STATUS_LABELS = { idle: '未开始', running: '进行中', ended: '已结束' } as const;

export const DISPLAY_WARNING = '只检测到一个显示器（或显示器为镜像）：大屏窗口将与本控制台显示在同一屏幕上';

function needsDisplayWarning(shell: ShellStatus | null, state: LiveConsoleState): boolean {
  const before = !state.live || state.live.status === 'idle';
  return !!shell && shell.mode === 'desktop' && (shell.singleScreen || shell.mirrored) && before;
}

/**
 * A meeting is open on the console: header, banners, the three columns and the confirmations.
 * The panels get only the parts of the state they show, kept identical while unchanged
 * (shareEqual), and are memoised: a draw re-renders the questioning panel and the hall preview,
 * not the roster and the agenda, so the console leaves the cores to the hall it shares them with.
 */
export function SessionView({ lc, state }: { lc: LiveConsole; state: LiveConsoleState }) {
  const { act, call } = lc;
  const [asking, setAsking] = useState<Asking>(null);
  const rehearsal = !!state.session?.rehearsal;
  const live = state.live;
  const status = live?.status ?? 'idle';

  useShortcutRunner(lc, state);
  // The same array while the roster is unchanged (shareEqual keeps it), so the vote panel skips.
  const memberNames = useMemo(() => state.roster.map((m) => m.name), [state.roster]);

  return (
    <div className={`console${rehearsal ? ' rehearsal' : ''}`}>
      <header className="console-header">
        <span className="title">会议现场</span>
        <span className="meeting-name">{state.meeting?.name}</span>
        <span className={`status-tag status-${status}`} data-testid="live-status">
          {STATUS_LABELS[status]}
        </span>
        {rehearsal && <span className="rehearsal-badge">彩排</span>}
        {state.quorum && (
          // Always in view: a draw or a vote needs the quorum, and members come and go all day.
          <span className={`header-quorum ${state.quorum.met ? 'met' : 'not-met'}`} data-testid="header-quorum" data-met={state.quorum.met}>
            {state.quorum.met ? '✔ ' : '✘ '}
            {state.quorum.text}
          </span>
        )}
        <span className="spacer" />
        <HelpButton />
        <button className="btn header-btn" onClick={() => (status === 'running' ? setAsking('leave') : act('live.leave', {}))}>
          离开会议现场
        </button>
        <button className="btn header-btn end" disabled={status !== 'running'} onClick={() => setAsking('end')}>
          结束会议
        </button>
      </header>
      <div className="console-banners">
        {rehearsal && (
          <div className="rehearsal-banner" role="note">
            <strong>彩排模式 — 不影响正式记录</strong>
            <span>这是会议的副本，签到、议程和计时都不会写入正式会议。</span>
            <span className="spacer" />
            <button className="btn" onClick={() => setAsking('discard')}>
              丢弃彩排
            </button>
          </div>
        )}
        {needsDisplayWarning(lc.shell, state) && <div className="banner warn display-warning">{DISPLAY_WARNING}</div>}
        {lc.notice && (
          <div className="banner error console-notice" role="alert">
            <span>{lc.notice}</span>
            <button className="btn small" onClick={() => lc.setNotice(null)} aria-label="关闭提示">
              知道了
            </button>
          </div>
        )}
      </div>
      <main className="console-main">
        <div className="console-col">
          <AttendancePanel roster={state.roster} quorum={state.quorum} attendance={state.attendance} act={act} />
        </div>
        <div className="console-col">
          <StagePanel state={state} clockOffsetMs={lc.clockOffsetMs} act={act} onReset={() => setAsking('reset')} />
          {live?.position.stage === 'questioning' && live.status === 'running' && <QuestioningPanel liveRev={live.rev} />}
          {live?.position.stage === 'vote' && <VotePanel liveRev={live.rev} agendaItemId={state.meeting?.agenda[live.position.itemIndex]?.id} memberNames={memberNames} />}
          <HallControl hall={state.hall} slide={live?.slide ?? 'auto'} clockOffsetMs={lc.clockOffsetMs} shell={lc.shell} act={act} shellCall={lc.shellCall} />
        </div>
        <div className="console-col">
          <AgendaPanel agenda={state.agenda} position={live?.position ?? OPENING} running={live?.status === 'running'} canUndo={!!live && live.history.length > 0} prev={state.prev} next={state.next} act={act} />
        </div>
      </main>
      <ShortcutsPanel questioning={live?.position.stage === 'questioning' && live.status === 'running'} />
      {asking === 'end' && (
        <ConfirmDialog
          title="结束会议"
          message="结束后会议现场不能再移动议程或计时；大屏显示闭幕会标。"
          confirmLabel="结束会议"
          typeToConfirm="结束会议"
          danger
          onConfirm={async () => void (await call('live.end', { confirm: '结束会议' }))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'reset' && (
        <ConfirmDialog
          title="重置汇报计时"
          message={`计时将回到${state.reportMinutes}分钟，已用时间清零。`}
          confirmLabel="重置计时"
          danger
          onConfirm={async () => void (await call('live.timer', { action: 'reset' }))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'discard' && (
        <ConfirmDialog
          title="丢弃彩排"
          message="彩排副本中的签到、议程进度和计时将全部删除；正式会议不受影响。"
          confirmLabel="丢弃彩排"
          danger
          onConfirm={async () => void (await call('live.discardRehearsal', {}))}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'leave' && (
        <ConfirmDialog
          title="离开会议现场"
          message="会议仍在进行：离开后大屏回到待机画面，会议进度保留，可以随时回来继续。"
          confirmLabel="离开"
          onConfirm={async () => void (await call('live.leave', {}))}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
