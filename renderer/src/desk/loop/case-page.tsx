import type { LoopCase } from '../../../../shared/api/loop-types';
import { formatDateCn } from '../../../../shared/format/dates';
import { useCall } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import { ClosurePanel } from './closure-panel';
import { EscalationPanel } from './escalation-panel';
import { FollowUpPanel } from './follow-up-panel';
import { LedgerPanel } from './ledger-panel';
import { LoopDocsProvider, SupervisionLetters } from './loop-papers';
import { DeadlineLine } from './loop-bits';
import { ReceivedPanel } from './received-panel';
import { ResultUsePanel } from './result-use-panel';
import { FindingThreadPanel } from '../thread/finding-thread-panel';

/** #/loop/<year>/<evaluationId>: one evaluation's rectification and further supervision. */
export function CasePage({ year, evaluationId }: { year: number; evaluationId: string }) {
  const { data, error } = useCall('loop.case', { year, evaluationId });
  const back = (
    <p className="mt-back">
      <a href="#/loop">← 跟踪整改</a>
    </p>
  );
  if (!data) {
    return (
      <>
        {back}
        {error ? (
          <div className="banner error" role="alert">
            读取失败：{error.message}
          </div>
        ) : (
          <p className="muted">正在读取…</p>
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <PageTitle title={`${data.name} · 跟踪整改`} sub={`${data.unitName}${data.position} · ${data.year}年度评议${data.inPost ? '' : ' · 已离任'}`}>
        <span className={`tag ${data.state.stage === 'escalated' ? 'danger' : data.state.stage === 'closed' ? 'ok' : 'red'}`} data-testid="loop-stage">
          {data.stageLabel}
        </span>
      </PageTitle>
      {error && (
        <div className="banner error" role="alert">
          刷新失败，以下为上次读取的内容：{error.message}
        </div>
      )}
      <LoopDocsProvider data={data}>
        <CaseHeader data={data} />
        <SectionJumps />
        <LedgerPanel data={data} />
        <FindingThreadPanel year={year} evaluationId={evaluationId} actions={false} />
        <ReceivedPanel data={data} />
        <FollowUpPanel data={data} />
        <LaterVotesPanel data={data} />
        <EscalationPanel data={data} />
        <ClosurePanel data={data} />
        <ResultUsePanel data={data} />
      </LoopDocsProvider>
    </>
  );
}

function CaseHeader({ data }: { data: LoopCase }) {
  return (
    <section className="panel loop-header" aria-label="办理情况">
      <dl className="loop-facts">
        <dt>当前阶段</dt>
        <dd>
          {data.stageLabel}
          {data.state.next && <span className="loop-next" data-testid="loop-next">：{data.state.next}</span>}
        </dd>
        <dt>测评结果</dt>
        <dd>{data.outcome || '尚未公布'}</dd>
        <dt>评议意见</dt>
        <dd>
          {data.opinionNumber || '尚未印发'}
          {data.deliveredOn && `，${formatDateCn(data.deliveredOn)}送达`}
          {data.opinion && (
            <>
              {' '}
              <a href={`#/opinions/${data.year}/${data.evaluationId}`}>查看评议意见</a>
            </>
          )}
        </dd>
        <dt>整改事项</dt>
        <dd>
          已完成{data.itemsDone}项 / 共{data.items}项
        </dd>
        <dt>期限</dt>
        <dd>{data.deadlines.length === 0 ? (data.state.stage === 'closed' ? '已办结，无待办期限' : '评议意见送达后开始计算') : data.deadlines.map((d) => <DeadlineLine key={d.kind} deadline={d} today={data.today} />)}</dd>
      </dl>
      {data.deadlines
        .filter((d) => d.message)
        .map((d) => (
          <p key={d.kind} className="banner warn">
            {d.message}
          </p>
        ))}
      <SupervisionLetters data={data} />
    </section>
  );
}

/** 后续测评: the later votes as scheduled on meetings; prepared and held from the meeting screen. */
function LaterVotesPanel({ data }: { data: LoopCase }) {
  return (
    <section className="panel" aria-labelledby="loop-votes-title">
      <div className="panel-head">
        <h2 id="loop-votes-title">后续测评</h2>
        <span className="grow" />
        <a href="#/meetings">到“会议”中安排</a>
      </div>
      {data.laterVotes.length === 0 ? (
        <p className="muted">
          {data.state.reReport
            ? '再次报告后的整改情况测评，在“会议”中将本项评议列入常委会会议议程后进行。'
            : '回头看后的满意度测评，在“会议”中将本项评议列入常委会会议议程后进行。'}
        </p>
      ) : (
        <table className="list loop-table" aria-label="后续测评">
          <thead>
            <tr>
              <th>测评</th>
              <th>会议</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {data.laterVotes.map((v, i) => (
              <tr key={`${v.meetingId}-${i}`}>
                <td>
                  {v.title}
                  {v.earlyReason && <div className="muted">提前测评理由：{v.earlyReason}</div>}
                </td>
                <td>
                  {v.meetingName}
                  <div className="muted">{v.meetingDate && formatDateCn(v.meetingDate)}</div>
                </td>
                <td>
                  {v.result ? (
                    <>
                      <span className={`tag ${v.result.failing ? 'danger' : 'ok'}`}>{v.result.outcome}</span> <span className="muted">{v.result.rateText}</span>
                    </>
                  ) : (
                    <span className="muted">尚未公布</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted loop-hint">测评在会议的议程中准备和进行（测评票、计票、通报），此处只显示结果。</p>
    </section>
  );
}

const JUMPS: readonly [string, string][] = [
  ['loop-ledger-title', '整改台账'],
  ['loop-report-title', '整改情况报告'],
  ['loop-followup-title', '回头看'],
  ['loop-votes-title', '后续测评'],
  ['loop-esc-title', '进一步监督'],
  ['loop-close-title', '办结'],
  ['loop-use-title', '结果运用'],
];

/** The case page is long: one row of buttons that scroll to each part (the hash is the route, so no anchors). */
function SectionJumps() {
  return (
    <nav className="loop-jumps" aria-label="本页各部分">
      {JUMPS.map(([id, label]) => (
        <button key={id} type="button" className="btn small" onClick={() => document.getElementById(id)?.scrollIntoView({ block: 'start' })}>
          {label}
        </button>
      ))}
    </nav>
  );
}
