import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResearchDetail } from '../../../../shared/api/documents-types';
import {
  METHOD_LABELS,
  METHOD_UNITS,
  RESEARCH_ROLES,
  RESEARCH_SECTION_KEYS,
  RESEARCH_SECTION_TITLES,
  checkGroup,
  emptyResearchContent,
  researchProblems,
  researchTitleText,
  type MethodKey,
  type ResearchContent,
  type ResearchRole,
  type ResearchSectionKey,
} from '../../../../shared/domain/research';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { saveStateText, useAutosave } from '../../ui/autosave';
import { PageTitle } from '../../ui/page-title';
import { deliverWithNotice } from '../exports/deliver';
import { DateInput } from '../../ui/date-field';
import { ConfirmDialog } from '../../ui/dialog';
import { isIsoDate } from '../../../../shared/format/dates';
import './research.css';

const SECTION_HINTS: Readonly<Record<ResearchSectionKey, string>> = {
  basicSituation: '被调研对象的任职、分管工作和调研开展情况。每行一段；以（一）或1.开头的行按标题排版。',
  achievements: '履职的主要成效，可分（一）（二）……列出。',
  problems: '调研发现的主要问题。',
  suggestions: '对改进工作的意见建议。',
};

/** #/opinions/<year>/<evaluationId>/research: the research group's report on one evaluation. */
export function ResearchPage({ year, evaluationId }: { year: number; evaluationId: string }) {
  const { data, error } = useCall('research.get', { year, evaluationId });
  if (!data) {
    return error ? (
      <div className="banner error" role="alert">
        调研报告读取失败：{error.message}
      </div>
    ) : (
      <p className="muted">正在读取…</p>
    );
  }
  return <ResearchEditor key={`${year}/${evaluationId}`} detail={data} />;
}

