import { useState, type ReactNode } from 'react';
import type { ArgsOf } from '../../../../shared/api/contract';
import type { IssuedDocument, MeetingDocsGroup, MeetingDocsRound, MeetingDocsView } from '../../../../shared/api/documents-types';
import type { FileDelivery } from '../../../../shared/api/file-types';
import { parseDocNumber } from '../../../../shared/format/doc-number';
import { formatDateCn, isIsoDate } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { Dialog } from '../../ui/dialog';
import { Field, fieldErrors } from '../../ui/field';
import { deliverWithNotice } from '../exports/deliver';
import './documents-panel.css';
import { DateField } from '../../ui/date-field';
import { ExportSheetButton } from '../sheets/sheet-tools';

type Notice = { ok: boolean; text: string } | null;
/** What the panel is making now (one file at a time), so its button says so. */
type Busy = string | null;

/** The whole meeting's 通报, or one round's, with the number it already carries. */
interface AnnounceTarget {
  roundId?: string;
  what: string;
  issued: IssuedDocument | null;
}

/** 已登记X人常〔2026〕3号（2026年10月30日）: what the register holds for a 通报. */
const issuedText = (doc: IssuedDocument) => `已登记${doc.docNumber}（${formatDateCn(doc.date)}）`;

/**
 * 会议文件: the papers of one meeting as Word files — 签到表, per round 测评票 (N sheets per voter
 * group), 计票结果报告单 and 测评结果通报, the whole meeting's 通报 and the 会议记录 of the
 * questioning. A paper that cannot be made yet has its button disabled with the reason beside it.
 */
