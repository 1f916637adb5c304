import { useCall } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import { FindingThreadPanel } from './finding-thread-panel';

/** #/opinions/<year>/<evaluationId>/thread: the research findings of one evaluation and where they went. */
export function ThreadPage({ year, evaluationId }: { year: number; evaluationId: string }) {
  const { data } = useCall('opinions.get', { year, evaluationId });
  const name = data?.row.name ?? '';
  return (
    <>
      <p className="mt-back">
        <a href={`#/opinions/${year}/${evaluationId}`}>← 评议意见</a>
      </p>
      <PageTitle title={`${name ? `${name} · ` : ''}调研问题追溯`} sub={data ? `${data.row.unitName}${data.row.position} · ${year}年度` : ''}>
        <a className="btn" href={`#/opinions/${year}/${evaluationId}/research`}>
          调研报告
        </a>
        <a className="btn" href={`#/loop/${year}/${evaluationId}`}>
          跟踪整改
        </a>
      </PageTitle>
      <FindingThreadPanel year={year} evaluationId={evaluationId} />
    </>
  );
}
