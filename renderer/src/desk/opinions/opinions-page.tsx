import { OpinionEditorPage } from './opinion-editor-page';
import { OpinionList } from './opinion-list';
import { ResearchPage } from '../research/research-page';
import { ThreadPage } from '../thread/thread-page';
import './opinions.css';

/** Routes #/opinions[?year=YYYY] (the list), #/opinions/<year>/<evaluationId> (one opinion) and …/research (its 调研报告). */
export function OpinionsPage({ route }: { route: string }) {
  const thread = /^\/opinions\/(\d{4})\/([^/?#]+)\/thread/.exec(route);
  if (thread) return <ThreadPage key={route} year={Number(thread[1])} evaluationId={decodeURIComponent(thread[2] ?? '')} />;
  const research = /^\/opinions\/(\d{4})\/([^/?#]+)\/research/.exec(route);
  if (research) return <ResearchPage key={route} year={Number(research[1])} evaluationId={decodeURIComponent(research[2] ?? '')} />;
  const one = /^\/opinions\/(\d{4})\/([^/?#]+)/.exec(route);
  if (one) {
    const year = Number(one[1]);
    const id = decodeURIComponent(one[2] ?? '');
    // Keyed so moving between opinions never shows one person's draft under another's name.
    return <OpinionEditorPage key={`${year}/${id}`} year={year} evaluationId={id} />;
  }
  const year = /[?&]year=(\d{4})/.exec(route)?.[1];
  return <OpinionList year={year ? Number(year) : undefined} />;
}
