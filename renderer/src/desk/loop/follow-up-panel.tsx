import { useMemo, useState } from 'react';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { RESEARCH_ROLES, type ResearchRole } from '../../../../shared/domain/research';
import { formatDateCn, isIsoDate } from '../../../../shared/format/dates';
import { ITEM_VERDICTS, LOOP_LABELS, type ItemVerdict } from '../../../../shared/loop/labels';
import type { FollowUpResearch } from '../../../../shared/loop/schemas';
import { getPlatform } from '../../platform/platform';
import { DateField, DateInput } from '../../ui/date-field';
import { Field } from '../../ui/field';
import { SaveStatus } from '../settings/settings-fields';
import { useSyncedDraft } from '../settings/use-synced-draft';
import { caseArgs, failingOutcome, GuardedFormDialog, useDialogForm } from './loop-bits';
import { PaperButton, useLoopDocs } from './loop-papers';

/**
 * 回头看（问效调研）: the follow-up group, its dates and activities, what it checked per item with a
 * verdict, and its overall view. Begun in a dialog (the dates are required); then edited in place
 * and saved as typed.
 */
export function FollowUpPanel({ data }: { data: LoopCase }) {
  const [starting, setStarting] = useState(false);
  const docs = useLoopDocs();
  const failingPath = data.state.reReport !== null;
  return (
    <section className="panel" aria-labelledby="loop-followup-title">
      <div className="panel-head">
        <h2 id="loop-followup-title">回头看（问效调研）</h2>
        <span className="grow" />
        {data.followUp === null && !failingPath && data.opinion?.deliveredOn && (
          <button type="button" className="btn small" onClick={() => setStarting(true)}>
            开始回头看
          </button>
        )}
        {!failingPath && (
          <PaperButton
            label="导出回头看调研报告"
            paper="回头看调研报告"
            blocker={docs ? docs.followUpReportBlocker : '正在读取…'}
            run={() => getPlatform().call('loopDocs.followUpReport', caseArgs(data))}
          />
        )}
      </div>
      {data.followUp ? (
        <FollowUpEditor key={data.evaluationId} data={data} record={data.followUp} />
      ) : failingPath ? (
        <p className="muted">测评结果为“{failingOutcome(data)}”，以再次向常委会会议报告和整改情况测评代替回头看。</p>
      ) : data.report === null ? (
        <p className="muted">一般在收到整改情况报告后组织回头看，逐条核查整改落实情况，再提请常委会会议进行满意度测评。</p>
      ) : (
        <p className="muted">已收到整改情况报告，可以开始回头看。</p>
      )}
      {starting && <StartDialog data={data} onClose={() => setStarting(false)} />}
    </section>
  );
}

function StartDialog({ data, onClose }: { data: LoopCase; onClose: () => void }) {
  const form = useDialogForm(
    () => ({ groupName: '', startDate: '', endDate: '' }),
    (v) =>
      getPlatform().call('loop.followUp.save', {
        ...caseArgs(data),
        followUp: { evaluationId: data.evaluationId, ...v, group: [], activities: [], checks: [], summary: '' },
      }),
    onClose,
  );
  return (
    <GuardedFormDialog title="开始回头看" dirty={form.dirty} onClose={onClose} onSubmit={(e) => void form.submit(e)} busy={form.busy} general={form.error} submitLabel="开始">
      <Field label="调研组名称">{(id) => <input id={id} value={form.value.groupName} placeholder="如 回头看调研组" onChange={(e) => form.set({ groupName: e.target.value })} />}</Field>
      <div className="form-grid">
        <DateField label="开始日期" value={form.value.startDate} onChange={(v) => form.set({ startDate: v })} />
        <DateField label="结束日期" value={form.value.endDate} onChange={(v) => form.set({ endDate: v })} />
      </div>
    </GuardedFormDialog>
  );
}

