import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { HallContent } from '../../../shared/api/live-types';
import { formatDateCn, isIsoDate } from '../../../shared/format/dates';
import { HallClock } from './hall-clock';

type Of<K extends HallContent['kind']> = Extract<HallContent, { kind: K }>;

/** Long names shrink with their length (so one line fits the width) before they wrap. */
function lengthVar(text: string): CSSProperties {
  return { '--len': Math.max(1, [...text].length) } as CSSProperties;
}

export function IdleSlide({ content }: { content: Of<'idle'> }) {
  return (
    <div className="hall-slide hall-idle">
      <div className="hall-emblem" aria-hidden="true" />
      <h1 className="hall-org-large hall-keep" style={lengthVar(longestSegment(content.orgName))}>
        {organBreaks(content.orgName)}
      </h1>
    </div>
  );
}

export function TitleSlide({ content }: { content: Of<'title'> }) {
  const date = isIsoDate(content.date) ? formatDateCn(content.date) : content.date;
  return (
    <div className="hall-slide hall-title-slide">
      <div className="hall-org hall-keep">{organBreaks(content.orgName)}</div>
      <h1 className="hall-meeting-name hall-keep" style={lengthVar(longestSegment(content.meetingName))}>
        {organBreaks(content.meetingName)}
      </h1>
      <div className="hall-rule" aria-hidden="true" />
      <div className="hall-date">{date}</div>
    </div>
  );
}

// Where an organ's or a meeting's name may break: after the organ, never inside a word.
const BREAK_AFTER = /(人民代表大会|常务委员会|常委会|人民政府)(?!$)/g;

/**
 * Chinese breaks between any two characters, which splits 常委会 or 大数据 across lines.
 * The hall's names are set with `word-break: keep-all` and get break opportunities only after an
 * organ's name (and at punctuation); a name that still does not fit breaks anywhere (CSS
 * overflow-wrap), so nothing ever overflows.
 */
export function organBreaks(text: string): ReactNode {
  const parts = text.split(BREAK_AFTER);
  const out: ReactNode[] = [];
  let buffer = '';
  parts.forEach((part, i) => {
    buffer += part;
    if (i % 2 === 1) {
      out.push(
        <Fragment key={i}>
          {buffer}
          <wbr />
        </Fragment>,
      );
      buffer = '';
    }
  });
  out.push(buffer);
  return out;
}

/** The longest run organBreaks cannot break: a title is sized so that run fits on one line. */
function longestSegment(text: string): string {
  return longest(text.replace(BREAK_AFTER, '$1\n').split('\n'));
}

/** Unit and position as two unbreakable-where-possible blocks: the position moves to its own line first. */
function Post({ unitName, position, className }: { unitName: string; position: string; className: string }) {
  return (
    <div className={`${className} hall-keep`}>
      <span className="hall-chunk">{organBreaks(unitName)}</span>
      {position && ' '}
      {position && <span className="hall-chunk">{position}</span>}
    </div>
  );
}

function longest(texts: string[]): string {
  return texts.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
}

/** 应到30人，实到18人，符合法定人数 — one clause per line, so each can be read from the back row. */
export function AttendanceSlide({ content }: { content: Of<'attendance'> }) {
  const clauses = content.text.split(/(?<=，)/);
  const attendees = [content.deputies > 0 && `列席代表${content.deputies}人`, content.citizens > 0 && `列席群众${content.citizens}人`].filter(Boolean);
  return (
    <div className="hall-slide hall-attendance">
      <div className="hall-header-line hall-keep">{organBreaks(content.meetingName)}</div>
      <h1 className={`hall-quorum ${content.met ? 'met' : 'not-met'}`} data-testid="hall-quorum" style={lengthVar(longest(clauses))}>
        {clauses.map((c, i) => (
          <span key={i} className="hall-quorum-clause">
            {c}
          </span>
        ))}
      </h1>
      {attendees.length > 0 && <div className="hall-attendees">{attendees.join('　')}</div>}
    </div>
  );
}

export function EvaluateeSlide({ content, clockOffsetMs }: { content: Of<'evaluatee'>; clockOffsetMs: number }) {
  const single = content.people.length === 1 ? content.people[0] : undefined;
  return (
    <div className="hall-slide hall-evaluatee">
      <div className="hall-topline hall-keep">
        <span className="hall-topline-meeting">{organBreaks(content.meetingName)}</span>
        <span className="hall-topline-item">
          第{content.itemNo}项／共{content.itemCount}项
        </span>
      </div>
      <div className="hall-stage-label">{content.stageLabel}</div>
      {single ? (
        <div className="hall-person">
          <h1 className="hall-person-name" style={lengthVar(single.name)}>
            {single.name}
          </h1>
          <Post className="hall-person-post" unitName={single.unitName} position={single.position} />
        </div>
      ) : (
        <ul className={`hall-people ${content.people.length > 4 ? 'many' : ''}`}>
          {content.people.map((p, i) => (
            <li key={i}>
              <span className="hall-people-name">{p.name}</span>
              <Post className="hall-people-post" unitName={p.unitName} position={p.position} />
            </li>
          ))}
        </ul>
      )}
      {content.timer && <HallClock timer={content.timer} clockOffsetMs={clockOffsetMs} />}
    </div>
  );
}
