import { OpinionEditorPage } from './opinion-editor-page';
import { OpinionList } from './opinion-list';
import './opinions.css';

/** Routes #/opinions[?year=YYYY] (the list) and #/opinions/<year>/<evaluationId> (one opinion). */
export function OpinionsPage({ route }: { route: string }) {
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
