import { HandoffTag } from '../transfer/handoff-mark';
import { useHandoffGuards } from '../transfer/handoff-guard';
import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { ConfirmDialog } from '../../ui/dialog';
import { PageTitle } from '../../ui/page-title';
import { navigate } from '../../ui/router';
import type { MeetingSummary } from '../../../../shared/api/desk-types';
import type { Meeting } from '../../../../shared/domain/meetings';
import { formatDateCn } from '../../../../shared/format';
import { MeetingFormDialog } from './meeting-form-dialog';
import { AgendaCounts, StatusTag } from './meeting-bits';

type Editing = { kind: 'create' } | { kind: 'edit'; meeting: Meeting } | { kind: 'delete'; meeting: MeetingSummary } | null;

/** 会议: the Standing Committee meetings that hear the evaluations, newest first. */
export function MeetingList() {
  const { data, error } = useCall('meetings.list', {});
  const handoffs = useCall('package.handoffs', {}).data;
  const [editing, setEditing] = useState<Editing>(null);
  const [openError, setOpenError] = useState<string>();
  // 已导出到会场: 修改 and 删除 of a meeting out at the hall ask first.
  const handoff = useHandoffGuards();

  // The list carries summaries only; editing needs the whole record (届次, 次, agenda).
  const edit = async (id: string) => {
    setOpenError(undefined);
    try {
      const detail = await getPlatform().call('meetings.get', { id });
      setEditing({ kind: 'edit', meeting: detail.meeting });
    } catch (err) {
      setOpenError(err instanceof Error ? err.message : String(err));
    }
  };

  const meetings = [...(data ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <PageTitle title="会议" sub="听取和审议工作评议报告的常委会会议">
        <button type="button" className="btn primary" onClick={() => setEditing({ kind: 'create' })}>
          新建会议
        </button>
      </PageTitle>
      {(error ?? openError) && (
        <div className="banner error" role="alert">
          {error ? `会议列表读取失败：${error.message}` : openError}
        </div>
      )}
      <table className="list mt-list" aria-label="会议列表">
        <thead>
          <tr>
            <th>会议名称</th>
            <th>日期</th>
            <th>地点</th>
            <th>状态</th>
            <th>议程</th>
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr key={m.id}>
              <td>
                <a href={`#/meetings/${m.id}`} className="mt-name">
                  {m.name}
                </a>
              </td>
              <td className="nowrap">{formatDateCn(m.date)}</td>
              <td>{m.place || <span className="muted">未填写</span>}</td>
              <td>
                <StatusTag status={m.status} label={m.statusLabel} /> <HandoffTag meetingId={m.id} handoffs={handoffs} />
              </td>
              <td className="muted">
                <AgendaCounts m={m} />
              </td>
              <td className="actions">
                <button type="button" className="btn small" onClick={() => navigate(`/meetings/${m.id}`)} aria-label={`议程：${m.name}`}>
                  议程
                </button>
                <button type="button" className="btn small" onClick={() => handoff.guard(m.id, () => void edit(m.id))} aria-label={`修改：${m.name}`}>
                  修改
                </button>
                <button type="button" className="btn small danger" onClick={() => handoff.guard(m.id, () => setEditing({ kind: 'delete', meeting: m }))} aria-label={`删除：${m.name}`}>
                  删除
                </button>
              </td>
            </tr>
          ))}
          {data && meetings.length === 0 && (
            <tr>
              <td colSpan={6} className="muted mt-empty">
                尚无会议。点击“新建会议”安排听取评议报告的常委会会议。
              </td>
            </tr>
          )}
          {!data && !error && (
            <tr>
              <td colSpan={6} className="muted">
                正在读取…
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {editing?.kind === 'create' && (
        <MeetingFormDialog
          onClose={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            // A new meeting is made to receive its agenda next.
            navigate(`/meetings/${m.id}`);
          }}
        />
      )}
      {editing?.kind === 'edit' && <MeetingFormDialog meeting={editing.meeting} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <ConfirmDialog
          title="删除会议"
          danger
          confirmLabel="删除会议"
          message={
            <p>
              删除“{editing.meeting.name}”（{formatDateCn(editing.meeting.date)}）及其议程？评议计划本身不受影响。
              {handoffs?.some((h) => h.meetingId === editing.meeting.id && h.direction === 'out') && '本会议的会议包在会场，删除后会场带回的会议结果包将不能导入。'}
            </p>
          }
          onConfirm={async () => {
            await getPlatform().call('meetings.delete', { id: editing.meeting.id });
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
