import { CaseList } from './case-list';
import { CasePage } from './case-page';
import './loop.css';

/** Routes #/loop (the list, filters in the query) and #/loop/<year>/<evaluationId> (one case). */
export function LoopPage({ route }: { route: string }) {
  const m = /^\/loop\/(\d{4})\/([^/?#]+)/.exec(route);
  if (m) return <CasePage key={m[2]} year={Number(m[1])} evaluationId={decodeURIComponent(m[2]!)} />;
  return <CaseList route={route} />;
}
