import { useEffect, useMemo, useRef } from 'react';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { sortCriteria, type Criterion } from '../../../../shared/domain/criteria';
import { swap } from './organisation-section';
import { SaveStatus, SettingsSection } from './settings-fields';
import { useSyncedDraft } from './use-synced-draft';

/** A criterion as edited: `key` is stable across renders, `id` is absent until the service assigns it. */
interface Item {
  key: string;
  id?: string;
  name: string;
  description: string;
}

const toItems = (list: readonly Criterion[]): Item[] => sortCriteria(list).map((c) => ({ key: c.id, id: c.id, name: c.name, description: c.description }));

let localKeys = 0;

/** 评价标准: what members judge each evaluatee on; the county's own list, saved as a whole. */
export function CriteriaSection() {
  const list = useCall('criteria.list', {});
  const server = useMemo(() => (list.data ? toItems(list.data) : undefined), [list.data]);
  const focusLast = useRef(false);
  const listRef = useRef<HTMLOListElement>(null);

  const edit = useSyncedDraft<Item[]>({
    key: 'criteria',
    argument: 'criteria',
    server,
    save: async (items) => {
      const saved = await getPlatform().call('criteria.save', {
        criteria: items.map((c, i) => ({ ...(c.id ? { id: c.id } : {}), name: c.name, description: c.description, order: i + 1 })),
      });
      return toItems(saved);
    },
    // New criteria get their ids from the service; the draft may have changed since it was sent.
    merge: (draft, sent, saved) =>
      draft.map((item) => {
        if (item.id) return item;
        const at = sent.findIndex((s) => s.key === item.key);
        const id = at >= 0 ? saved[at]?.id : undefined;
        return id ? { ...item, id } : item;
      }),
  });

  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus();
  });

  const items = edit.draft;
  const err = edit.errors.byPath;
  const setText = (i: number, key: 'name' | 'description', value: string) => edit.editText((d) => d.map((c, j) => (j === i ? { ...c, [key]: value } : c)));

  return (
    <SettingsSection
      id="criteria-title"
      title="评价标准"
      intro="组成人员据此对被评议对象进行评议和测评，顺序即评议意见和测评票中的顺序。"
      aside={<SaveStatus state={edit.state} errors={edit.errors} label="评价标准保存状态" />}
    >
      {edit.recovered && <div className="banner warn">已找回上次未保存的评价标准修改，正在重新保存。</div>}
      {edit.errors.general && (
        <div className="banner error" role="alert">
          {edit.errors.general}
        </div>
      )}
      {!items ? (
        <p className="muted">正在读取…</p>
      ) : (
        <ol className="criteria" ref={listRef}>
          {items.map((c, i) => (
            <li key={c.key}>
              <span className="order">{i + 1}</span>
              <div className="criterion-fields">
                <div className={`field${err[`${i}.name`] ? ' invalid' : ''}`}>
                  <input aria-label={`第${i + 1}项评价标准名称`} value={c.name} onChange={(e) => setText(i, 'name', e.target.value)} onBlur={edit.flush} placeholder="评价标准名称" autoComplete="off" />
                  {err[`${i}.name`] && (
                    <span className="error" role="alert">
                      {err[`${i}.name`]}
                    </span>
                  )}
                </div>
                <div className={`field${err[`${i}.description`] ? ' invalid' : ''}`}>
                  <textarea
                    aria-label={`第${i + 1}项评价标准说明`}
                    value={c.description}
                    onChange={(e) => setText(i, 'description', e.target.value)}
                    onBlur={edit.flush}
                    placeholder="说明（选填）：评议时关注的具体内容"
                    rows={1}
                  />
                  {err[`${i}.description`] && (
                    <span className="error" role="alert">
                      {err[`${i}.description`]}
                    </span>
                  )}
                </div>
              </div>
              <div className="criterion-actions">
                <button type="button" className="btn small" disabled={i === 0} aria-label={`上移第${i + 1}项`} onClick={() => edit.editNow((d) => swap(d, i, i - 1))}>
                  上移
                </button>
                <button type="button" className="btn small" disabled={i === items.length - 1} aria-label={`下移第${i + 1}项`} onClick={() => edit.editNow((d) => swap(d, i, i + 1))}>
                  下移
                </button>
                <button type="button" className="btn small danger" aria-label={`删除第${i + 1}项评价标准`} onClick={() => edit.editNow((d) => d.filter((_, j) => j !== i))}>
                  删除
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="btn"
        disabled={!items || items.length >= 20}
        onClick={() => {
          focusLast.current = true;
          // Saved once it has a name: an empty criterion would only be refused.
          edit.editLocal((d) => [...d, { key: `new-${Date.now()}-${++localKeys}`, name: '', description: '' }]);
        }}
      >
        添加评价标准
      </button>
    </SettingsSection>
  );
}
