import type { LoopCaseRow } from '../../../../shared/api/loop-types';
import { LOOP_STAGES, type LoopStage } from '../../../../shared/loop/stage';
import { LOOP_LABELS } from '../../../../shared/loop/labels';
import { useCall } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import { navigate } from '../../ui/router';
import { DueTag } from './loop-bits';
import { PaperButton } from './loop-papers';
import { getPlatform } from '../../platform/platform';
import { formatDateCn } from '../../../../shared/format/dates';

/** Filters in the route (#/loop?year=2025&stage=escalated), so a link or reload keeps them. */
export function parseFilters(route: string): { year: number | null; stage: LoopStage | null } {
  const q = new URLSearchParams(route.split('?')[1] ?? '');
  const y = Number(q.get('year'));
  const s = q.get('stage');
  return { year: Number.isInteger(y) && y > 0 ? y : null, stage: (LOOP_STAGES as readonly string[]).includes(s ?? '') ? (s as LoopStage) : null };
}

function filterRoute(year: number | null, stage: LoopStage | null): string {
  const q = new URLSearchParams();
  if (year !== null) q.set('year', String(year));
  if (stage !== null) q.set('stage', stage);
  const s = q.toString();
  return s ? `/loop?${s}` : '/loop';
}

/** 跟踪整改: every evaluation past its meeting's vote, with its derived stage and what is due next. */
export function CaseList({ route }: { route: string }) {
  const { year, stage } = parseFilters(route);
  const { data, error } = useCall('loop.cases', {});
  const rows = data ?? [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const shown = rows.filter((r) => (year === null || r.year === year) && (stage === null || r.state.stage === stage));
  const inYear = rows.filter((r) => year === null || r.year === year);
  const countOf = (s: LoopStage) => inYear.filter((r) => r.state.stage === s).length;
  // The year-wide 结果运用登记表: the chosen year, or the latest one listed.
  const paperYear = year ?? years[0] ?? null;

  return (
    <>
      <PageTitle title="跟踪整改" sub="评议意见的整改落实、回头看、后续测评和进一步监督">
        <label>
          年度{' '}
          <select aria-label="年度" value={year ?? ''} onChange={(e) => navigate(filterRoute(e.target.value === '' ? null : Number(e.target.value), stage))}>
            <option value="">全部年度</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        <label>
          阶段{' '}
          <select aria-label="阶段" value={stage ?? ''} onChange={(e) => navigate(filterRoute(year, e.target.value === '' ? null : (e.target.value as LoopStage)))}>
            <option value="">全部阶段</option>
            {LOOP_STAGES.map((s) => (
              <option key={s} value={s} disabled={countOf(s) === 0 && s !== stage}>
                {LOOP_LABELS.stage[s]}（{countOf(s)}）
              </option>
            ))}
          </select>
        </label>
        {paperYear !== null && (
          <PaperButton label={`导出${paperYear}年度结果运用登记表`} paper="结果运用登记表" run={() => getPlatform().call('loopDocs.resultUses', { year: paperYear })} />
        )}
      </PageTitle>
      {error && (
        <div className="banner error" role="alert">
          跟踪整改列表读取失败：{error.message}
        </div>
      )}
      {!data && !error && <p className="muted">正在读取…</p>}
      {data && rows.length === 0 && (
        <div className="panel loop-empty" data-testid="loop-empty">
          <p>还没有需要跟踪整改的评议。</p>
          <p className="muted">
            评议会议的民主测评结果公布后，该项评议列入此处；评议意见印发并送达后，按意见和建议逐条建立整改台账，并从送达之日起计算整改期限。下一步：在“会议”中进行民主测评，在“评议意见”中起草、审定、印发和送达。
          </p>
          <p>
            <a href="#/meetings">前往会议</a> · <a href="#/opinions">前往评议意见</a>
          </p>
        </div>
      )}
      {data && rows.length > 0 && shown.length === 0 && (
        <p className="muted" data-testid="loop-empty">
          没有符合筛选条件的评议。{' '}
          <a href="#/loop" onClick={() => navigate('/loop')}>
            显示全部
          </a>
        </p>
      )}
      {shown.length > 0 && (
        <table className="list loop-list" aria-label="跟踪整改列表">
          <thead>
            <tr>
              <th>被评议对象</th>
              <th>单位职务</th>
              <th>年度</th>
              <th>阶段</th>
              <th>测评结果</th>
              <th>评议意见</th>
              <th className="num">整改事项</th>
              <th>下一期限</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <Row key={r.evaluationId} row={r} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Row({ row: r }: { row: LoopCaseRow }) {
  const next = [...r.deadlines].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
  return (
    <tr>
      <td>
        <a href={`#/loop/${r.year}/${r.evaluationId}`}>{r.name}</a>
        {!r.inPost && <div className="muted">已离任</div>}
      </td>
      <td>
        {r.unitName}
        {r.position}
      </td>
      <td>{r.year}</td>
      <td>
        <span className={`tag ${r.state.stage === 'escalated' ? 'danger' : r.state.stage === 'closed' ? 'ok' : ''}`}>{r.stageLabel}</span>
        {r.state.next && <div className="muted loop-hint">{r.state.next}</div>}
      </td>
      <td>{r.outcome || '—'}</td>
      <td>
        {r.opinionNumber || <span className="muted">尚未印发</span>}
        {r.deliveredOn && <div className="muted">{formatDateCn(r.deliveredOn)}送达</div>}
      </td>
      <td className="num">{r.items === 0 ? '—' : `${r.itemsDone}/${r.items}`}</td>
      <td>
        {next ? (
          <>
            <div>
              {next.label} {next.state === 'unscheduled' ? `${formatDateCn(next.due)}以后` : formatDateCn(next.due)}
            </div>
            <DueTag deadline={next} today={undefined} />
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}
