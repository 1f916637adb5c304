import { Field } from '../../ui/field';
import {
  DEFAULT_PLAN_DAYS,
  QUORUM_RULE_LABELS,
  QUORUM_RULES,
  VOTE_KIND_LABELS,
  VOTE_KINDS,
  citedTitle,
  planName,
  termYears,
  type LegalBasis,
  type QuorumRule,
  type Settings,
} from '../../../../shared/domain/settings';
import { formatSession } from '../../../../shared/format/chinese-numerals';
import { describeRule, PRESET_IDS, resolveRule, RULE_KIND_LABELS, type RuleKind } from '../../../../shared/vote';
import { NumberSetting, SettingsSection, TextSetting } from './settings-fields';
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

/** 届次与计划期: which term the committee is in and the years its plan spans (named by its length). */
export function TermSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const t = settings.term;
  const years = Number.isInteger(t.startYear) && Number.isInteger(t.endYear) && t.endYear >= t.startYear && t.endYear - t.startYear < 10 ? termYears(t) : [];
  return (
    <SettingsSection id="term-title" title="届次与计划期" intro="评议计划按本届的起止年份排列，每名被评议对象在本届内评议一次。一届通常为5年；换届过渡等情况可设为其他年数（最多6年），计划随之称为“六年计划”等。">
      <div className="form-grid three">
        <NumberSetting label="届次" hint={sessionText(t.session)} min={1} max={99} {...numberProps(edit, 'term.session', t.session, (s, n) => ({ ...s, term: { ...s.term, session: n } }))} />
        <NumberSetting label="本届起始年份" unit="年" min={1949} max={2100} {...numberProps(edit, 'term.startYear', t.startYear, (s, n) => ({ ...s, term: { ...s.term, startYear: n } }))} />
        <NumberSetting label="本届结束年份" unit="年" min={1949} max={2100} {...numberProps(edit, 'term.endYear', t.endYear, (s, n) => ({ ...s, term: { ...s.term, endYear: n } }))} />
      </div>
      {years.length > 0 && (
        <p className={`hint${years.length === 5 ? ' muted' : ' warn-text'}`} data-testid="term-length">
          计划期：{years.map((y) => `${y}年`).join('、')}，共{years.length}个年度{years.length === 5 ? '（五年计划）' : `，不是通常的5年：本届计划称为“${planName(t)}”`}。
        </p>
      )}
      <div className="form-grid three">
        <NumberSetting
          label="每年到会汇报的政府组成部门负责人（至少）"
          unit="人"
          min={0}
          max={99}
          {...numberProps(edit, 'reportsTarget.min', settings.reportsTarget.min, (s, n) => ({ ...s, reportsTarget: { ...s.reportsTarget, min: n } }))}
        />
        <NumberSetting
          label="每年到会汇报的政府组成部门负责人（至多）"
          unit="人"
          hint="计划和统计在某年超出此范围时提示"
          min={0}
          max={99}
          {...numberProps(edit, 'reportsTarget.max', settings.reportsTarget.max, (s, n) => ({ ...s, reportsTarget: { ...s.reportsTarget, max: n } }))}
        />
      </div>
    </SettingsSection>
  );
}

/** 期限: the deadlines counted from the delivery of an opinion. */
export function DeadlinesSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const d = settings.deadlines;
  return (
    <SettingsSection id="deadline-title" title="期限" intro="自评议意见送达之日起计算，写入评议意见的整改要求，并在工作台提醒报送。">
      <label className="checkbox-line">
        <input
          type="checkbox"
          checked={d.rectificationPlanDays !== null}
          onChange={(e) => edit.editNow((s) => ({ ...s, deadlines: { ...s.deadlines, rectificationPlanDays: e.target.checked ? DEFAULT_PLAN_DAYS : null } }))}
        />
        要求报送整改方案
      </label>
      <div className="form-grid three">
        {d.rectificationPlanDays !== null && (
          <NumberSetting
            label="整改方案报送期限"
            unit="天"
            min={1}
            max={180}
            {...numberProps(edit, 'deadlines.rectificationPlanDays', d.rectificationPlanDays, (s, n) => ({ ...s, deadlines: { ...s.deadlines, rectificationPlanDays: n } }))}
          />
        )}
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
          hint={`测评为不满意的，${d.reReportMonths}个月后向${settings.organisation.shortName}会议报告整改情况`}
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

/** 测评名称与评议依据: the titles of the three votes and what the opinion cites. */
export function WordingSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const err = edit.errors.byPath;
  const basis = settings.legalBasis;
  const basisText = (key: keyof LegalBasis) => ({
    value: basis[key],
    error: err[`legalBasis.${key}`],
    onChange: (value: string) => edit.editText((s) => ({ ...s, legalBasis: { ...s.legalBasis, [key]: value } })),
    onBlur: edit.flush,
  });
  const cited = citedTitle(basis.law) + citedTitle(basis.measure);
  return (
    <SettingsSection id="wording-title" title="测评名称与评议依据" intro="测评票、测评结果通报和评议意见使用这里的名称和依据；测评票的标题为测评名称加“票”。">
      <div className="form-grid three">
        {VOTE_KINDS.map((kind) => (
          <TextSetting
            key={kind}
            label={`${VOTE_KIND_LABELS[kind]}名称`}
            value={settings.voteTitles[kind]}
            error={err[`voteTitles.${kind}`]}
            onChange={(value) => edit.editText((s) => ({ ...s, voteTitles: { ...s.voteTitles, [kind]: value } }))}
            onBlur={edit.flush}
          />
        ))}
      </div>
      <div className="form-grid">
        <TextSetting label="评议依据的法律" hint="书名号可不输入" {...basisText('law')} />
        <TextSetting label="本级评议办法" hint="如本级制定了工作评议办法，填写其名称；不填则不引用" {...basisText('measure')} />
      </div>
      <p className="muted hint">评议意见开头：根据{cited === '' ? '' : `${cited}和`}{settings.organisation.shortName}某年度工作评议实施方案，……</p>
    </SettingsSection>
  );
}

/**
 * 测评等次规则: which preset grades the vote. The preset's name is for this screen only; what the
 * papers and the hall print is the rule in words, shown beneath.
 */
export function VoteRuleSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const votes = settings.votes;
  const kinds: RuleKind[] = votes.customRule ? [...PRESET_IDS, 'custom'] : [...PRESET_IDS];
  return (
    <SettingsSection id="vote-rule-title" title="测评等次规则" intro="规则名称仅在此处显示；测评票、通报、评议意见和大屏都按规则内容的文字表述。">
      <div className="form-grid">
        <Field label="等次规则" error={edit.errors.byPath['votes.ruleKind']}>
          {(id) => (
            <select id={id} value={votes.ruleKind} onChange={(e) => edit.editNow((s) => ({ ...s, votes: { ...s.votes, ruleKind: e.target.value as RuleKind } }))}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {RULE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="muted hint" data-testid="settings-rule-text">
        {describeRule(resolveRule(votes), votes.gradeLabels)}
      </p>
    </SettingsSection>
  );
}
