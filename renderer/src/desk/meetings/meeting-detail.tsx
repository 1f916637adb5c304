import { useEffect, useRef, useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall, useSavedResult } from '../../platform/hooks';
import { HandoffBanner } from '../transfer/handoff-mark';
import { useHandoffGuard } from '../transfer/handoff-guard';
import { ConfirmDialog } from '../../ui/dialog';
import { PageTitle } from '../../ui/page-title';
import type { MeetingDetail } from '../../../../shared/api/desk-types';
import { MEETING_STATUS_LABELS, type Meeting } from '../../../../shared/domain/meetings';
import { formatDateCn } from '../../../../shared/format';
import { AgendaTable, type AgendaCommand } from './agenda-table';
import { addHearing, addLaterVote, addReports, addVote, moveItem, removeItem, setMode, updateVote, votesAffected, type AgendaInput } from './agenda-ops';
import { EarlyVoteDialog, LaterPanel } from './later-panel';
import { ApiError } from '../../../../shared/api/errors';
import { DEFAULT_VOTE_TITLES } from '../../../../shared/domain/settings';
import { CandidatesPanel } from './candidates-panel';
import { BatchExportButton } from '../exports/batch-export';
import { DocumentsPanel } from './documents-panel';
import { AttendeesPanel } from './attendees-panel';
import { StatusTag } from './meeting-bits';
import { MeetingFormDialog } from './meeting-form-dialog';
import { VoteDialog } from './vote-dialog';
import { VotePrepPanel } from './vote-prep-panel';

export type Person = MeetingDetail['evaluatees'][number];
type Dialog = { kind: 'edit' } | { kind: 'vote'; index?: number } | { kind: 'remove'; index: number } | { kind: 'early'; message: string; agenda: AgendaInput[] } | null;

