import { useId, useState } from 'react';
import type { BankEvaluatee } from '../../../../shared/api/questioning-types';
import { parsePastedQuestions, QUESTION_MAX, TOPIC_MAX } from '../../../../shared/domain/questioning';

export interface NewQuestions {
  items: { topic: string; text: string }[];
  source: 'typed' | 'pasted';
}

/** Adds questions for one evaluatee: one typed, or many pasted one per line under one topic. */
export function QuestionForm({ evaluatee, topics, busy, onAdd }: { evaluatee: BankEvaluatee; topics: string[]; busy: boolean; onAdd: (q: NewQuestions) => Promise<boolean> }) {
  const id = useId();
  const [mode, setMode] = useState<'typed' | 'pasted'>('typed');
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [text, setText] = useState('');
  const lines = mode === 'pasted' ? parsePastedQuestions(text) : text.trim() ? [text.trim()] : [];
  const tooLong = lines.filter((l) => [...l].length > QUESTION_MAX).length;
  const ready = topic.trim() && lines.length > 0 && tooLong === 0;
  const submit = async () => {
    if (!ready) return;
    if (await onAdd({ items: lines.map((l) => ({ topic: topic.trim(), text: l })), source: mode })) setText('');
  };
  return (
    <div className="qb-form" role="group" aria-label={`为${evaluatee.name}添加问题`}>
      <div className="qb-tabs" role="tablist">
        <button role="tab" aria-selected={mode === 'typed'} className={`btn small${mode === 'typed' ? ' active' : ''}`} onClick={() => setMode('typed')}>
          录入一个问题
        </button>
        <button role="tab" aria-selected={mode === 'pasted'} className={`btn small${mode === 'pasted' ? ' active' : ''}`} onClick={() => setMode('pasted')}>
          批量粘贴（每行一个）
        </button>
      </div>
      <div className="qb-form-grid">
        <div className="field">
          <label htmlFor={`${id}-topic`}>问题主题</label>
          <input id={`${id}-topic`} list={`${id}-topics`} value={topic} maxLength={TOPIC_MAX} onChange={(e) => setTopic(e.target.value)} />
          <datalist id={`${id}-topics`}>
            {topics.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{mode === 'typed' ? '问题内容' : '问题（每行一个，行首编号自动去掉）'}</label>
          <textarea id={`${id}-text`} rows={mode === 'typed' ? 2 : 6} value={text} onChange={(e) => setText(e.target.value)} />
          {tooLong > 0 && <span className="error">有{tooLong}个问题超过{QUESTION_MAX}字，请精简</span>}
        </div>
      </div>
      <div className="toolbar">
        <button className="btn primary" disabled={!ready || busy} onClick={() => void submit()}>
          {mode === 'typed' ? '添加问题' : `添加${lines.length}个问题`}
        </button>
        {mode === 'pasted' && lines.length > 0 && <span className="muted">识别出{lines.length}个问题，主题均为“{topic || '（未填）'}”</span>}
      </div>
    </div>
  );
}
