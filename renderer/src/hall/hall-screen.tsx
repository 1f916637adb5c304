import { useEffect, useRef, useState, type RefObject } from 'react';
import { DrawSlide } from './questioning/draw-slide';
import { VoteSlide } from './vote/vote-slide';
import type { HallContent, HallView } from '../../../shared/api/live-types';
import { AttendanceSlide, EvaluateeSlide, IdleSlide, TitleSlide } from './hall-slides';
import { useFit } from './use-fit';
import './hall.css';

function slideBody(content: HallContent, clockOffsetMs: number, size: { width: number; height: number }, preview: boolean) {
  switch (content.kind) {
    case 'draw':
      return <DrawSlide content={content} clockOffsetMs={clockOffsetMs} preview={preview} />;
    case 'vote':
      return <VoteSlide content={content} width={size.width} height={size.height} />;
    case 'idle':
      return <IdleSlide content={content} />;
    case 'title':
      return <TitleSlide content={content} />;
    case 'attendance':
      return <AttendanceSlide content={content} />;
    case 'evaluatee':
      return <EvaluateeSlide content={content} clockOffsetMs={clockOffsetMs} />;
    case 'blank':
    case 'black':
      return null;
  }
}

/** Changes when the slide's words change (not on timer ticks): a new slide fades in and is refitted. */
function contentKey(content: HallContent): string {
  const { kind } = content;
  // Keys name what makes a new slide; counts ticking up or a timer starting only update in place.
  if (kind === 'vote') {
    return JSON.stringify([kind, content.phase, content.title, content.roundNo, 'page' in content ? content.page : 0, 'amended' in content ? content.amended : false]);
  }
  if (kind === 'draw') {
    return JSON.stringify([kind, content.drawId, content.questionNo, content.question, !!content.timer, content.timer?.label]);
  }
  if (kind === 'evaluatee') {
    return JSON.stringify([kind, content.itemNo, content.stageLabel, content.people, !!content.timer, content.timer?.label]);
  }
  return JSON.stringify(content);
}

/** The slide frame's size in CSS pixels (the vote chart draws to it). */
function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 1920, height: 1080 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * One hall picture, drawn from a HallView alone. Sizes are container units, so the same
 * component fills a projector (the hall window) or a small 16:9 box (the console's preview, which
 * runs no animations and steps the draw's reel slowly: its frames belong to the hall).
 */
export function HallScreen({ view, clockOffsetMs, preview = false }: { view: HallView; clockOffsetMs: number; preview?: boolean }) {
  const slideRef = useRef<HTMLDivElement>(null);
  const key = contentKey(view.content);
  useFit(slideRef, key);
  const size = useSize(slideRef);
  const kind = view.content.kind;
  return (
    <div className={`hall-screen kind-${kind}${view.rehearsal ? ' rehearsal' : ''}`} data-testid="hall-screen" data-kind={kind} data-rev={view.rev}>
      <div className="hall-frame" ref={slideRef}>
        <div className="hall-fade" key={key}>
          {slideBody(view.content, clockOffsetMs, size, preview)}
        </div>
        {view.rehearsal && <div className="hall-rehearsal-mark">彩排</div>}
      </div>
    </div>
  );
}