/** One meeting and its agenda. Every change is stored through meetings.setAgenda before it shows. */
export function MeetingDetailPage({ id }: { id: string }) {
  const detail = useCall('meetings.get', { id });
  const list = useCall('meetings.list', {});
  const settings = useCall('settings.get', {});
  const titles = settings.data?.voteTitles ?? DEFAULT_VOTE_TITLES;
  // A save's stored result, shown until a refetch sent after it arrives (no optimistic edits).
  const [saved, setMeeting] = useSavedResult<Meeting>(detail);
  const meeting = saved ?? detail.data?.meeting;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const focusAfter = useRef<string | null>(null);
  // 已导出到会场: every edit of the meeting here (details, agenda) asks first, once per visit.
  const handoff = useHandoffGuard(id);

  // Keyboard users keep their place: after a move, focus returns to the moved item's button.
  // Waits for the save to finish: a refetch may bring the new order while the buttons are still disabled.
  useEffect(() => {
    const key = focusAfter.current;
    if (!key || !meeting || busy) return;
    focusAfter.current = null;
    const [itemId, action] = key.split(':');
    const row = document.querySelector<HTMLElement>(`[data-agenda-id="${itemId}"]`);
    const target = row?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('button[data-action]:not(:disabled)');
    target?.focus();
  }, [meeting, busy]);

  if (!meeting || !detail.data) {
    return (
      <>
        <p>
          <a href="#/meetings">← 会议列表</a>
        </p>
        {detail.error ? (
          <div className="banner error" role="alert">
            {detail.error.code === 'not_found' ? '该会议不存在或已被删除。' : `会议读取失败：${detail.error.message}`}
          </div>
        ) : (
          <p className="muted">正在读取…</p>
        )}
      </>
    );
  }

  const people = new Map(detail.data.evaluatees.map((e) => [e.id, e]));
  const otherMeetings = new Map((list.data ?? []).filter((m) => m.id !== id).map((m) => [m.id, m.name]));

  /** Stores a new agenda; the screen changes only with the stored result. Throws for dialogs. */
  const store = async (agenda: AgendaInput[], early?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setMeeting(await getPlatform().call('meetings.setAgenda', { id, agenda, ...(early !== undefined ? { confirm: true, earlyReason: early } : {}) }));
    } finally {
      setBusy(false);
    }
  };
  const apply = async (agenda: AgendaInput[], focus?: string) => {
    if (!(await handoff.confirmEdit())) return;
    // Set before the save: the stored result re-renders the table, and the effect then looks here.
    focusAfter.current = focus ?? null;
    try {
      await store(agenda);
    } catch (err) {
      focusAfter.current = null;
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  /** A later vote: a 满意度测评 before the report arrived asks first, with a reason. */
  const applyLater = async (agenda: AgendaInput[]) => {
    if (!(await handoff.confirmEdit())) return;
    try {
      await store(agenda);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'needs_confirmation') setDialog({ kind: 'early', message: err.message, agenda });
      else setError(err instanceof Error ? err.message : String(err));
    }
  };

  const onCommand = (c: AgendaCommand) => handoff.guard(() => runCommand(c));
  const runCommand = (c: AgendaCommand) => {
    const item = meeting.agenda[c.index];
    if (!item) return;
    switch (c.kind) {
      case 'move':
        void apply(moveItem(meeting.agenda, c.index, c.delta), `${item.id}:${c.delta < 0 ? 'up' : 'down'}`);
        break;
      case 'mode':
        void apply(setMode(meeting.agenda, c.index, c.mode));
        break;
      case 'edit-vote':
        setDialog({ kind: 'vote', index: c.index });
        break;
      case 'remove': {
        const hit = votesAffected(meeting.agenda, c.index);
        // Ask only when the removal reaches beyond its own row (a vote loses a person or goes).
        if (hit.changed.length + hit.dropped.length > 0) setDialog({ kind: 'remove', index: c.index });
        else void apply(removeItem(meeting.agenda, c.index));
        break;
      }
    }
  };

  const closed = meeting.status === 'closed';
  const reportIds = meeting.agenda.flatMap((i) => (i.kind === 'report' ? [i.evaluateeId] : []));
  const voteDialogItem = dialog?.kind === 'vote' && dialog.index !== undefined ? meeting.agenda[dialog.index] : undefined;
  const removing = dialog?.kind === 'remove' ? dialog : null;

  return (
    <>
      <p className="mt-back">
        <a href="#/meetings">← 会议列表</a>
      </p>
      <PageTitle
        title={meeting.name}
        sub={
          <>
            {formatDateCn(meeting.date)}
            {meeting.place && ` · ${meeting.place}`} <StatusTag status={meeting.status} label={MEETING_STATUS_LABELS[meeting.status]} />
          </>
        }
      >
        <a className="btn" href={`#/meetings/${encodeURIComponent(id)}/questions`}>
          题库与随机询问
        </a>
        <button type="button" className="btn" onClick={() => handoff.guard(() => setDialog({ kind: 'edit' }))}>
          修改会议信息
        </button>
        <BatchExportButton meetingId={id} />
      </PageTitle>
      <p className="muted mt-note">{closed ? '会议已结束，议程仅供查阅。' : '签到在会议现场进行。'}</p>
      <HandoffBanner meetingId={id} />

      <AgendaTable
        agenda={meeting.agenda}
        people={people}
        started={detail.data.started}
        busy={busy}
        readOnly={closed}
        error={error}
        onCommand={onCommand}
        onAddVote={() => handoff.guard(() => setDialog({ kind: 'vote' }))}
        canAddVote={reportIds.length > 0}
        titles={titles}
      />
      {!closed && (
        <CandidatesPanel
          meetingId={id}
          year={meeting.year}
          planned={detail.data.planned}
          people={people}
          onAgenda={new Set(reportIds)}
          otherMeetings={otherMeetings}
          busy={busy}
          onAdd={(items) => void apply(addReports(meeting.agenda, items))}
        />
      )}

      {!closed && (
        <LaterPanel
          later={detail.data.later}
          meetingDate={meeting.date}
          agenda={meeting.agenda}
          people={people}
          titles={titles}
          // A later vote is stored under the county's name of it: not before the settings have arrived.
          busy={busy || settings.data === undefined}
          onHearing={(c, purpose) => {
            const mode = detail.data?.planned.find((ev) => ev.id === c.evaluationId)?.mode ?? 'report';
            void apply(addHearing(meeting.agenda, { evaluateeId: c.evaluateeId, evaluationId: c.evaluationId, purpose, mode }));
          }}
          onVote={(c, kind) => void applyLater(addLaterVote(meeting.agenda, { voteKind: kind, title: titles[kind], evaluateeId: c.evaluateeId, evaluationId: c.evaluationId }, detail.data?.started ?? {}))}
        />
      )}

      <VotePrepPanel meetingId={id} />
      <AttendeesPanel meetingId={id} attendees={detail.data.attendees} readOnly={closed} />
      <DocumentsPanel meetingId={id} />

      {dialog?.kind === 'edit' && (
        <MeetingFormDialog
          meeting={meeting}
          onClose={() => setDialog(null)}
          onSaved={(m) => {
            setMeeting(m);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'vote' && (
        <VoteDialog
          item={voteDialogItem?.kind === 'vote' ? voteDialogItem : undefined}
          choices={(voteDialogItem?.kind === 'vote' && voteDialogItem.voteKind !== 'meeting' ? voteDialogItem.evaluateeIds : reportIds).flatMap((eid) => people.get(eid) ?? [])}
          taken={
            new Map(
              meeting.agenda.flatMap((it, i) => (it.kind === 'vote' && it.voteKind === 'meeting' && i !== dialog.index ? it.evaluateeIds.map((eid) => [eid, it.title] as const) : [])),
            )
          }
          onClose={() => setDialog(null)}
          onSave={async (title, ids) => {
            const index = dialog.index;
            await store(index === undefined ? addVote(meeting.agenda, title, ids) : updateVote(meeting.agenda, index, title, ids));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'early' && <EarlyVoteDialog message={dialog.message} onSave={(reason) => store(dialog.agenda, reason)} onClose={() => setDialog(null)} />}
      {removing && (
        <RemoveDialog
          meeting={meeting}
          index={removing.index}
          people={people}
          onConfirm={() => store(removeItem(meeting.agenda, removing.index))}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function RemoveDialog({ meeting, index, people, onConfirm, onClose }: { meeting: Meeting; index: number; people: Map<string, Person>; onConfirm: () => Promise<void>; onClose: () => void }) {
  const item = meeting.agenda[index];
  const hit = votesAffected(meeting.agenda, index);
  const who = item && item.kind !== 'vote' ? (people.get(item.evaluateeId)?.name ?? '该被评议对象') : '';
  return (
    <ConfirmDialog
      title="移出议程"
      danger
      confirmLabel="移出议程"
      message={
        <>
          <p>将{who}移出本次会议议程？</p>
          {hit.changed.length > 0 && <p>同时从测评“{hit.changed.join('”“')}”中去掉{who}。</p>}
          {hit.dropped.length > 0 && <p>测评“{hit.dropped.join('”“')}”只有{who}一人，将一并移出议程。</p>}
        </>
      }
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
