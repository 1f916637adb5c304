import { useMemo, useState } from 'react';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { PageTitle } from '../../ui/page-title';
import { MEMBER_ROLES, sortMembers, type Member, type MemberRole } from '../../../../shared/domain/people';
import { formatSession } from '../../../../shared/format/chinese-numerals';
import { formatDateCn } from '../../../../shared/format/dates';
import { MemberDialog } from './member-dialog';
import { SheetTools } from '../sheets/sheet-tools';
import '../evaluatees/list-page.css';
import './members.css';
import { PageBanners } from '../../ui/banners';

type ActiveFilter = '' | 'active' | 'inactive';
type Action = { kind: 'create' } | { kind: 'edit' | 'delete'; member: Member };

/** 共30人：主任1人、副主任4人、委员25人 — the members in office, the base of the quorum. */
export function rosterTotals(members: readonly Member[]): string {
  const active = members.filter((m) => m.active);
  const parts = MEMBER_ROLES.map((r) => `${r}${active.filter((m) => m.role === r).length}人`);
  return `共${active.length}人：${parts.join('、')}`;
}

function term(m: Member): string {
  if (!m.termStart && !m.termEnd) return '';
  return `${m.termStart ? formatDateCn(m.termStart) : '…'} 至 ${m.termEnd ? formatDateCn(m.termEnd) : '今'}`;
}

/** 常委会组成人员: the roster in its official order; only they vote and count for the quorum. */
export function MembersPage() {
  const list = useCall('members.list', {});
  const settings = useCall('settings.get', {});
  const [role, setRole] = useState<MemberRole | ''>('');
  const [active, setActive] = useState<ActiveFilter>('');
  const [search, setSearch] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string>();

  const members = useMemo(() => sortMembers(list.data ?? []), [list.data]);
  const shown = useMemo(() => {
    const q = search.trim();
    return members.filter(
      (m) => (!role || m.role === role) && (!active || m.active === (active === 'active')) && (!q || m.name.includes(q) || m.note.includes(q)),
    );
  }, [members, role, active, search]);
  const inactive = members.filter((m) => !m.active).length;

  return (
    <>
      <PageTitle title="常委会组成人员" sub={settings.data ? `${formatSession(settings.data.term.session)}` : undefined}>
        <SheetTools kind="members" onNotice={setNotice} />
        {/* A new member's defaults (the next roster place, the current term) come from both loads. */}
        <button className="btn primary" disabled={!list.data || !settings.data} onClick={() => setAction({ kind: 'create' })}>
          新增组成人员
        </button>
      </PageTitle>

      {list.data && (
        <div className="roster-totals" aria-label="在任组成人员人数">
          <strong data-testid="member-totals">{rosterTotals(members)}</strong>
          <span className="muted">
            {inactive > 0 ? `另有不在任${inactive}人，保留于名单中备查。` : ''}法定人数以在任组成人员为基数；工作人员不是组成人员，不计入。
          </span>
        </div>
      )}
      <PageBanners notice={notice} error={list.error} />

      <div className="panel">
        <div className="filter-bar" role="search" aria-label="筛选组成人员">
          <div className="field search">
            <label htmlFor="mb-search">搜索</label>
            <input id="mb-search" type="search" placeholder="姓名或备注" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <Field label="职务">
            {(id) => (
              <select id={id} value={role} onChange={(e) => setRole(e.target.value as MemberRole | '')}>
                <option value="">全部职务</option>
                {MEMBER_ROLES.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            )}
          </Field>
          <Field label="在任状态">
            {(id) => (
              <select id={id} value={active} onChange={(e) => setActive(e.target.value as ActiveFilter)}>
                <option value="">全部</option>
                <option value="active">在任</option>
                <option value="inactive">不在任</option>
              </select>
            )}
          </Field>
        </div>
        <p className="filter-summary" aria-live="polite">
          {list.loading && !list.data ? '正在读取…' : `显示${shown.length}人${shown.length < members.length ? `（名单共${members.length}人）` : ''}`}
        </p>
        <table className="list" aria-label="组成人员名单">
          <thead>
            <tr>
              <th className="num">序号</th>
              <th>姓名</th>
              <th>职务</th>
              <th>性别</th>
              <th>届次</th>
              <th>任期</th>
              <th>状态</th>
              <th>备注</th>
              <th>
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id} className={m.active ? undefined : 'ended'}>
                <td className="num">{m.rosterOrder}</td>
                <td>{m.name}</td>
                <td>{m.role}</td>
                <td>{m.gender ?? ''}</td>
                <td>{m.session ? formatSession(m.session) : ''}</td>
                <td>{term(m)}</td>
                <td>{m.active ? <span className="tag ok">在任</span> : <span className="tag">不在任</span>}</td>
                <td className="muted">{m.note}</td>
                <td className="actions">
                  <button className="btn small" onClick={() => setAction({ kind: 'edit', member: m })} aria-label={`编辑 ${m.name}`}>
                    编辑
                  </button>
                  <button className="btn small danger" onClick={() => setAction({ kind: 'delete', member: m })} aria-label={`删除 ${m.name}`}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
            {list.data && shown.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  {members.length === 0 ? '尚未录入组成人员。点击“新增组成人员”逐一录入，可连续录入。' : '没有符合条件的组成人员。'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      {(action?.kind === 'create' || action?.kind === 'edit') && (
        <MemberDialog
          member={action.kind === 'edit' ? action.member : undefined}
          members={members}
          currentSession={settings.data?.term.session}
          onClose={() => setAction(null)}
          onSaved={(m) => {
            setAction(null);
            setNotice(action.kind === 'edit' ? `已保存${m.name}的信息。` : `已新增组成人员${m.name}。`);
          }}
        />
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog
          title="删除组成人员"
          message={
            <>
              确定从名单中删除“{action.member.name}（{action.member.role}）”吗？
              <br />
              <span className="muted">已离开常委会的人员，建议改为“不在任”而不是删除，以便保留历次会议的出席和表决记录。</span>
            </>
          }
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await getPlatform().call('members.delete', { id: action.member.id });
            setNotice(`已删除${action.member.name}。`);
          }}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
