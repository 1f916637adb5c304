import { useState } from 'react';
import { QUESTION_MAX, TOPIC_MAX, type Question } from '../../../../shared/domain/questioning';
import { Dialog } from '../../ui/dialog';

export function QuestionEditDialog({ question, topics, onClose, onSave }: { question: Question; topics: string[]; onClose: () => void; onSave: (topic: string, text: string) => Promise<void> }) {
  const [topic, setTopic] = useState(question.topic);
  const [text, setText] = useState(question.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSave(topic.trim(), text.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="修改问题"
      onClose={onClose}
      wide
      actions={
        <>
          <button className="btn" onClick={onClose}>
            取消
          </button>
          <button className="btn primary" disabled={busy || !topic.trim() || !text.trim()} onClick={() => void save()}>
            保存
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="qe-topic">问题主题</label>
        <input id="qe-topic" list="qe-topics" value={topic} maxLength={TOPIC_MAX} onChange={(e) => setTopic(e.target.value)} />
        <datalist id="qe-topics">
          {topics.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="qe-text">问题内容</label>
        <textarea id="qe-text" rows={4} value={text} maxLength={QUESTION_MAX} onChange={(e) => setText(e.target.value)} />
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </Dialog>
  );
}
