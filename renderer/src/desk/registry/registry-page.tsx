import { useMemo, useState } from 'react';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { PageTitle } from '../../ui/page-title';
import { SheetTools } from '../sheets/sheet-tools';
import { PERSON_KINDS, sortPeople, type Person, type PersonKind } from '../../../../shared/domain/people';
import { PersonDialog } from './person-dialog';
import '../evaluatees/list-page.css';
import '../members/members.css';
import { PageBanners } from '../../ui/banners';

type Action = { kind: 'create' } | { kind: 'edit' | 'delete'; person: Person };

/** 共12人：人大代表8人、专委会负责人2人、专家2人 — the people on record, by kind. */
export function registryTotals(people: readonly Person[]): string {
  const active = people.filter((p) => p.active);
  const parts = PERSON_KINDS.map((k) => [k, active.filter((p) => p.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}${n}人`);
  return `在册${active.length}人${parts.length ? `：${parts.join('、')}` : ''}`;
}

/** 人员库: deputies, special-committee heads and specialists who staff research groups and attend as 列席. */
export function RegistryPage() {
  const list = useCall('registry.list', {});
  const [kind, setKind] = useState<PersonKind | ''>('');
  const [search, setSearch] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string>();

  const people = useMemo(() => sortPeople(list.data ?? []), [list.data]);
  const shown = useMemo(() => {
    const q = search.trim();
    return people.filter((p) => (!kind || p.kind === kind) && (!q || [p.name, p.organisation, p.field, p.note].some((t) => t.includes(q))));
  }, [people, kind, search]);

  return (
    <>
      <PageTitle title="人员库" sub="人大代表、专委会负责人、专家">
        <SheetTools kind="registry" onNotice={setNotice} />
        <button className="btn primary" onClick={() => setAction({ kind: 'create' })}>
          新增人员
        </button>
      </PageTitle>
      {list.data && (
        <p className="muted" data-testid="registry-totals">
          {registryTotals(people)}。人员库中的人员可编入调研组；他们不是常委会组成人员，不参加表决，不计入法定人数。
        </p>
      )}
      <PageBanners notice={notice} error={list.error} />
      <div className="panel">
        <div className="filter-bar" role="search" aria-label="筛选人员">
          <div className="field search">
            <label htmlFor="ps-search">搜索</label>
            <input id="ps-search" type="search" placeholder="姓名、单位或领域" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <Field label="类别">
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as PersonKind | '')}>
                <option value="">全部类别</option>
                {PERSON_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="filter-summary" aria-live="polite">
          {list.loading && !list.data ? '正在读取…' : `显示${shown.length}人${shown.length < people.length ? `（人员库共${people.length}人）` : ''}`}
        </p>
        <table className="list" aria-label="人员库">
          <thead>
            <tr>
              <th>姓名</th>
              <th>类别</th>
              <th>工作单位</th>
              <th>职务或专业领域</th>
              <th>联系方式</th>
              <th>状态</th>
              <th>
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} className={p.active ? undefined : 'ended'}>
                <td>{p.name}</td>
                <td>{p.kind}</td>
                <td>{p.organisation}</td>
                <td>{p.field}</td>
                <td>{p.contact}</td>
                <td>{p.active ? <span className="tag ok">在册</span> : <span className="tag">不在册</span>}</td>
                <td className="actions">
                  <button className="btn small" onClick={() => setAction({ kind: 'edit', person: p })} aria-label={`编辑 ${p.name}`}>
                    编辑
                  </button>
                  <button className="btn small danger" onClick={() => setAction({ kind: 'delete', person: p })} aria-label={`删除 ${p.name}`}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
            {list.data && shown.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {people.length === 0 ? '人员库还是空的。点击“新增人员”录入人大代表、专委会负责人和专家，可连续录入。' : '没有符合条件的人员。'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {(action?.kind === 'create' || action?.kind === 'edit') && (
        <PersonDialog
          person={action.kind === 'edit' ? action.person : undefined}
          onClose={() => setAction(null)}
          onSaved={(p) => {
            setAction(null);
            setNotice(action.kind === 'edit' ? `已保存${p.name}的信息。` : `已新增${p.kind}${p.name}。`);
          }}
        />
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog
          title="删除人员"
          message={
            <>
              确定从人员库中删除“{action.person.name}（{action.person.kind}）”吗？
              <br />
              <span className="muted">已编入调研组的，调研报告仍保留其姓名和职务。暂时不能参加的，建议改为“不在册”。</span>
            </>
          }
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await getPlatform().call('registry.delete', { id: action.person.id });
            setNotice(`已删除${action.person.name}。`);
          }}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
