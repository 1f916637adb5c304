import { useEffect, useMemo, useRef, useState } from 'react';
import type { StatsView } from '../../../../shared/api/calls/stats';
import { FIGURE_KEYS, type Figure, type FigureKey, type PeriodStats } from '../../../../shared/stats';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { PageTitle } from '../../ui/page-title';
import { deliverWithNotice } from '../exports/deliver';
import { StatsCharts } from './stats-charts';
import './stats.css';

/**
 * 统计: the figures of a year, of the term up to a year (截至), or of the whole term, each beside its definition;
 * a figure opens the list of records it was computed from. Everything is computed by the services from the
 * records on each read (`stats.view`), so a changed record or definition shows at once.
 */

/** The figures in the catalog's order (the 其中 rows are indented under their total); grades have their own table. */
const SHOWN: readonly FigureKey[] = FIGURE_KEYS.filter((key) => key !== 'grades');

type Scope = 'year' | 'upTo' | 'term';

function periodOf(view: StatsView, scope: Scope, year: number): PeriodStats | undefined {
  if (scope === 'term') return view.whole;
  const list = scope === 'year' ? view.byYear : view.upTo;
  return list.find((p) => p.period.to === year);
}

export function StatsPage() {
  const { data, error } = useCall('stats.view', {});
  const [scope, setScope] = useState<Scope>('upTo');
  const [year, setYear] = useState<number | null>(null);
  const [open, setOpen] = useState<FigureKey | null>(null);
  const shownYear = year ?? data?.currentYear ?? 0;
  const period = data ? periodOf(data, scope, shownYear) : undefined;

  // The benchmark (ui.stats.render.ms) reads this mark: the first render with figures and charts, once per mount.
  const marked = useRef(false);
  useEffect(() => {
    if (data && !marked.current) {
      marked.current = true;
      performance.mark('stats-rendered');
    }
  }, [data]);

  if (!data || !period) {
    return (
      <>
        <PageTitle title="统计" />
        {error ? (
          <div className="banner error" role="alert">
            统计读取失败：{error.message}
          </div>
        ) : (
          <p className="muted">正在计算…</p>
        )}
      </>
    );
  }
  const title = scope === 'year' ? `${shownYear}年` : scope === 'upTo' ? `截至${shownYear}年` : `本届（${data.term.startYear}—${data.term.endYear}年）`;
  const figure = open ? period.figures[open] : null;

  return (
    <div className="stats-page">
      <PageTitle title="统计" sub={`数字均由评议记录计算，不可手工填写 · 计算日期 ${data.today}`} />
      {error && (
        <div className="banner error" role="alert">
          刷新失败，以下为上次读取的数据：{error.message}
        </div>
      )}
      <div className="toolbar" role="group" aria-label="统计期间">
        <select aria-label="统计范围" value={scope} onChange={(e) => {
            setScope(e.target.value as Scope);
            setOpen(null);
          }}>
          <option value="year">按年度</option>
          <option value="upTo">截至某年（本届累计）</option>
          <option value="term">本届</option>
        </select>
        {scope !== 'term' && (
          <select aria-label="年度" value={shownYear} onChange={(e) => {
              setYear(Number(e.target.value));
              setOpen(null);
            }}>
            {data.byYear.map((p) => (
              <option key={p.period.from} value={p.period.from}>
                {p.period.from}年
              </option>
            ))}
          </select>
        )}
        <AnnualReportButton year={shownYear} />
      </div>

      <section className="panel" aria-label={`${title}统计`}>
        <h2>{title}</h2>
        {scope === 'year' &&
          period.targets.map((t) =>
            t.problem ? (
              <div key={t.year} className="banner warn" role="status">
                {t.problem}。
              </div>
            ) : null,
          )}
        <table className="stats-figures">
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col">数值</th>
              <th scope="col">口径</th>
            </tr>
          </thead>
          <tbody>
            {SHOWN.map((key) => (
              <FigureRow key={key} f={period.figures[key]} indent={key === 'heardJudges' || key === 'heardProsecutors'} open={open === key} onOpen={() => setOpen(open === key ? null : key)} />
            ))}
            <tr>
              <th scope="row">{period.figures.grades.label}</th>
              <td>
                <button type="button" className="linkish stats-value" aria-expanded={open === 'grades'} onClick={() => setOpen(open === 'grades' ? null : 'grades')}>
                  {period.grades.map((g) => `${g.outcome}${g.count}人`).join('，') || '—'}
                </button>
              </td>
              <td className="muted">{period.figures.grades.definition}</td>
            </tr>
          </tbody>
        </table>
      </section>

      {figure && <RecordList f={figure} period={period.period} title={title} onClose={() => setOpen(null)} />}

      <StatsCharts view={data} lastYear={scope === 'term' ? data.term.endYear : shownYear} />
    </div>
  );
}

