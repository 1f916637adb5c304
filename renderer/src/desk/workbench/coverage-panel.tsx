import type { DeskOverview } from '../../../../shared/api/desk-types';
import { EVALUATEE_CATEGORIES } from '../../../../shared/domain/evaluatees';
import { formatSession } from '../../../../shared/format';
import { planName } from '../../../../shared/domain/settings';

/** Plan coverage for the term (全覆盖): how far the five-year plan reaches, and what needs fixing. */
export function CoveragePanel({ data }: { data: DeskOverview }) {
  const { coverage: c, term } = data;
  const pct = (n: number) => (c.total === 0 ? 0 : (n / c.total) * 100);
  const categories = EVALUATEE_CATEGORIES.filter((cat) => c.byCategory[cat].total > 0);
  return (
    <section className="panel" aria-labelledby="wb-coverage-title">
      <div className="panel-head">
        <h2 id="wb-coverage-title">本届计划覆盖</h2>
        <span className="muted">
          {formatSession(term.session)} · {term.startYear}—{term.endYear}年
        </span>
        <span className="grow" />
        <a href="#/plan">打开{planName(term)}</a>
      </div>
      <div className="wb-coverage-figure">
        已覆盖 {c.covered}
        <small>/ {c.total}人</small>
      </div>
      <div className="wb-bar" role="img" aria-label={`已覆盖${c.covered}人，共${c.total}人`}>
        <div className="covered" style={{ width: `${pct(c.covered)}%` }} />
        <div className="left" style={{ width: `${pct(c.left)}%` }} />
      </div>
      <table className="list" aria-label="按类别的覆盖情况">
        <thead>
          <tr>
            <th>类别</th>
            <th className="num">应覆盖</th>
            <th className="num">已覆盖</th>
            <th className="num">未覆盖</th>
            <th className="num">已离任未评议</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((cat) => {
            const k = c.byCategory[cat];
            return (
              <tr key={cat}>
                <td>{cat}</td>
                <td className="num">{k.total}人</td>
                <td className="num">{k.covered}人</td>
                <td className="num">{k.uncovered > 0 ? <span className="tag warn">{k.uncovered}人</span> : '0人'}</td>
                <td className="num">{k.left}人</td>
              </tr>
            );
          })}
          {categories.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                尚未录入被评议对象
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <CoverageNotes data={data} />
    </section>
  );
}

function CoverageNotes({ data }: { data: DeskOverview }) {
  const { errors, warnings, uncovered, total } = data.coverage;
  if (total === 0 && errors === 0) {
    // Nothing to cover is not "all covered": say what is missing and where it goes.
    return (
      <div className="banner warn wb-note" role="status">
        尚未录入被评议对象，计划覆盖无从计算。<a href="#/evaluatees">前往录入被评议对象</a>，再在{planName(data.term)}中安排评议年度。
      </div>
    );
  }
  if (errors === 0 && warnings === 0) {
    return (
      <div className="banner ok wb-note" role="status">
        {uncovered === 0 ? '计划无冲突，本届所有被评议对象均已列入计划。' : `计划无冲突；尚有${uncovered}人未列入计划。`}
      </div>
    );
  }
  return (
    <div className={`banner ${errors > 0 ? 'error' : 'warn'} wb-note`} role="status">
      {errors > 0 && `计划中有${errors}处冲突需要更正`}
      {errors > 0 && warnings > 0 && '；'}
      {warnings > 0 && `${warnings}项提醒（如岗位交接后的继任人员尚未列入计划）`}。<a href="#/plan">前往{planName(data.term)}处理</a>
    </div>
  );
}