function ResearchEditor({ detail }: { detail: ResearchDetail }) {
  const [content, setContent] = useState<ResearchContent>(detail.content ?? emptyResearchContent());
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  // Saves this window made: a report changed elsewhere (another window) replaces the text here.
  const ours = useRef(new Set<string | null>([detail.updatedAt]));
  const target = { year: detail.year, evaluationId: detail.evaluationId };

  const save = useCallback(
    async (value: ResearchContent) => {
      const r = await getPlatform().call('research.save', { ...target, content: value });
      ours.current.add(r.updatedAt);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [detail.year, detail.evaluationId],
  );
  const autosave = useAutosave<ResearchContent>(`research.${detail.evaluationId}`, save);
  const busy = autosave.state.kind === 'pending' || autosave.state.kind === 'saving';
  useEffect(() => {
    if (ours.current.has(detail.updatedAt) || busy || !detail.content) return;
    ours.current.add(detail.updatedAt);
    setContent(detail.content);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.updatedAt]);

  const change = (next: ResearchContent) => {
    setContent(next);
    autosave.change(next);
  };
  const leave = () => void autosave.flush();
  // A 组长 who is not 主任 or 副主任: saved at once with the clerk's confirmation, not by the autosave.
  const [asking, setAsking] = useState<{ next: ResearchContent; message: string } | null>(null);
  const saveConfirmed = async (next: ResearchContent) => {
    await autosave.flush();
    const r = await getPlatform().call('research.save', { ...target, content: next, confirm: true });
    ours.current.add(r.updatedAt);
    setContent(next);
  };

  const problems = researchProblems(content);
  const exportDoc = async () => {
    setExporting(true);
    setNotice(null);
    try {
      await autosave.flush();
      const text = deliverWithNotice(await getPlatform().call('research.export', target));
      if (text) setNotice({ ok: true, text });
    } catch (err) {
      setNotice({ ok: false, text: `导出失败，未保存任何文件：${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <p className="mt-back">
        <a href={`#/opinions/${detail.year}/${detail.evaluationId}`}>← 评议意见</a>
      </p>
      <PageTitle title={researchTitleText(detail.name)} sub={`${detail.unitName}${detail.position} · ${detail.year}年度 · ${detail.stageLabel}`}>
        <span className="muted" role="status" data-testid="rs-save-state">
          {saveStateText(autosave.state)}
        </span>
        <button type="button" className="btn primary" disabled={exporting || problems.length > 0} title={problems.join('；') || undefined} onClick={() => void exportDoc()}>
          {exporting ? '正在导出…' : '导出Word'}
        </button>
      </PageTitle>
      <p className="muted rs-note">调研组组长由主任或副主任担任（其他人员任组长需确认）；成员可从组成人员和人员库（人大代表、专委会负责人、专家）中选择。调研活动记录将在以后的版本中接入；目前由办公室录入调研方式和报告正文，修改即自动保存。</p>
      {problems.length > 0 && <div className="banner warn">导出前需完成：{problems.join('；')}。</div>}
      {notice && (
        <div className={`banner ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </div>
      )}
      <GroupPanel detail={detail} content={content} onChange={change} onLeave={leave} onAsk={(next, message) => setAsking({ next, message })} />
      {asking && (
        <ConfirmDialog
          title="确认调研组组长"
          message={<span style={{ whiteSpace: 'pre-line' }}>{asking.message}</span>}
          confirmLabel="仍然设为组长"
          onConfirm={() => saveConfirmed(asking.next)}
          onClose={() => setAsking(null)}
        />
      )}
      <MethodsPanel detail={detail} content={content} onChange={change} onLeave={leave} />
      <section className="panel" aria-labelledby="rs-body-title">
        <h2 id="rs-body-title">报告正文</h2>
        {RESEARCH_SECTION_KEYS.map((key) => (
          <label key={key} className="rs-section">
            <span className="rs-section-title">{RESEARCH_SECTION_TITLES[key]}</span>
            <span className="muted rs-hint">{SECTION_HINTS[key]}</span>
            <textarea
              aria-label={RESEARCH_SECTION_TITLES[key]}
              rows={6}
              value={content.sections[key].join('\n')}
              onChange={(e) => change({ ...content, sections: { ...content.sections, [key]: e.target.value.split(/\r?\n/) } })}
              onBlur={leave}
            />
          </label>
        ))}
        <label className="rs-inline">
          报告日期{' '}
          <DateInput label="报告日期" ariaLabel="报告日期" value={content.date ?? ''} onChange={(v) => withReadDate(content, 'date', v, change)} onCommitted={leave} />
          <span className="muted">留空则为调研结束日期或导出当天</span>
        </label>
      </section>
    </>
  );
}

function withDate(content: ResearchContent, key: 'from' | 'to' | 'date', value: string): ResearchContent {
  const next = { ...content };
  if (value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** A date the box could not read stays in the box with its message; it is never autosaved. */
function withReadDate(content: ResearchContent, key: 'from' | 'to' | 'date', value: string, change: (next: ResearchContent) => void): void {
  if (value === '' || isIsoDate(value)) change(withDate(content, key, value));
}

interface PanelProps {
  detail: ResearchDetail;
  content: ResearchContent;
  onChange(next: ResearchContent): void;
  onLeave(): void;
}

const OTHER = '__other';

function GroupPanel({ detail, content, onChange, onLeave, onAsk }: PanelProps & { onAsk(next: ResearchContent, message: string): void }) {
  const [role, setRole] = useState<ResearchRole>(content.group.some((m) => m.role === '组长') ? '成员' : '组长');
  const [pick, setPick] = useState('');
  const [name, setName] = useState('');
  const [post, setPost] = useState('');
  const [problem, setProblem] = useState<string>();
  const choose = (value: string) => {
    setPick(value);
    const m = detail.members.find((x) => x.id === value);
    const p = detail.people.find((x) => x.id === value);
    if (m) {
      setName(m.name);
      setPost(`${detail.orgShortName}${m.role}`);
    } else if (p) {
      setName(p.name);
      setPost(p.post);
    } else {
      setName('');
      setPost('');
    }
  };
  const add = () => {
    if (name.trim() === '') return setProblem('请填写姓名');
    if (post.trim() === '') return setProblem('请填写职务');
    const memberId = detail.members.some((m) => m.id === pick) ? pick : undefined;
    const personId = detail.people.some((p) => p.id === pick) ? pick : undefined;
    if ((memberId || personId) && content.group.some((g) => (memberId && g.memberId === memberId) || (personId && g.personId === personId))) {
      return setProblem(`${name.trim()}已在调研组中`);
    }
    const entry = { role, name: name.trim(), post: post.trim(), ...(memberId ? { memberId } : {}), ...(personId ? { personId } : {}) };
    // Kept in the order 组长, 副组长, 成员, as the report lists them.
    const group = [...content.group, entry].sort((a, b) => RESEARCH_ROLES.indexOf(a.role) - RESEARCH_ROLES.indexOf(b.role));
    const verdict = checkGroup(group, content.group, detail.members, detail.people);
    if (verdict.refusals.length > 0) return setProblem(verdict.refusals.map((r) => r.message).join('；'));
    setProblem(undefined);
    if (verdict.confirmations.length > 0) onAsk({ ...content, group }, verdict.confirmations.join('\n'));
    else onChange({ ...content, group });
    setPick('');
    setName('');
    setPost('');
    setRole('成员');
  };
  const remove = (i: number) => onChange({ ...content, group: content.group.filter((_, j) => j !== i) });
  return (
    <section className="panel" aria-labelledby="rs-group-title">
      <h2 id="rs-group-title">调研组</h2>
      <label className="rs-inline">
        调研组名称{' '}
        <input
          aria-label="调研组名称"
          value={content.groupName}
          placeholder={`${detail.orgShortName}调研组`}
          onChange={(e) => onChange({ ...content, groupName: e.target.value })}
          onBlur={onLeave}
        />
      </label>
      {content.group.length === 0 ? (
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
            {content.group.map((m, i) => (
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
        {problem && <span className="tag danger">{problem}</span>}
      </div>
    </section>
  );
}

function MethodsPanel({ detail, content, onChange, onLeave }: PanelProps) {
  const setCount = (key: MethodKey, text: string) => {
    const n = text.trim() === '' ? 0 : Math.max(0, Math.floor(Number(text)));
    onChange({ ...content, methods: { ...content.methods, [key]: Number.isFinite(n) ? n : 0 } });
  };
  return (
    <section className="panel" aria-labelledby="rs-methods-title">
      <h2 id="rs-methods-title">调研方式与时间</h2>
      <div className="toolbar">
        <label className="rs-inline">
          调研时间{' '}
          <DateInput label="调研开始日期" ariaLabel="调研开始日期" value={content.from ?? ''} onChange={(v) => withReadDate(content, 'from', v, onChange)} onCommitted={onLeave} />
          至
          <DateInput label="调研结束日期" ariaLabel="调研结束日期" value={content.to ?? ''} onChange={(v) => withReadDate(content, 'to', v, onChange)} onCommitted={onLeave} />
        </label>
      </div>
      <div className="rs-methods">
        {detail.methods.map((key) => (
          <label key={key} className="rs-method">
            <span>{METHOD_LABELS[key]}</span>
            <input
              type="number"
              min={0}
              aria-label={`${METHOD_LABELS[key]}（${METHOD_UNITS[key]}）`}
              value={content.methods[key] === 0 ? '' : String(content.methods[key])}
              placeholder="0"
              onChange={(e) => setCount(key, e.target.value)}
              onBlur={onLeave}
            />
            <span className="muted">{METHOD_UNITS[key]}</span>
          </label>
        ))}
      </div>
      <label className="rs-inline rs-other">
        其他方式{' '}
        <input
          aria-label="其他调研方式"
          value={content.methods.other}
          placeholder="如：召开座谈会3次；听取服务对象意见"
          onChange={(e) => onChange({ ...content, methods: { ...content.methods, other: e.target.value } })}
          onBlur={onLeave}
        />
      </label>
    </section>
  );
}
