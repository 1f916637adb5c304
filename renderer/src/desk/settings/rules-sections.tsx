import { Field } from '../../ui/field';
import { QUORUM_RULE_LABELS, QUORUM_RULES, termYears, type QuorumRule, type Settings } from '../../../../shared/domain/settings';
import { formatSession } from '../../../../shared/format/chinese-numerals';
import { NumberSetting, SettingsSection } from './settings-fields';
import type { SyncedDraft } from './use-synced-draft';

type Edit = SyncedDraft<Settings>;
type Update = (s: Settings, n: number) => Settings;

function numberProps(edit: Edit, path: string, value: number, update: Update) {
  return {
    value,
    error: edit.errors.byPath[path],
    onChange: (n: number) => edit.editText((s) => update(s, n)),
    onBlur: edit.flush,
  };
}

function sessionText(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 99 ? formatSession(n) : '';
}

/** 届次与计划期: which term the committee is in and the years its five-year plan spans. */
export function TermSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const t = settings.term;
  const years = Number.isInteger(t.startYear) && Number.isInteger(t.endYear) && t.endYear >= t.startYear && t.endYear - t.startYear < 10 ? termYears(t) : [];
  return (
    <SettingsSection id="term-title" title="届次与计划期" intro="五年计划按本届的起止年份排列，每名被评议对象在本届内评议一次。">
      <div className="form-grid three">
        <NumberSetting label="届次" hint={sessionText(t.session)} min={1} max={99} {...numberProps(edit, 'term.session', t.session, (s, n) => ({ ...s, term: { ...s.term, session: n } }))} />
        <NumberSetting label="本届起始年份" unit="年" min={1949} max={2100} {...numberProps(edit, 'term.startYear', t.startYear, (s, n) => ({ ...s, term: { ...s.term, startYear: n } }))} />
        <NumberSetting label="本届结束年份" unit="年" min={1949} max={2100} {...numberProps(edit, 'term.endYear', t.endYear, (s, n) => ({ ...s, term: { ...s.term, endYear: n } }))} />
      </div>
      {years.length > 0 && <p className="muted hint">计划期：{years.map((y) => `${y}年`).join('、')}，共{years.length}个年度。</p>}
    </SettingsSection>
  );
}

/** 期限: the deadlines counted from the delivery of an opinion. */
export function DeadlinesSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const d = settings.deadlines;
  return (
    <SettingsSection id="deadline-title" title="期限" intro="自评议意见送达之日起计算，用于提醒整改方案和整改情况报告的报送。">
      <div className="form-grid three">
        <NumberSetting
          label="整改方案报送期限"
          unit="天"
          min={1}
          max={180}
          {...numberProps(edit, 'deadlines.rectificationPlanDays', d.rectificationPlanDays, (s, n) => ({ ...s, deadlines: { ...s.deadlines, rectificationPlanDays: n } }))}
        />
        <NumberSetting
          label="整改情况报告期限"
          unit="个月"
          min={1}
          max={24}
          {...numberProps(edit, 'deadlines.rectificationReportMonths', d.rectificationReportMonths, (s, n) => ({
            ...s,
            deadlines: { ...s.deadlines, rectificationReportMonths: n },
          }))}
        />
        <NumberSetting
          label="不满意再次报告期限"
          unit="个月"
          hint="测评为不满意的，整改后再次向常委会报告"
          min={1}
          max={24}
          {...numberProps(edit, 'deadlines.reReportMonths', d.reReportMonths, (s, n) => ({ ...s, deadlines: { ...s.deadlines, reReportMonths: n } }))}
        />
      </div>
    </SettingsSection>
  );
}

/** 法定人数 and 汇报时长: the meeting's quorum rule and the default length of a work report. */
export function MeetingRulesSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  return (
    <SettingsSection id="meeting-rules-title" title="会议规则" intro="“过半数”不含半数，“半数以上”含半数。法定人数以在任组成人员总数为基数。">
      <div className="form-grid">
        <Field label="法定人数" error={edit.errors.byPath['quorum.rule']}>
          {(id) => (
            <select id={id} value={settings.quorum.rule} onChange={(e) => edit.editNow((s) => ({ ...s, quorum: { rule: e.target.value as QuorumRule } }))}>
              {QUORUM_RULES.map((r) => (
                <option key={r} value={r}>
                  {QUORUM_RULE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NumberSetting
          label="汇报时长"
          unit="分钟"
          hint="到会汇报的默认时长，会议计时以此为准"
          min={1}
          max={120}
          {...numberProps(edit, 'reportMinutes', settings.reportMinutes, (s, n) => ({ ...s, reportMinutes: n }))}
        />
      </div>
    </SettingsSection>
  );
}
