import { useEffect, useState } from 'react';
import type { QuestioningState, QuestionRecordView } from '../../../../shared/api/questioning-types';
import type { TimerKind } from '../../../../shared/domain/questioning';
import { NotesEditor } from './notes-editor';
import { FindingPicker } from './volunteer-box';
import { QuestionTimer, type TimerCommand } from './question-timer';
import type { Questioning } from './use-questioning';

/** The question on the floor now: who asks, what, the two timers and the minutes. */
export function CurrentQuestion({ record, state, q, clockOffsetMs }: { record: QuestionRecordView; state: QuestioningState; q: Questioning; clockOffsetMs: number }) {
  const settling = useSettling(record.settleAt, clockOffsetMs);
  const timer = (which: TimerKind) => (action: TimerCommand) => q.act('questioning.timer', { recordId: record.id, which, action });
  return (
    <div className="q-current" data-testid="q-current">
      <div className="q-current-head">
        <span className="q-no">第{record.questionNo}问</span>
        <span className="q-asker" data-testid="q-asker">
          {record.memberName}
        </span>
        <span className="muted">{record.memberRole}</span>
        <span className="muted q-draw-no">{record.origin === 'volunteer' ? '自由提问' : `第${record.drawOrdinal}次抽取`}</span>
        <span className="grow" />
        {settling && (
          <button className="btn small" onClick={() => q.act('questioning.skipAnimation', {})}>
            跳过大屏动画
          </button>
        )}
      </div>
      <QuestionText key={record.id} record={record} q={q} />
      <FindingPicker recordId={record.id} findingId={record.findingId} state={state} q={q} />
      <div className="q-timers">
        <QuestionTimer which="answer" timer={record.answerTimer} onHall={record.activeTimer === 'answer'} clockOffsetMs={clockOffsetMs} keyLabel="空格" disabled={q.busy} onCommand={timer('answer')} />
        <QuestionTimer which="followUp" timer={record.followUpTimer} onHall={record.activeTimer === 'followUp'} clockOffsetMs={clockOffsetMs} keyLabel="F" disabled={q.busy} onCommand={timer('followUp')} />
      </div>
      <NotesEditor key={record.id} recordId={record.id} notes={record.notes} save={async (notes) => void (await q.call('questioning.notes', { recordId: record.id, notes }))} />
      <p className="muted q-hint">
        {state.settings.answerMinutes}分钟答复、{state.settings.followUpMinutes}分钟追问；开始一个计时会暂停另一个，大屏显示最后开始的计时。
      </p>
    </div>
  );
}

/** True until the hall's animation settles (the skip button is offered meanwhile). */
function useSettling(settleAt: number, clockOffsetMs: number): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const ms = settleAt - (Date.now() + clockOffsetMs);
    if (ms <= 0) return;
    const id = window.setTimeout(() => setNow(Date.now()), ms + 20);
    return () => window.clearTimeout(id);
  }, [settleAt, clockOffsetMs]);
  return settleAt > now + clockOffsetMs;
}

/**
 * A question drawn from the bank is shown as drawn; otherwise the secretary notes what was asked.
 * Enter leaves the field (saving it), so the panel's keys work again at once.
 */
function QuestionText({ record, q }: { record: QuestionRecordView; q: Questioning }) {
  const [text, setText] = useState(record.questionText);
  // The saved text coming back (or changed elsewhere) replaces the field's, as React suggests: during render.
  const [seen, setSeen] = useState(record.questionText);
  if (record.questionText !== seen) {
    setSeen(record.questionText);
    setText(record.questionText);
  }
  if (record.questionId) {
    return (
      <div className="q-question" data-testid="q-question">
        {record.topic && <span className="tag red">{record.topic}</span>} {record.questionText}
        <span className="muted q-from-bank">{record.origin === 'volunteer' ? '（题库问题，大屏显示）' : '（题库抽取，大屏显示）'}</span>
      </div>
    );
  }
  const commit = () => text.trim() !== record.questionText && q.act('questioning.question', { recordId: record.id, text });
  return (
    <div className="field q-spot-question">
      <label htmlFor={`q-text-${record.id}`}>现场提出的问题（记录用，不上大屏）</label>
      <input id={`q-text-${record.id}`} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
    </div>
  );
}