export function DocumentsPanel({ meetingId }: { meetingId: string }) {
  const { data, error } = useCall('documents.meeting', { meetingId });
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [announcing, setAnnouncing] = useState<AnnounceTarget | null>(null);

  const make = async (key: string, label: string, request: () => Promise<FileDelivery>) => {
    setBusy(key);
    setNotice(null);
    try {
      const text = deliverWithNotice(await request());
      if (text) setNotice({ ok: true, text });
    } catch (err) {
      setNotice({ ok: false, text: `${label}导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(null);
    }
  };

  if (error) {
    return (
      <section className="panel" aria-labelledby="md-title">
        <h2 id="md-title">会议文件</h2>
        <div className="banner error" role="alert">
          会议文件读取失败：{error.message}
        </div>
      </section>
    );
  }
  if (!data) return null;
  const call = getPlatform().call.bind(getPlatform());

  return (
    <section className="panel md-panel" aria-labelledby="md-title">
      <h2 id="md-title">会议文件</h2>
      <p className="muted">按已保存的记录生成Word文件：测评票每页一张、不编号；计票结果报告单和测评结果通报的数字取自已核对的测评结果。</p>
      <div className="md-row" data-testid="md-meeting">
        <PaperButton
          label="签到表"
          busyLabel={busy === 'sign-in'}
          blocker={data.signInBlocker}
          hint={`组成人员${data.memberCount}人，按名单顺序`}
          onClick={() => void make('sign-in', '签到表', () => call('documents.signIn', { meetingId }))}
        />
        <PaperButton
          label="会议记录（询问）"
          busyLabel={busy === 'minutes'}
          blocker={data.minutesBlocker}
          hint={`询问${data.questions}次`}
          onClick={() => void make('minutes', '会议记录', () => call('documents.minutes', { meetingId }))}
        />
        <PaperButton
          label="测评结果通报（全部测评）"
          busyLabel={busy === 'announce-all'}
          blocker={data.meetingAnnouncementBlocker}
          hint={data.meetingAnnouncement ? issuedText(data.meetingAnnouncement) : `已公布${data.publishedRounds}项测评`}
          onClick={() => setAnnouncing({ what: '本次会议全部已公布的测评', issued: data.meetingAnnouncement })}
        />
      </div>
      {data.rounds.length === 0 && <p className="muted">尚未准备测评轮次（见本页“测评准备”）；准备后可打印测评票。</p>}
      {data.rounds.map((round) => (
        <RoundPapers
          key={round.id}
          round={round}
          busy={busy}
          onBallots={(g, sheets) =>
            void make(`ballots:${round.id}:${g.id}`, '测评票', () => call('documents.ballots', { meetingId, roundId: round.id, groupId: g.id, sheets }))
          }
          onCountReport={(g) => void make(`count:${round.id}:${g.id}`, '计票结果报告单', () => call('documents.countReport', { meetingId, roundId: round.id, groupId: g.id }))}
          onAnnounce={() => setAnnouncing({ roundId: round.id, what: `${round.title}${round.label}`, issued: round.announcement })}
          extra={round.countReportBlocker === null ? <ExportSheetButton args={{ what: 'round', meetingId, roundId: round.id }} label="测评结果（Excel）" onNotice={(text, ok) => setNotice({ ok, text })} /> : null}
        />
      ))}
      {notice && (
        <div className={`banner ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'} data-testid="md-notice">
          {notice.text}
        </div>
      )}
      {announcing && (
        <AnnouncementDialog
          view={data}
          target={announcing}
          onClose={() => setAnnouncing(null)}
          onExport={async (args) => {
            const text = deliverWithNotice(await call('documents.announcement', args));
            if (text) setNotice({ ok: true, text });
          }}
        />
      )}
    </section>
  );
}

function PaperButton({ label, busyLabel, blocker, hint, onClick }: { label: string; busyLabel: boolean; blocker: string | null; hint?: string; onClick(): void }) {
  return (
    <span className="md-paper">
      <button type="button" className="btn" disabled={blocker !== null || busyLabel} title={blocker ?? undefined} onClick={onClick}>
        {busyLabel ? '正在生成…' : label}
      </button>
      <span className="muted md-why">{blocker ?? hint}</span>
    </span>
  );
}

function RoundPapers({
  round,
  busy,
  onBallots,
  onCountReport,
  onAnnounce,
  extra,
}: {
  round: MeetingDocsRound;
  busy: Busy;
  onBallots(g: MeetingDocsGroup, sheets: number): void;
  onCountReport(g: MeetingDocsGroup): void;
  onAnnounce(): void;
  /** The round's results as a spreadsheet (once counted). */
  extra?: ReactNode;
}) {
  const several = round.groups.length > 1;
  // One short line for what waits on the count (the buttons' titles carry the full reasons).
  const notes =
    round.state === 'void'
      ? [round.ballotBlocker ?? '本轮测评已作废']
      : [round.countReportBlocker ? '计票核对后可打印计票结果报告单' : null, round.announcementBlocker ? '结果公布后可印发测评结果通报' : null].filter((b): b is string => b !== null);
  return (
    <div className="md-round" data-testid="md-round" aria-label={`${round.title}${round.label}`} role="group">
      <div className="md-round-head">
        <strong>{round.title}</strong> <span className="tag red">{round.label}</span> <span className="tag">{round.stateLabel}</span>
        <span className="muted"> {round.names.join('、')}</span>
      </div>
      <table className="list md-table">
        <thead>
          <tr>
            <th>投票人员</th>
            <th>测评票（每页一张，不编号）</th>
            <th>计票结果报告单</th>
          </tr>
        </thead>
        <tbody>
          {round.groups.map((g) => (
            <GroupPapers key={g.id} round={round} group={g} several={several} busy={busy} onBallots={onBallots} onCountReport={onCountReport} />
          ))}
        </tbody>
      </table>
      <div className="md-row">
        <button type="button" className="btn" disabled={round.announcementBlocker !== null} title={round.announcementBlocker ?? undefined} onClick={onAnnounce}>
          测评结果通报
        </button>
        {round.announcement && (
          <span className="tag" data-testid="md-issued" title={`${round.announcement.title}，已导出${round.announcement.exports}次`}>
            {issuedText(round.announcement)}
          </span>
        )}
        {extra}
        {notes.length > 0 && <span className="muted md-note">{notes.join('；')}</span>}
      </div>
    </div>
  );
}

function GroupPapers({
  round,
  group,
  several,
  busy,
  onBallots,
  onCountReport,
}: {
  round: MeetingDocsRound;
  group: MeetingDocsGroup;
  several: boolean;
  busy: Busy;
  onBallots(g: MeetingDocsGroup, sheets: number): void;
  onCountReport(g: MeetingDocsGroup): void;
}) {
  const [sheets, setSheets] = useState(String(group.defaultSheets));
  const n = Number(sheets);
  const sheetsProblem = /^\d+$/.test(sheets.trim()) && n >= 1 && n <= 500 ? null : '张数应为1至500的整数';
  const suffix = several ? `（${group.label}）` : '';
  const printing = busy === `ballots:${round.id}:${group.id}`;
  const counting = busy === `count:${round.id}:${group.id}`;
  return (
    <tr>
      <td>{group.label}</td>
      <td>
        <span className="md-paper">
          <label className="md-sheets">
            <input
              type="number"
              min={1}
              max={500}
              value={sheets}
              aria-label={`${round.label}测评票张数${suffix}`}
              aria-invalid={sheetsProblem !== null}
              onChange={(e) => setSheets(e.target.value)}
            />
            张
          </label>
          <button
            type="button"
            className="btn small"
            disabled={round.ballotBlocker !== null || sheetsProblem !== null || printing}
            title={round.ballotBlocker ?? sheetsProblem ?? undefined}
            onClick={() => onBallots(group, n)}
          >
            {printing ? '正在生成…' : `打印测评票${suffix}`}
          </button>
          <span className="muted md-why">{sheetsProblem ?? `默认${group.defaultSheets}张（含2张备用）`}</span>
        </span>
      </td>
      <td>
        <button
          type="button"
          className="btn small"
          disabled={round.countReportBlocker !== null || counting}
          title={round.countReportBlocker ?? undefined}
          onClick={() => onCountReport(group)}
        >
          {counting ? '正在生成…' : `计票结果报告单${suffix}`}
        </button>
      </td>
    </tr>
  );
}

function AnnouncementDialog({
  view,
  target,
  onClose,
  onExport,
}: {
  view: MeetingDocsView;
  target: AnnounceTarget;
  onClose(): void;
  onExport(args: ArgsOf<'documents.announcement'>): Promise<void>;
}) {
  // A 通报 already numbered reprints under its number and date; a new one gets the next free number.
  const issued = target.issued;
  const [number, setNumber] = useState(issued?.docNumber ?? view.suggestedNumber);
  const [date, setDate] = useState(issued?.date ?? view.today);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general?: string }>({ fields: {} });
  const parsed = number.trim() === '' ? null : parseDocNumber(number);
  const localError = parsed && !parsed.ok ? parsed.message : undefined;
  const renumbered = issued !== null && parsed?.ok === true && number.trim() !== issued.docNumber;
  const hint = issued
    ? renumbered
      ? `本通报已登记为${issued.docNumber}；改用新字号导出后，登记改为新字号；原字号仍保留登记，不会分给其他公文。`
      : `本通报已登记为${issued.docNumber}（已导出${issued.exports}次），用同一字号导出即重印。`
    : '系统建议的下一个字号（已避开本系统登记的评议意见和通报），可修改；系统外编号的公文请自行避开。';
  const ok = async () => {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await onExport({ meetingId: view.meeting.id, ...(target.roundId ? { roundId: target.roundId } : {}), docNumber: number.trim(), date });
      onClose();
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="导出测评结果通报"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="button" className="btn primary" disabled={busy || !parsed?.ok || !isIsoDate(date)} onClick={() => void ok()}>
            {busy ? '正在生成…' : '导出通报'}
          </button>
        </>
      }
    >
      <p className="muted">通报：{target.what}。红头、发文字号、版记按“设置”中的公文格式；抄送含各被测评对象所在单位。</p>
      <Field label="发文字号" error={localError ?? errors.fields['docNumber']} hint={hint}>
        {(id) => (
          <input
            id={id}
            value={number}
            onChange={(e) => {
              setNumber(e.target.value);
              // The service's refusal was about the number as it was; a new one is checked anew.
              setErrors((prev) => {
                const { docNumber: _stale, ...fields } = prev.fields;
                return { ...prev, fields };
              });
            }}
          />
        )}
      </Field>
      {view.takenNumbers.length > 0 && <p className="muted md-note">本系统今年已使用：{view.takenNumbers.join('、')}</p>}
      <DateField label="成文日期" error={errors.fields['date']} value={date} onChange={setDate} />
      {errors.general && (
        <div className="banner error" role="alert">
          {errors.general}
        </div>
      )}
    </Dialog>
  );
}
