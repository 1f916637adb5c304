import { useLayoutEffect, type CSSProperties } from 'react';
import type { HallDrawContent } from '../../../../shared/api/questioning-types';
import { HallClock } from '../hall-clock';
import { shownIndex, stampSettledPaint, useRemaining } from './draw-timing';
import './draw-slide.css';

/** The console's preview steps the reel four times a second, not every frame. */
const PREVIEW_STEP_MS = 250;

const lengthVar = (text: string) => ({ '--len': Math.max(2, [...text].length) }) as CSSProperties;

/**
 * 随机询问 on the hall: the draw running through the candidates, settling on the drawn member;
 * then whoever has the floor — the questioner (请提问, 追问) or the evaluatee answering (回答中) —
 * the question if one was drawn from the bank, and the answer or follow-up timer. Read from 15 m: nothing below 4.3% of the screen's height, and calm — one name at a time.
 */
export function DrawSlide({ content, clockOffsetMs, preview = false }: { content: HallDrawContent; clockOffsetMs: number; preview?: boolean }) {
  const remaining = useRemaining(content.settleAt, clockOffsetMs, preview ? PREVIEW_STEP_MS : 0);
  const settled = remaining <= 0;
  const { candidates, member } = content;
  const drawnIndex = Math.max(0, candidates.indexOf(member.name));
  const shown = settled ? member.name : (candidates[shownIndex(drawnIndex, candidates.length, remaining)] ?? member.name);

  useLayoutEffect(() => {
    if (settled && !preview) stampSettledPaint(content.drawId);
  }, [settled, content.drawId, preview]);

  return (
    <div className={`hall-slide hall-draw ${settled ? 'settled' : 'drawing'}`} data-testid="hall-draw" data-draw-id={content.drawId} data-settled={settled}>
      <div className="hall-topline hall-keep">
        <span className="hall-draw-evaluatee">
          询问对象：{content.evaluatee.name}
          {content.evaluatee.unitName && `（${content.evaluatee.unitName}${content.evaluatee.position}）`}
        </span>
        <span>
          第{content.itemNo}项／共{content.itemCount}项
        </span>
      </div>
      <div className="hall-stage-label">
        {content.stageLabel}　第{content.questionNo}问
      </div>
      {settled ? (
        <>
          {content.floor === 'answer' ? (
            <>
              <div className="hall-draw-caption hall-draw-asker" data-testid="hall-draw-asker">
                {member.name}
                {member.role}提问
              </div>
              <h1 className="hall-draw-name hall-draw-answering" data-testid="hall-answering" style={lengthVar(`${content.evaluatee.name}同志回答中`)}>
                {content.evaluatee.name}
                <span className="hall-draw-role">同志　回答中</span>
              </h1>
            </>
          ) : (
            <>
              <div className="hall-draw-caption">{content.floor === 'followUp' ? '追问' : '请提问'}</div>
              <h1 className="hall-draw-name" data-testid="hall-draw-name" style={lengthVar(member.name)}>
                {member.name}
                <span className="hall-draw-role">{member.role}</span>
              </h1>
            </>
          )}
          {content.question && (
            <div className="hall-draw-question" data-testid="hall-draw-question" style={lengthVar(content.question.text)}>
              {content.question.topic && <span className="hall-draw-topic">{content.question.topic}</span>}
              {content.question.text}
            </div>
          )}
          {content.timer && <HallClock timer={content.timer} clockOffsetMs={clockOffsetMs} />}
        </>
      ) : (
        <>
          <div className="hall-draw-caption">随机抽取提问人</div>
          <div className="hall-draw-reel" aria-live="off">
            <span className="hall-draw-reel-name" data-testid="hall-draw-reel">
              {shown}
            </span>
          </div>
          <div className="hall-draw-pool">从{candidates.length}名候选人中抽取</div>
        </>
      )}
    </div>
  );
}