function FigureRow({ f, indent, open, onOpen }: { f: Figure; indent: boolean; open: boolean; onOpen: () => void }) {
  return (
    <tr data-figure={f.key}>
      <th scope="row" className={indent ? 'stats-sub' : undefined}>
        {f.label}
      </th>
      <td>
        <button type="button" className="linkish stats-value" aria-expanded={open} aria-label={`${f.label} ${f.text}，查看依据的记录`} onClick={onOpen}>
          {f.text}
        </button>
        {f.numerator !== null && f.denominator !== null && (
          <div className="muted stats-fraction">
            {f.numerator} ÷ {f.denominator}
          </div>
        )}
        {f.reason && <div className="muted stats-reason">{f.reason}</div>}
      </td>
      <td className="muted">{f.definition}</td>
    </tr>
  );
}

function RecordList({ f: shown, period, title, onClose }: { f: Figure; period: PeriodStats['period']; title: string; onClose: () => void }) {
  const { data, error } = useCall('stats.records', { from: period.from, to: period.to, key: shown.key });
  // The list opens below the figures: brought into view, as a dialog would be.
  const region = useRef<HTMLElement>(null);
  // A block body: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    void region.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [shown.key]);
  // The figure as computed with its records; the one shown until they arrive.
  const f = data ?? shown;
  const counted = f.refs.filter((r) => r.counted).length;
  const apart = f.refs.length - counted;
  return (
    <section ref={region} className="panel stats-records" aria-label={`${f.label}的依据`}>
      <div className="stats-records-head">
        <h2>
          {title} · {f.label} {f.text}
        </h2>
        <button type="button" className="btn small" onClick={onClose}>
          关闭
        </button>
      </div>
      <p className="muted">
        {f.definition}
        {apart > 0 ? ` 共${f.refs.length}条记录，其中计入分子${counted}条。` : ` 共${f.refs.length}条记录。`}
      </p>
      {error && (
        <div className="banner error" role="alert">
          记录读取失败：{error.message}
        </div>
      )}
      {!data && !error ? (
        <p className="muted">正在读取{f.refCount}条记录…</p>
      ) : f.refs.length === 0 ? (
        <p className="muted">{f.reason ?? '没有记录。'}</p>
      ) : (
        <table className="stats-ref-table">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">被评议对象</th>
              <th scope="col">记录</th>
              {apart > 0 && <th scope="col">计入</th>}
            </tr>
          </thead>
          <tbody>
            {f.refs.map((r, i) => (
              <tr key={`${r.evaluationId}-${i}`}>
                <td>{r.year}</td>
                <td>
                  <a href={`#/loop/${r.year}/${r.evaluationId}`}>{r.name}</a>
                </td>
                <td>{r.detail}</td>
                {apart > 0 && <td>{r.counted ? '是' : <span className="tag danger">否</span>}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AnnualReportButton({ year }: { year: number }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const go = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const said = deliverWithNotice(await getPlatform().call('stats.annualReport', { year }));
      if (said) setMessage({ ok: true, text: said });
    } catch (err) {
      setMessage({ ok: false, text: `年度工作评议情况报告导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  };
  const label = useMemo(() => `导出${year}年度工作评议情况报告`, [year]);
  return (
    <>
      <button type="button" className="btn" disabled={busy} onClick={() => void go()}>
        {busy ? '正在生成…' : label}
      </button>
      {message && (
        <span className={`tag ${message.ok ? 'ok' : 'danger'}`} role={message.ok ? 'status' : 'alert'} aria-label="年度工作评议情况报告导出">
          {message.text}
        </span>
      )}
    </>
  );
}
