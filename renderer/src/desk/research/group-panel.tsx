import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResearchDetail } from '../../../../shared/api/documents-types';
import type { ResearchRecordsView } from '../../../../shared/api/research-types';
import { RESEARCH_ROLES, checkGroup, type ResearchMember, type ResearchRole } from '../../../../shared/domain/research';
import { REPORT_MODES, REPORT_MODE_LABELS, type ReportMode, type ResearchGroupDraft } from '../../../../shared/domain/research-records';
import { isIsoDate } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { saveStateText, useAutosave } from '../../ui/autosave';
import { DateInput } from '../../ui/date-field';
import { ConfirmDialog } from '../../ui/dialog';
import { deliverWithNotice } from '../exports/deliver';

const OTHER = '__other';

interface Draft {
  evaluationIds: string[];
  name: string;
  members: ResearchMember[];
  from?: string;
  to?: string;
  reportMode: ReportMode;
}

function draftOf(view: ResearchRecordsView): Draft {
  const g = view.group;
  if (!g) return { evaluationIds: [view.evaluationId], name: '', members: [], reportMode: 'perEvaluation' };
  return { evaluationIds: g.evaluationIds, name: g.name, members: g.members, ...(g.from ? { from: g.from } : {}), ...(g.to ? { to: g.to } : {}), reportMode: g.reportMode };
}

const argsOf = (d: Draft): ResearchGroupDraft => ({ ...d });

/**
 * 调研组 of the evaluation, alone or with others researched together (a batch): leader and members
 * picked from the roster and the registry, dates, the evaluations of the batch and whether the batch
 * writes one report each or one combined report. Each pick is saved at once; the name is autosaved.
 */
