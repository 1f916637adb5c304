import type { CSSProperties } from 'react';
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
      <h1 className="hall-org-large" style={lengthVar(content.orgName)}>
        {content.orgName}
      </h1>
    </div>
  );
}

export function TitleSlide({ content }: { content: Of<'title'> }) {
  const date = isIsoDate(content.date) ? formatDateCn(content.date) : content.date;
  return (
    <div className="hall-slide hall-title-slide">
      <div className="hall-org">{content.orgName}</div>
      <h1 className="hall-meeting-name" style={lengthVar(content.meetingName)}>
        {content.meetingName}
      </h1>
      <div className="hall-rule" aria-hidden="true" />
      <div className="hall-date">{date}</div>
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
      <div className="hall-header-line">{content.meetingName}</div>
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
      <div className="hall-topline">
        <span className="hall-topline-meeting">{content.meetingName}</span>
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
          <div className="hall-person-post">
            {single.unitName}
            {single.position && <span className="hall-person-position">{single.position}</span>}
          </div>
        </div>
      ) : (
        <ul className={`hall-people ${content.people.length > 4 ? 'many' : ''}`}>
          {content.people.map((p, i) => (
            <li key={i}>
              <span className="hall-people-name">{p.name}</span>
              <span className="hall-people-post">
                {p.unitName}
                {p.position}
              </span>
            </li>
          ))}
        </ul>
      )}
      {content.timer && <HallClock timer={content.timer} clockOffsetMs={clockOffsetMs} />}
    </div>
  );
}