function FollowUpEditor({ data, record }: { data: LoopCase; record: FollowUpResearch }) {
  const json = JSON.stringify(record);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const server = useMemo(() => record, [json]);
  const edit = useSyncedDraft<FollowUpResearch>({
    key: `loop.followUp.${data.evaluationId}`,
    argument: 'followUp',
    server,
    save: async (value) => (await getPlatform().call('loop.followUp.save', { ...caseArgs(data), followUp: value })).followUp ?? value,
  });
  const d = edit.draft ?? server;
  const setDate = (key: 'startDate' | 'endDate', v: string) => {
    if (isIsoDate(v)) edit.editNow((x) => ({ ...x, [key]: v }));
  };
  return (
    <>
      <div className="toolbar loop-status-line">
        <SaveStatus state={edit.state} errors={edit.errors} label="回头看保存状态" />
      </div>
      {edit.recovered && <div className="banner warn">已找回回头看记录上次未保存的修改，正在重新保存。</div>}
      {edit.errors.general && (
        <div className="banner error" role="alert">
          {edit.errors.general}
        </div>
      )}
      <div className="loop-card-grid">
        <label className="field">
          <span>调研组名称</span>
          <input aria-label="调研组名称" value={d.groupName} onChange={(e) => edit.editText((x) => ({ ...x, groupName: e.target.value }))} onBlur={edit.flush} />
        </label>
        <div className="field">
          <span className="loop-label">开始日期</span>
          <DateInput label="开始日期" ariaLabel="回头看开始日期" value={d.startDate} error={edit.errors.byPath['startDate']} onChange={(v) => setDate('startDate', v)} />
        </div>
        <div className="field">
          <span className="loop-label">结束日期</span>
          <DateInput label="结束日期" ariaLabel="回头看结束日期" value={d.endDate} error={edit.errors.byPath['endDate']} onChange={(v) => setDate('endDate', v)} />
        </div>
      </div>
      <GroupEditor data={data} group={d.group} onChange={(group) => edit.editNow((x) => ({ ...x, group }))} />
      <ActivitiesEditor activities={d.activities} onChange={(activities) => edit.editNow((x) => ({ ...x, activities }))} />
      <div className="loop-sub">
        <h3>逐条核查</h3>
        {data.issued.items.length === 0 ? (
          <p className="muted">评议意见没有编号的条目。</p>
        ) : (
          <table className="list loop-checks loop-table" aria-label="逐条核查">
            <thead>
              <tr>
                <th style={{ width: '34%' }}>意见条目</th>
                <th style={{ width: 140 }}>评价</th>
                <th>核查情况</th>
              </tr>
            </thead>
            <tbody>
              {data.issued.items.map((item) => {
                const check = d.checks.find((c) => c.itemNo === item.no);
                const setVerdict = (v: string) =>
                  edit.editNow((x) => {
                    const others = x.checks.filter((c) => c.itemNo !== item.no);
                    if (v === '') return { ...x, checks: others };
                    const next = { opinionId: data.opinion!.id, itemNo: item.no, checked: check?.checked ?? '', verdict: v as ItemVerdict };
                    return { ...x, checks: [...others, next].sort((a, b) => a.itemNo - b.itemNo) };
                  });
                return (
                  <tr key={item.no}>
                    <td>
                      {item.label}
                      {item.text}
                    </td>
                    <td>
                      <select aria-label={`第${item.no}项核查评价`} value={check?.verdict ?? ''} onChange={(e) => setVerdict(e.target.value)}>
                        <option value="">尚未评价</option>
                        {ITEM_VERDICTS.map((v) => (
                          <option key={v} value={v}>
                            {LOOP_LABELS.itemVerdict[v]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <textarea
                        aria-label={`第${item.no}项核查情况`}
                        rows={2}
                        disabled={!check}
                        placeholder={check ? '核查了什么、看到了什么' : '先选择评价'}
                        value={check?.checked ?? ''}
                        onChange={(e) => edit.editText((x) => ({ ...x, checks: x.checks.map((c) => (c.itemNo === item.no ? { ...c, checked: e.target.value } : c)) }))}
                        onBlur={edit.flush}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <label className="field">
        <span>总体评价</span>
        <textarea aria-label="回头看总体评价" rows={4} value={d.summary} onChange={(e) => edit.editText((x) => ({ ...x, summary: e.target.value }))} onBlur={edit.flush} />
      </label>
    </>
  );
}

function GroupEditor({ data, group, onChange }: { data: LoopCase; group: FollowUpResearch['group']; onChange: (g: FollowUpResearch['group']) => void }) {
  const [role, setRole] = useState<ResearchRole>(group.some((m) => m.role === '组长') ? '成员' : '组长');
  const [pick, setPick] = useState('');
  const [post, setPost] = useState('');
  const [problem, setProblem] = useState<string>();
  const choose = (id: string) => {
    setPick(id);
    const m = data.members.find((x) => x.id === id);
    setPost(m ? `县人大常委会${m.role}` : '');
  };
  const add = () => {
    const m = data.members.find((x) => x.id === pick);
    if (!m) return setProblem('请选择组成人员');
    if (group.some((g) => g.memberId === m.id)) return setProblem(`${m.name}已在调研组中`);
    if (post.trim() === '') return setProblem('请填写职务');
    setProblem(undefined);
    const next = [...group, { role, memberId: m.id, name: m.name, post: post.trim() }].sort((a, b) => RESEARCH_ROLES.indexOf(a.role) - RESEARCH_ROLES.indexOf(b.role));
    onChange(next);
    setPick('');
    setPost('');
    setRole('成员');
  };
  return (
    <div className="loop-sub">
      <h3>调研组成员</h3>
      {group.length === 0 ? (
        <p className="muted">尚未添加调研组成员。</p>
      ) : (
        <ul className="loop-people" aria-label="回头看调研组成员">
          {group.map((g, i) => (
            <li key={`${g.name}-${i}`}>
              <span className="tag">{g.role}</span> {g.name} <span className="muted">{g.post}</span>{' '}
              <button type="button" className="btn small danger" aria-label={`移出调研组：${g.name}`} onClick={() => onChange(group.filter((_, j) => j !== i))}>
                移出
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <select aria-label="组内职务" value={role} onChange={(e) => setRole(e.target.value as ResearchRole)}>
          {RESEARCH_ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <select aria-label="选择调研组成员" value={pick} onChange={(e) => choose(e.target.value)}>
          <option value="">从组成人员中选择…</option>
          {data.members.map((m) => (
            <option key={m.id} value={m.id} disabled={!m.active}>
              {m.name}（{m.role}）{m.active ? '' : '（已不在任）'}
            </option>
          ))}
        </select>
        <input aria-label="调研组成员职务" placeholder="职务" value={post} onChange={(e) => setPost(e.target.value)} style={{ width: 220 }} />
        <button type="button" className="btn small" onClick={add}>
          添加到调研组
        </button>
        {problem && (
          <span className="tag danger" role="alert">
            {problem}
          </span>
        )}
      </div>
    </div>
  );
}

function ActivitiesEditor({ activities, onChange }: { activities: FollowUpResearch['activities']; onChange: (a: FollowUpResearch['activities']) => void }) {
  const [date, setDate] = useState('');
  const [activity, setActivity] = useState('');
  const [place, setPlace] = useState('');
  const [problem, setProblem] = useState<string>();
  const add = () => {
    if (!isIsoDate(date)) return setProblem('请填写活动日期');
    if (activity.trim() === '') return setProblem('请填写活动内容');
    setProblem(undefined);
    onChange([...activities, { date, activity: activity.trim(), place: place.trim() }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
    setDate('');
    setActivity('');
    setPlace('');
  };
  return (
    <div className="loop-sub">
      <h3>调研活动</h3>
      {activities.length === 0 ? (
        <p className="muted">尚未记录调研活动（实地察看、座谈、查阅资料等）。</p>
      ) : (
        <ul className="loop-notes" aria-label="调研活动">
          {activities.map((a, i) => (
            <li key={`${a.date}-${i}`}>
              <span className="loop-note-date">{formatDateCn(a.date)}</span>
              <span className="loop-note-text">
                {a.activity}
                {a.place && <span className="muted">（{a.place}）</span>}
              </span>
              <button type="button" className="btn small danger" aria-label={`删除调研活动：${a.activity}`} onClick={() => onChange(activities.filter((_, j) => j !== i))}>
                删除
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <DateInput label="活动日期" ariaLabel="活动日期" value={date} onChange={setDate} />
        <input aria-label="活动内容" placeholder="活动内容，如 实地察看" value={activity} onChange={(e) => setActivity(e.target.value)} />
        <input aria-label="活动地点" placeholder="地点" value={place} onChange={(e) => setPlace(e.target.value)} style={{ width: 160 }} />
        <button type="button" className="btn small" onClick={add}>
          添加活动
        </button>
        {problem && (
          <span className="tag danger" role="alert">
            {problem}
          </span>
        )}
      </div>
    </div>
  );
}