export function GroupPanel({ detail, view }: { detail: ResearchDetail; view: ResearchRecordsView }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [groupId, setGroupId] = useState<string | undefined>(view.group?.id);
  const [problem, setProblem] = useState<string>();
  const [asking, setAsking] = useState<{ next: Draft; message: string } | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  // Saves go one after another with the id the group was given (a second save sent before the
  // first was answered would otherwise make a second group).
  const idRef = useRef(groupId);
  idRef.current = groupId ?? idRef.current;
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const save = useCallback(
    (next: Draft, confirm = false) => {
      const run = chain.current.then(async () => {
        const id = idRef.current;
        const r = await getPlatform().call('research.group.save', { year: detail.year, ...(id ? { groupId: id } : {}), group: argsOf(next), ...(confirm ? { confirm } : {}) });
        idRef.current = r.id;
        setGroupId(r.id);
      });
      chain.current = run.catch(() => undefined);
      return run;
    },
    [detail.year],
  );
  const autosave = useAutosave<Draft>(`research-group.${detail.evaluationId}`, save);
  const busy = autosave.state.kind === 'pending' || autosave.state.kind === 'saving';

  /**
   * The newest pick sent and not answered yet: the next pick builds on it, not on the draft shown
   * (which changes only once a save is answered), so two quick picks — the start date, then the
   * end date — never save the second without the first.
   */
  const sent = useRef<Draft | null>(null);
  const base = (): Draft => sent.current ?? draft;
  // The stored group, once nothing typed or picked is on its way.
  useEffect(() => {
    if (busy || sent.current) return;
    setDraft(draftOf(view));
    setGroupId(view.group?.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.group?.updatedAt, view.group?.id]);

  /** A pick (member, date, batch, mode): saved at once; a refusal leaves the stored group as it was. */
  const saveNow = async (next: Draft, confirm = false) => {
    setProblem(undefined);
    sent.current = next;
    await autosave.flush();
    try {
      await save(next, confirm);
      setDraft(next);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      if (e.code === 'needs_confirmation') setAsking({ next, message: e.message ?? '' });
      else setProblem(e.message ?? String(err));
    } finally {
      if (sent.current === next) sent.current = null;
    }
  };

  const [role, setRole] = useState<ResearchRole>(draft.members.some((m) => m.role === '组长') ? '成员' : '组长');
  const [pick, setPick] = useState('');
  const [name, setName] = useState('');
  const [post, setPost] = useState('');
  const choose = (value: string) => {
    setPick(value);
    const m = detail.members.find((x) => x.id === value);
    const p = detail.people.find((x) => x.id === value);
    setName(m?.name ?? p?.name ?? '');
    setPost(m ? `${detail.orgShortName}${m.role}` : (p?.post ?? ''));
  };
  const add = () => {
    const draft = base();
    if (name.trim() === '') return setProblem('请填写姓名');
    if (post.trim() === '') return setProblem('请填写职务');
    const memberId = detail.members.some((m) => m.id === pick) ? pick : undefined;
    const personId = detail.people.some((p) => p.id === pick) ? pick : undefined;
    if ((memberId || personId) && draft.members.some((g) => (memberId && g.memberId === memberId) || (personId && g.personId === personId))) {
      return setProblem(`${name.trim()}已在调研组中`);
    }
    const entry: ResearchMember = { role, name: name.trim(), post: post.trim(), ...(memberId ? { memberId } : {}), ...(personId ? { personId } : {}) };
    // Kept in the order 组长, 副组长, 成员, as the report lists them.
    const members = [...draft.members, entry].sort((a, b) => RESEARCH_ROLES.indexOf(a.role) - RESEARCH_ROLES.indexOf(b.role));
    const verdict = checkGroup(members, draft.members, detail.members, detail.people);
    if (verdict.refusals.length > 0) return setProblem(verdict.refusals.map((r) => r.message).join('；'));
    const next = { ...draft, members };
    if (verdict.confirmations.length > 0) setAsking({ next, message: verdict.confirmations.join('\n') });
    else void saveNow(next);
    setPick('');
    setName('');
    setPost('');
    setRole('成员');
  };
  const remove = (i: number) => {
    const draft = base();
    void saveNow({ ...draft, members: draft.members.filter((_, j) => j !== i) });
  };
  const setDate = (key: 'from' | 'to', value: string) => {
    if (value !== '' && !isIsoDate(value)) return;
    const next = { ...base() };
    if (value === '') delete next[key];
    else next[key] = value;
    void saveNow(next);
  };
  const toggleBatch = (evaluationId: string, on: boolean) => {
    const draft = base();
    const evaluationIds = on ? [...draft.evaluationIds, evaluationId] : draft.evaluationIds.filter((id) => id !== evaluationId);
    void saveNow({ ...draft, evaluationIds, reportMode: evaluationIds.length < 2 ? 'perEvaluation' : draft.reportMode });
  };
  const exportCombined = async () => {
    setNotice(null);
    try {
      await autosave.flush();
      const text = deliverWithNotice(await getPlatform().call('research.exportCombined', { year: detail.year, groupId: groupId! }));
      if (text) setNotice({ ok: true, text });
    } catch (err) {
      setNotice({ ok: false, text: `导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const others = view.evaluations.filter((e) => e.evaluationId !== view.evaluationId && !view.takenByOtherGroups.includes(e.evaluationId));

  return (
    <section className="panel" aria-labelledby="rs-group-title">
      <h2 id="rs-group-title">
        调研组 <span className="muted rs-state" data-testid="rs-group-state">{saveStateText(autosave.state)}</span>
      </h2>
      <label className="rs-inline">
        调研组名称{' '}
        <input
          aria-label="调研组名称"
          value={draft.name}
          placeholder={`${detail.orgShortName}调研组`}
          onChange={(e) => {
            const next = { ...base(), name: e.target.value };
            setDraft(next);
            if (groupId || next.members.length > 0) autosave.change(next);
          }}
          onBlur={() => void autosave.flush()}
        />
      </label>
      {draft.members.length === 0 ? (
        <p className="muted">尚未添加调研组成员。</p>
      ) : (
        <table className="list rs-group" aria-label="调研组成员">
          <thead>
            <tr>
              <th>组内职务</th>
              <th>姓名</th>
              <th>职务</th>
              <th className="actions" />
            </tr>
          </thead>
          <tbody>
            {draft.members.map((m, i) => (
              <tr key={`${m.name}-${i}`}>
                <td>{m.role}</td>
                <td>{m.name}</td>
                <td>{m.post}</td>
                <td className="actions">
                  <button type="button" className="btn small danger" onClick={() => remove(i)} aria-label={`移出调研组：${m.name}`}>
                    移出
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar rs-add">
        <select aria-label="组内职务" value={role} onChange={(e) => setRole(e.target.value as ResearchRole)}>
          {RESEARCH_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <select aria-label="从组成人员或人员库中选择" value={pick} onChange={(e) => choose(e.target.value)}>
          <option value="">从组成人员或人员库中选择…</option>
          <optgroup label="常委会组成人员">
            {detail.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}（{m.role}）
              </option>
            ))}
          </optgroup>
          {detail.people.length > 0 && (
            <optgroup label="人员库">
              {detail.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.kind}）
                </option>
              ))}
            </optgroup>
          )}
          <option value={OTHER}>其他人员（手动填写，不能任组长）</option>
        </select>
        <input aria-label="成员姓名" placeholder="姓名" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 120 }} />
        <input aria-label="成员职务" placeholder="职务，如县人大常委会副主任" value={post} onChange={(e) => setPost(e.target.value)} style={{ width: 240 }} />
        <button type="button" className="btn small" onClick={add}>
          添加到调研组
        </button>
        {problem && (
          <span className="tag danger" role="alert">
            {problem}
          </span>
        )}
      </div>
      <div className="toolbar">
        <label className="rs-inline">
          调研时间{' '}
          <DateInput label="调研开始日期" ariaLabel="调研开始日期" value={draft.from ?? ''} onChange={(v) => setDate('from', v)} />
          至
          <DateInput label="调研结束日期" ariaLabel="调研结束日期" value={draft.to ?? ''} onChange={(v) => setDate('to', v)} />
        </label>
      </div>
      {(groupId || draft.members.length > 0) && (
        <fieldset className="rs-batch">
          <legend>同组调研的被评议对象</legend>
          {[...view.evaluations.filter((e) => draft.evaluationIds.includes(e.evaluationId)), ...others.filter((e) => !draft.evaluationIds.includes(e.evaluationId))].map((e) => (
            <label key={e.evaluationId} className="rs-check">
              <input
                type="checkbox"
                checked={draft.evaluationIds.includes(e.evaluationId)}
                disabled={e.evaluationId === view.evaluationId}
                onChange={(ev) => toggleBatch(e.evaluationId, ev.target.checked)}
              />
              {e.name}（{e.unitName}
              {e.position}）
            </label>
          ))}
          {draft.evaluationIds.length > 1 && (
            <div className="toolbar">
              <label className="rs-inline">
                调研报告形式{' '}
                <select aria-label="调研报告形式" value={draft.reportMode} onChange={(e) => void saveNow({ ...base(), reportMode: e.target.value as ReportMode })}>
                  {REPORT_MODES.map((m) => (
                    <option key={m} value={m}>
                      {REPORT_MODE_LABELS[m]}
                    </option>
                  ))}
                </select>
              </label>
              {draft.reportMode === 'combined' && groupId && (
                <button type="button" className="btn" onClick={() => void exportCombined()}>
                  导出合并调研报告
                </button>
              )}
            </div>
          )}
        </fieldset>
      )}
      {notice && (
        <div className={`banner ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title="确认调研组组长"
          message={<span style={{ whiteSpace: 'pre-line' }}>{asking.message}</span>}
          confirmLabel="仍然设为组长"
          onConfirm={() => saveNow(asking.next, true)}
          onClose={() => setAsking(null)}
        />
      )}
    </section>
  );
}
