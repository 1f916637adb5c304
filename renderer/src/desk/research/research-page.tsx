import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResearchDetail } from '../../../../shared/api/documents-types';
import {
  RESEARCH_SECTION_KEYS,
  RESEARCH_SECTION_TITLES,
  emptyResearchContent,
  researchProblems,
  researchTitleText,
  type ResearchContent,
  type ResearchSectionKey,
} from '../../../../shared/domain/research';
import type { ResearchRecordsView } from '../../../../shared/api/research-types';
import { ActivitiesPanel } from './activities-panel';
import { FindingsPanel } from './findings-panel';
import { GroupPanel } from './group-panel';
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
  const records = useCall('research.records', { year, evaluationId });
  if (!data || !records.data) {
    return error || records.error ? (
      <div className="banner error" role="alert">
        调研报告读取失败：{(error ?? records.error)?.message}
      </div>
    ) : (
      <p className="muted">正在读取…</p>
    );
  }
  return <ResearchEditor key={`${year}/${evaluationId}`} detail={data} view={records.data} />;
}

function ResearchEditor({ detail, view }: { detail: ResearchDetail; view: ResearchRecordsView }) {
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
  // 由调研记录生成: the text rebuilt from the records, asked first when the sections already hold text.
  const [composing, setComposing] = useState<ResearchContent | null>(null);
  const compose = async () => {
    setNotice(null);
    try {
      await autosave.flush();
      const { content: built } = await getPlatform().call('research.compose', target);
      const typed = [content.sections.basicSituation, content.sections.problems, content.sections.suggestions].some((list) => list.some((p) => p.trim() !== ''));
      if (typed) setComposing(built);
      else await applyComposed(built);
    } catch (err) {
      setNotice({ ok: false, text: `生成失败：${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const applyComposed = async (built: ResearchContent) => {
    setContent(built);
    autosave.change(built);
    await autosave.flush();
  };

  const problems = researchProblems(content, view.group ?? undefined);
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
        <a className="btn" href={`#/opinions/${detail.year}/${detail.evaluationId}/thread`}>
          调研问题追溯
        </a>
      </PageTitle>
      <p className="muted rs-note">调研组组长由主任或副主任担任（其他人员任组长需确认）；成员可从组成人员和人员库（人大代表、专委会负责人、专家）中选择。调研活动和发现的问题逐条记录，报告正文可由调研记录生成后再修改，修改即自动保存。</p>
      {problems.length > 0 && <div className="banner warn">导出前需完成：{problems.join('；')}。</div>}
      {notice && (
        <div className={`banner ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </div>
      )}
      <GroupPanel detail={detail} view={view} />
      <ActivitiesPanel detail={detail} view={view} />
      <FindingsPanel detail={detail} view={view} />
      {composing && (
        <ConfirmDialog
          title="由调研记录生成正文"
          message="“基本情况”“存在问题”“意见建议”将按调研活动和发现的问题重新生成，已输入的这三部分文字会被替换；“主要成效”保持不变。"
          confirmLabel="重新生成"
          onConfirm={() => applyComposed(composing)}
          onClose={() => setComposing(null)}
        />
      )}
      <section className="panel" aria-labelledby="rs-body-title">
        <h2 id="rs-body-title">报告正文</h2>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => void compose()}>
            由调研记录生成正文
          </button>
          <label className="rs-inline rs-other">
            其他调研方式{' '}
            <input aria-label="其他调研方式" value={content.otherMethods} placeholder="如：召开座谈会3次；听取服务对象意见" onChange={(e) => change({ ...content, otherMethods: e.target.value })} onBlur={leave} />
          </label>
        </div>
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
          <DateInput label="报告日期" ariaLabel="报告日期" value={content.date ?? ''} onChange={(v) => withReadDate(content, v, change)} onCommitted={leave} />
          <span className="muted">留空则为调研结束日期或导出当天</span>
        </label>
      </section>
    </>
  );
}

function withDate(content: ResearchContent, value: string): ResearchContent {
  const next = { ...content };
  if (value === '') delete next.date;
  else next.date = value;
  return next;
}

/** A date the box could not read stays in the box with its message; it is never autosaved. */
function withReadDate(content: ResearchContent, value: string, change: (next: ResearchContent) => void): void {
  if (value === '' || isIsoDate(value)) change(withDate(content, value));
}
