import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { PageTitle } from '../../ui/page-title';
import type { Settings } from '../../../../shared/domain/settings';
import { CriteriaSection } from './criteria-section';
import { DataPanel } from './data-panel';
import { DocumentFormatSection } from './document-section';
import { OrganisationSection } from './organisation-section';
import { SaveStatus } from './settings-fields';
import { DeadlinesSection, MeetingRulesSection, TermSection, VoteRuleSection, WordingSection } from './rules-sections';
import { useSyncedDraft } from './use-synced-draft';
import { LockSection } from '../../lock/lock-section';
import '../evaluatees/list-page.css';
import './settings.css';

/**
 * 设置. Free text is saved within a second of the last keystroke and on leaving the field, choices
 * at once; the whole settings object goes to the service each time, so a rejected value is shown
 * by its field and stays on screen until corrected.
 */
export function SettingsPage() {
  const server = useCall('settings.get', {});
  const edit = useSyncedDraft<Settings>({
    key: 'settings',
    argument: 'settings',
    server: server.data,
    save: (settings) => getPlatform().call('settings.update', { settings }),
  });
  const s = edit.draft;

  return (
    <div className="settings-page">
      <div className="sticky-head">
        <PageTitle title="设置" sub="修改后自动保存">
          <SaveStatus state={edit.state} errors={edit.errors} label="设置保存状态" />
        </PageTitle>
      </div>
      {edit.recovered && <div className="banner warn">已找回上次未保存的设置修改，正在重新保存。</div>}
      {edit.errors.general && (
        <div className="banner error" role="alert">
          {edit.errors.general}
        </div>
      )}
      {server.error && !s && (
        <div className="banner error" role="alert">
          {server.error.message}
        </div>
      )}
      {s ? (
        <>
          <OrganisationSection settings={s} edit={edit} />
          <DocumentFormatSection settings={s} edit={edit} />
          <div className="settings-columns">
            <TermSection settings={s} edit={edit} />
            <MeetingRulesSection settings={s} edit={edit} />
          </div>
          <DeadlinesSection settings={s} edit={edit} />
          <VoteRuleSection settings={s} edit={edit} />
          <WordingSection settings={s} edit={edit} />
        </>
      ) : (
        !server.error && <p className="muted">正在读取设置…</p>
      )}
      <CriteriaSection />
      <DataPanel />
      <LockSection />
    </div>
  );
}
