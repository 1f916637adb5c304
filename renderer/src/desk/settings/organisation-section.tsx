import { useEffect, useRef } from 'react';
import type { Organisation, Settings } from '../../../../shared/domain/settings';
import { docPrefixProblem, formatDocNumber } from '../../../../shared/format/doc-number';
import { SettingsSection, TextSetting } from './settings-fields';
import type { SyncedDraft } from './use-synced-draft';

type Edit = SyncedDraft<Settings>;

/** 单位信息: the organisation's names, used in red headers, document numbers and the imprint. */
export function OrganisationSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const org = settings.organisation;
  const err = edit.errors.byPath;
  const focusLast = useRef(false);
  const listRef = useRef<HTMLOListElement>(null);

  const text = (key: Exclude<keyof Organisation, 'copyTo'>) => ({
    value: org[key],
    error: err[`organisation.${key}`],
    onChange: (value: string) => edit.editText((s) => ({ ...s, organisation: { ...s.organisation, [key]: value } })),
    onBlur: edit.flush,
  });
  const setCopyTo = (mode: 'text' | 'now' | 'local', update: (list: string[]) => string[]) => {
    const fn = mode === 'text' ? edit.editText : mode === 'now' ? edit.editNow : edit.editLocal;
    fn((s) => ({ ...s, organisation: { ...s.organisation, copyTo: update(s.organisation.copyTo) } }));
  };

  useEffect(() => {
    // A new, empty copy-to entry takes the cursor so the user can type its name at once.
    if (!focusLast.current) return;
    focusLast.current = false;
    listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus();
  });

  return (
    <SettingsSection id="org-title" title="单位信息" intro="用于评议意见等文件的发文机关标志、发文字号、版记和署名。">
      <div className="form-grid">
        <TextSetting label="机关全称" {...text('fullName')} />
        <TextSetting label="机关简称" hint="用于正文和会议名称，如：县人大常委会" {...text('shortName')} />
        <TextSetting label="机关代字" hint={`发文字号示例：${formatDocNumberExample(org.docPrefix)}`} {...text('docPrefix')} />
        <TextSetting label="印发机关" hint="版记中的印发机关" {...text('issuingOffice')} />
      </div>
      <UpwardFields settings={settings} edit={edit} />
      <fieldset className="copy-to">
        <legend>默认抄送机关</legend>
        <p className="muted hint">每份评议意见另加被评议对象所在单位。</p>
        {err['organisation.copyTo'] && (
          <span className="error" role="alert">
            {err['organisation.copyTo']}
          </span>
        )}
        <ol ref={listRef}>
          {org.copyTo.map((name, i) => {
            const error = err[`organisation.copyTo.${i}`];
            return (
              <li key={i} className={error ? 'invalid' : undefined}>
                <input
                  aria-label={`抄送机关${i + 1}`}
                  value={name}
                  onChange={(e) => setCopyTo('text', (list) => list.map((v, j) => (j === i ? e.target.value : v)))}
                  onBlur={edit.flush}
                  autoComplete="off"
                />
                <button
                  type="button"
                  className="btn small"
                  aria-label={`上移 ${name || `第${i + 1}项`}`}
                  disabled={i === 0}
                  onClick={() => setCopyTo('now', (list) => swap(list, i, i - 1))}
                >
                  上移
                </button>
                <button type="button" className="btn small danger" aria-label={`删除抄送机关 ${name || `第${i + 1}项`}`} onClick={() => setCopyTo('now', (list) => list.filter((_, j) => j !== i))}>
                  删除
                </button>
                {error && (
                  <span className="error" role="alert">
                    {error}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="btn"
          onClick={() => {
            focusLast.current = true;
            // Saved once it has a name: an empty entry would only be refused.
            setCopyTo('local', (list) => [...list, '']);
          }}
        >
          添加抄送机关
        </button>
      </fieldset>
    </SettingsSection>
  );
}

/** X人常〔2026〕1号 for the prefix as typed; nothing while it is unusable (its error says why). */
function formatDocNumberExample(prefix: string): string {
  return docPrefixProblem(prefix) ? '—' : formatDocNumber(prefix, new Date().getFullYear(), 1);
}

export function swap<T>(list: readonly T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b] as T, next[a] as T];
  return next;
}

/** 上行文 (papers to the county committee, e.g. the plan's 请示): its organ, 机关代字 and 主送机关; empty = the organisation's. */
function UpwardFields({ settings, edit }: { settings: Settings; edit: Edit }) {
  const err = edit.errors.byPath;
  const field = (key: 'organ' | 'docPrefix' | 'addressee') => ({
    value: settings.upward[key],
    error: err[`upward.${key}`],
    onChange: (value: string) => edit.editText((s) => ({ ...s, upward: { ...s.upward, [key]: value } })),
    onBlur: edit.flush,
  });
  return (
    <fieldset className="upward">
      <legend>上行文（报县委的请示等）</legend>
      <div className="form-grid">
        <TextSetting label="上行文发文机关" hint={`如常委会党组；不填则为“${settings.organisation.fullName}”`} {...field('organ')} />
        <TextSetting label="上行文代字" hint={`上行文发文字号中的代字；不填则为“${settings.organisation.docPrefix}”`} {...field('docPrefix')} />
        <TextSetting label="上行文主送机关" hint="请示的主送机关；不填则为“县委”" {...field('addressee')} />
      </div>
    </fieldset>
  );
}
