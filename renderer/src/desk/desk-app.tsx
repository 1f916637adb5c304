import type { ReactNode } from 'react';
import { useRoute } from '../ui/router';
import { ConnectionNotice } from '../ui/connection-notice';
import { StoreNoticeBanner } from './store-notice-banner';
import { DESK_SECTIONS, sectionLabel, type DeskSection } from './sections';
import { useCall } from '../platform/hooks';
import { SetupPage } from './setup/setup-page';
import { needsSetup } from '../../../shared/domain/settings';
import { OpenedPackageWatcher } from './transfer/handoff-mark';
import { HandoffGuardProvider } from './transfer/handoff-guard';

/**
 * The secretariat's desk: navigation on the left, one section at a time. A folder not yet set up
 * (new, or its demo cleared) shows only 初始设置 until the office has entered its names and term;
 * its later steps stay at #/setup.
 */
export function DeskApp() {
  const route = useRoute();
  const settings = useCall('settings.get', {});
  const active = DESK_SECTIONS.find((s) => s.path !== '/' && route.startsWith(s.path)) ?? DESK_SECTIONS[0]!;
  const s = settings.data;
  if (s && (needsSetup(s) || route.startsWith('/setup'))) {
    return (
      <div className="desk setup-only">
        <header className="desk-header">
          <span className="title">人大工作评议系统</span>
          <span className="spacer" />
        </header>
        <main className="desk-main">
          <StoreNoticeBanner />
          <SetupPage settings={s} />
        </main>
        <ConnectionNotice />
      </div>
    );
  }
  return (
    <div className="desk">
      <header className="desk-header">
        <span className="title">人大工作评议系统</span>
        <span className="spacer" />
      </header>
      <nav className="desk-nav" aria-label="主导航">
        {DESK_SECTIONS.map((section: DeskSection) => (
          <a key={section.path} href={`#${section.path}`} aria-current={section === active ? 'page' : undefined}>
            {sectionLabel(section, s?.term)}
          </a>
        ))}
      </nav>
      <main className="desk-main">
        <StoreNoticeBanner />
        <HandoffGuardProvider>{active.render(route) as ReactNode}</HandoffGuardProvider>
      </main>
      <ConnectionNotice />
      <OpenedPackageWatcher />
    </div>
  );
}
