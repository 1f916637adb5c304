import type { QuestionBankView } from '../../../../shared/api/questioning-types';
import { MEETING_STATUS_LABELS } from '../../../../shared/domain/meetings';
import { formatDateCn } from '../../../../shared/format';
import { useCall, useSavedResult } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import { BankSettings } from './bank-settings';
import { DrawLogPanel } from './draw-log-panel';
import { EvaluateeBank } from './evaluatee-bank';
import './questions.css';

/**
 * 题库与随机询问 of one meeting (#/meetings/<id>/questions): the questioning settings, each
 * evaluatee's question bank and minutes, and the draw log with its fairness check.
 */
export function QuestionBankPage({ meetingId }: { meetingId: string }) {
  const loaded = useCall('questions.list', { meetingId });
  // A save's stored result, shown until a refetch sent after it arrives.
  const [saved, onSaved] = useSavedResult<QuestionBankView>(loaded);
  const view = saved ?? loaded.data;

  const back = (
    <p className="mt-back">
      <a href={`#/meetings/${encodeURIComponent(meetingId)}`}>← 会议议程</a>
    </p>
  );
  if (!view) {
    return (
      <>
        {back}
        {loaded.error ? (
          <div className="banner error" role="alert">
            {loaded.error.code === 'not_found' ? '该会议不存在或已被删除。' : `读取失败：${loaded.error.message}`}
          </div>
        ) : (
          <p className="muted">正在读取…</p>
        )}
      </>
    );
  }
  const heard = view.evaluatees.filter((e) => e.mode === 'report');
  const written = view.evaluatees.filter((e) => e.mode === 'written');
  return (
    <div className="qb-page">
      {back}
      <PageTitle title="题库与随机询问" sub={`${view.meeting.name} · ${formatDateCn(view.meeting.date)} · ${MEETING_STATUS_LABELS[view.meeting.status]}`} />
      <p className="muted mt-note">会前为每位到会汇报的被评议对象准备问题；会上在“会议现场”随机抽取提问人（可同时抽取问题），记录答复要点。</p>
      <BankSettings view={view} onSaved={onSaved} />
      {heard.length === 0 && <div className="banner warn">议程中没有到会汇报的被评议对象，无需准备题库。请先在会议议程中安排汇报。</div>}
      {heard.map((e) => (
        <EvaluateeBank key={e.id} view={view} evaluatee={e} onSaved={onSaved} />
      ))}
      {written.length > 0 && <p className="muted">书面报告（不安排随机询问）：{written.map((e) => e.name).join('、')}</p>}
      <DrawLogPanel meetingId={meetingId} />
    </div>
  );
}
