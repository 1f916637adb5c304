import { PageTitle } from '../../ui/page-title';
import { HelpArticle } from './help-article';
import { HELP_PAGES, helpPage } from './pages';

/** 帮助 (#/help, #/help/<page>): the guide's pages listed on the left, one page at a time. */
export function HelpPage({ route }: { route: string }) {
  const id = route.replace(/^\/help\/?/, '').split(/[/?]/)[0] ?? '';
  const page = id ? helpPage(id) : undefined;
  const at = page ? HELP_PAGES.indexOf(page) : -1;
  const next = HELP_PAGES[at + 1];
  return (
    <div className="help-page">
      <PageTitle title="帮助" sub="按工作环节说明本系统的操作；图中为演示数据" />
      <div className="help-layout">
        <nav className="help-toc panel" aria-label="帮助目录">
          <ol>
            {HELP_PAGES.map((p) => (
              <li key={p.id}>
                <a href={`#/help/${p.id}`} aria-current={p === page ? 'page' : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <div className="help-body panel">
          {page ? (
            <>
              <HelpArticle page={page} />
              {next && (
                <p className="help-next">
                  下一篇：<a href={`#/help/${next.id}`}>{next.title}</a>
                </p>
              )}
            </>
          ) : (
            <>
              {id && <div className="banner warn">没有找到这一页帮助，请从目录中选择。</div>}
              <ul className="help-index">
                {HELP_PAGES.map((p) => (
                  <li key={p.id}>
                    <a href={`#/help/${p.id}`}>{p.title}</a>
                    <span className="muted">{p.summary}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
