import { useCall } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import type { DeskOverview } from '../../../../shared/api/desk-types';
import { formatDateCn, formatSession } from '../../../../shared/format';
import { CoveragePanel } from './coverage-panel';
import { NextMeetingPanel } from './next-meeting-panel';
import { PendingOpinionsPanel } from './pending-opinions-panel';
import { LoopDuePanel } from './loop-due-panel';
import { DemoTag } from './demo-tag';
import { planName } from '../../../../shared/domain/settings';
import './workbench.css';

/** 工作台: where the office starts its day. Every figure comes from desk.overview, never typed in. */
export function WorkbenchPage() {
  const { data, error } = useCall('desk.overview', {});

  if (!data) {
    return (
      <>
        <PageTitle title="工作台" />
        {error ? (
          <div className="banner error" role="alert">
            工作台数据读取失败：{error.message}
          </div>
        ) : (
          <p className="muted">正在读取…</p>
        )}
      </>
    );
  }

  const { term } = data;
  return (
    <>
      <PageTitle
        title="工作台"
        sub={`${data.orgShortName} · ${formatSession(term.session)}（${term.startYear}—${term.endYear}年） · 今天是${formatDateCn(data.today)}`}
      >
        {data.demo && <DemoTag />}
      </PageTitle>
      {error && (
        <div className="banner error" role="alert">
          刷新失败，以下为上次读取的数据：{error.message}
        </div>
      )}
      <SummaryCards data={data} />
      <StageStrip data={data} />
      <LoopDuePanel data={data} />
      <div className="wb-split">
        <NextMeetingPanel meeting={data.nextMeeting} today={data.today} />
        <CoveragePanel data={data} />
      </div>
      <PendingOpinionsPanel />
    </>
  );
}

function SummaryCards({ data }: { data: DeskOverview }) {
  const { coverage } = data;
  return (
    <section className="grid-cards wb-cards" aria-label="概况">
      <div className="card">
        <div className="label">{data.year}年度评议</div>
        <div className="value" data-testid="wb-evaluations">
          {data.evaluationsThisYear}
          <small>项</small>
        </div>
        <div className="sub">
          到会汇报 <span data-testid="wb-report">{data.reportInPerson}</span>人 · 书面报告 <span data-testid="wb-written">{data.writtenReports}</span>人
        </div>
      </div>
      <div className="card">
        <div className="label">本届计划覆盖</div>
        <div className={`value${coverage.uncovered > 0 ? ' warn' : ''}`} data-testid="wb-coverage">
          {coverage.covered}
          <small>/ {coverage.total}人</small>
        </div>
        <div className="sub">{coverage.total === 0 ? <a href="#/evaluatees">尚未录入被评议对象</a> : coverage.uncovered > 0 ? `尚有${coverage.uncovered}人未覆盖` : '已全覆盖'}</div>
      </div>
      <div className="card">
        <div className="label">常委会组成人员</div>
        <div className="value" data-testid="wb-members">
          {data.members.active}
          <small>人</small>
        </div>
        <div className="sub">
          {data.members.total === 0 ? <a href="#/members">尚未录入组成人员</a> : data.members.total > data.members.active ? `另有${data.members.total - data.members.active}人已不在任` : '均在任'}
        </div>
      </div>
      <div className="card">
        <div className="label">被评议对象</div>
        <div className="value" data-testid="wb-evaluatees">
          {data.evaluatees.inPost}
          <small>人在岗</small>
        </div>
        <div className="sub">
          {data.evaluatees.total === 0 ? <a href="#/evaluatees">尚未录入</a> : data.evaluatees.total > data.evaluatees.inPost ? `另有${data.evaluatees.total - data.evaluatees.inPost}人已离任` : `共${data.evaluatees.total}人`}
        </div>
      </div>
    </section>
  );
}

/** The closed loop in process order, every stage shown so an empty step is visible as empty. */
function StageStrip({ data }: { data: DeskOverview }) {
  return (
    <section className="panel" aria-labelledby="wb-stages-title">
      <div className="panel-head">
        <h2 id="wb-stages-title">{data.year}年度评议进度</h2>
        <span className="muted">
          共{data.evaluationsThisYear}项 · 到会汇报{data.reportInPerson}人 · 书面报告{data.writtenReports}人
        </span>
        <span className="grow" />
        <a href="#/plan">查看{planName(data.term)}</a>
      </div>
      {data.evaluationsThisYear === 0 ? (
        <p className="muted">
          {data.year}年度尚未安排评议，{data.evaluatees.total === 0 ? '请先录入被评议对象，再' : '可'}在“{planName(data.term)}”中列入。
        </p>
      ) : (
        <ol className="wb-stages" aria-label="各阶段评议数">
          {data.stages.map((s, i) => (
            <li key={s.stage} className={s.count === 0 ? 'zero' : 'active'} aria-label={`${s.label} ${s.count}项`}>
              <div className="step">第{i + 1}步</div>
              <div className="name">{s.label}</div>
              <div className="count">
                {s.count}
                <small>项</small>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
