import { memo, useState } from 'react';
import { CurrentQuestion } from './current-question';
import { LogBox } from './log-box';
import { QUESTIONING_SHORTCUTS, useQuestioningKeys, type QuestioningKey } from './questioning-keys';
import { BankBox, CandidatesBox, RecordsBox } from './questioning-lists';
import { ReasonDialog, type ReasonAsk } from './reason-dialog';
import { useQuestioning } from './use-questioning';
import { VolunteerBox } from './volunteer-box';
import './questioning.css';
import { formatRound } from '../../../../shared/format/chinese-numerals';

const REDRAW_REASONS = ['该委员临时离场', '该委员示意暂不提问', '抽取时操作有误'];
const UNDO_REASONS = ['误触抽取', '抽取时操作有误', '会议安排调整'];
const CYCLE_REASONS = ['本轮所有出席人员均已提问', '主持人宣布开始新一轮询问'];

/**
 * 随机询问 on the console: draw the questioner (D), redraw or undo with a reason (R, U), time the
 * answer and the follow-up (Space, F), minute the answer, finish the question (N). Everything it
 * does is logged and durable before it shows; the minutes never go to the hall.
 */
export const QuestioningPanel = memo(function QuestioningPanel({ liveRev }: { liveRev: number }) {
  const q = useQuestioning(liveRev);
  const [ask, setAsk] = useState<ReasonAsk | null>(null);
  const qs = q.state;
  const current = qs?.current ?? null;
  const blocked = qs?.blockedBy ?? '正在读取…';
  const drawing = qs?.settings.drawQuestioners ?? true;
  const canDraw = !!qs && drawing && !qs.blockedBy && !current && qs.candidates.length > 0;

  const askRedraw = () =>
    setAsk({
      title: '重新抽取',
      message: `作废本次抽取（${current?.memberName ?? ''}）并重新抽取。作废的抽取保留在记录中，该委员之后仍可被抽到；如已离场，请先在签到中改为缺席。`,
      confirmLabel: '作废并重新抽取',
      presets: REDRAW_REASONS,
      run: (reason) => q.call('questioning.redraw', { reason }),
    });
  const askUndo = () =>
    setAsk({
      title: '撤销抽取',
      message: `撤销本次抽取（${current?.memberName ?? ''}）。撤销记入抽取记录，该委员之后仍可被抽到。`,
      confirmLabel: '撤销抽取',
      presets: UNDO_REASONS,
      run: (reason) => q.call('questioning.undoDraw', { reason }),
    });
  const askCycle = () =>
    setAsk({
      title: '开始新一轮',
      message: '开始新一轮后，所有出席的组成人员（排除人员除外）重新成为候选人。开始新一轮记入抽取记录。',
      confirmLabel: '开始新一轮',
      presets: CYCLE_REASONS,
      run: (reason) => q.call('questioning.newCycle', { reason }),
    });

  const toggle = (which: 'answer' | 'followUp') => {
    if (!current) return q.setNotice('当前没有正在进行的提问，请先抽取（D）。');
    const t = which === 'answer' ? current.answerTimer : current.followUpTimer;
    q.act('questioning.timer', { recordId: current.id, which, action: t.runningSince !== null ? 'pause' : 'start' });
  };

  // Keys are not held back while a call runs: the services apply changes in order, so N then D
  // pressed quickly finishes the question and then draws, as the operator meant.
  useQuestioningKeys((key: QuestioningKey) => {
    switch (key) {
      case 'draw':
        return q.act('questioning.draw', {});
      case 'redraw':
        return current ? askRedraw() : q.setNotice('当前没有可重新抽取的抽取。');
      case 'undo':
        return current ? askUndo() : q.setNotice('当前没有可撤销的抽取。');
      case 'answerTimer':
        return toggle('answer');
      case 'followUpTimer':
        return toggle('followUp');
      case 'addMinute':
        return current
          ? q.act('questioning.timer', { recordId: current.id, which: current.activeTimer ?? 'answer', action: 'addMinute' })
          : q.setNotice('当前没有正在进行的提问。');
      case 'next':
        return current ? q.act('questioning.next', {}) : q.setNotice('当前没有正在进行的提问。');
    }
  });

  return (
    <section className="panel q-panel" aria-labelledby="q-title" data-testid="questioning-panel">
      <div className="q-head">
        <h2 id="q-title">随机询问</h2>
        {qs?.evaluatee && (
          <span className="q-evaluatee">
            询问对象：<strong>{qs.evaluatee.name}</strong> <span className="muted">{qs.evaluatee.unitName} {qs.evaluatee.position}</span>
          </span>
        )}
        {qs?.rehearsal && <span className="tag warn">彩排记录</span>}
      </div>
      {q.notice && (
        <div className="banner error q-notice" role="alert">
          <span>{q.notice}</span>
          <button className="btn small" onClick={() => q.setNotice(null)}>
            知道了
          </button>
        </div>
      )}
      {qs?.blockedBy && <div className="banner warn">{qs.blockedBy}，不能{drawing ? '抽取' : '登记提问'}。</div>}
      {!drawing && <div className="banner">本次会议不随机抽取提问人（询问设置）：委员主动提问时，选择提问人后登记。</div>}

      <div className="q-actions" role="group" aria-label="抽取操作">
        {drawing && (
          <button className="btn primary big" disabled={!canDraw || q.busy} onClick={() => q.act('questioning.draw', {})}>
            抽取提问人<kbd>D</kbd>
          </button>
        )}
        <button className="btn" disabled={!current || q.busy} onClick={askRedraw}>
          重抽<kbd>R</kbd>
        </button>
        <button className="btn" disabled={!current || q.busy} onClick={askUndo}>
          撤销<kbd>U</kbd>
        </button>
        <button className="btn" disabled={!current || q.busy} onClick={() => q.act('questioning.next', {})}>
          下一个问题<kbd>N</kbd>
        </button>
      </div>

      {qs && <VolunteerBox state={qs} q={q} disabled={!!qs.blockedBy || !!current} />}

      {drawing && qs?.offerNewCycle && !current && (
        <div className="banner ok q-cycle" role="status">
          <span>本轮所有出席的组成人员都已提问（{qs.scope?.label}，{qs.scope ? formatRound(qs.scope.cycle) : ''}）。</span>
          <button className="btn primary" onClick={askCycle}>
            开始新一轮
          </button>
        </div>
      )}

      <div className="q-body">
        <div className="q-main">
          {current && qs ? (
            <CurrentQuestion key={current.id} record={current} state={qs} q={q} clockOffsetMs={q.clockOffsetMs} />
          ) : (
            <div className="q-idle muted">
              {qs && !qs.blockedBy ? (!drawing ? '委员主动提问时，在上方选择提问人并登记；大屏显示提问人。' : qs.candidates.length ? '按 D 抽取提问人；大屏显示抽取过程和抽中的委员。' : qs.empty?.message) : blocked}
            </div>
          )}
          {qs && <RecordsBox records={qs.records} currentId={current?.id} call={q.call} />}
        </div>
        <div className="q-side">
          {qs && drawing && <CandidatesBox candidates={qs.candidates} scope={qs.scope} presentCount={qs.presentCount} excluded={qs.excluded} asked={qs.asked} empty={qs.empty} />}
          {qs && <BankBox bank={qs.bank} settings={qs.settings} />}
          {qs && <LogBox meetingId={qs.meetingId} rehearsal={qs.rehearsal} logCount={qs.logCount} logTail={qs.logTail} />}
          <section className="q-box q-keys" aria-labelledby="q-keys-title">
            <h3 id="q-keys-title">随机询问快捷键</h3>
            <dl>
              {QUESTIONING_SHORTCUTS.map((s) => (
                <div key={s.key}>
                  <dt>
                    <kbd>{s.key}</kbd>
                  </dt>
                  <dd>{s.label}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">在记录框中打字时快捷键不起作用；空格在本阶段控制答复计时。</p>
          </section>
        </div>
      </div>
      {ask && <ReasonDialog ask={ask} onClose={() => setAsk(null)} />}
    </section>
  );
});
