import type { ReactNode } from 'react';
import { useRoute } from '../ui/router';
import { ConnectionNotice } from '../ui/connection-notice';
import { StoreNoticeBanner } from './store-notice-banner';
import { DESK_SECTIONS, type DeskSection } from './sections';

/** The secretariat's desk: navigation on the left, one section at a time. */
export function DeskApp() {
  const route = useRoute();
  const active = DESK_SECTIONS.find((s) => s.path !== '/' && route.startsWith(s.path)) ?? DESK_SECTIONS[0]!;
  return (
    <div className="desk">
      <header className="desk-header">
        <span className="title">人大工作评议系统</span>
        <span className="spacer" />
      </header>
      <nav className="desk-nav" aria-label="主导航">
        {DESK_SECTIONS.map((s: DeskSection) => (
          <a key={s.path} href={`#${s.path}`} aria-current={s === active ? 'page' : undefined}>
            {s.label}
          </a>
        ))}
      </nav>
      <main className="desk-main">
        <StoreNoticeBanner />
        {active.render(route) as ReactNode}
      </main>
      <ConnectionNotice />
    </div>
  );
}
