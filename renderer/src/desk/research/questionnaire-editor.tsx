import { percentText, returnRateText, QUESTION_OPTIONS_MAX, type Questionnaire } from '../../../../shared/domain/research-records';

/** A whole number typed in a box; empty is 0, anything else unreadable is 0 too (the schema judges the rest). */
export function countOf(text: string): number {
  const n = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(n) ? 0 : Math.max(0, Math.floor(n));
}

/**
 * 问卷调查: sheets issued and returned, the questions with their options, the tallies counted by hand
 * and the share of each (of the sheets returned), computed as typed.
 */
export function QuestionnaireEditor({ value, onChange, label }: { value: Questionnaire; onChange(next: Questionnaire): void; label: string }) {
  const setQuestion = (i: number, q: Questionnaire['questions'][number]) => onChange({ ...value, questions: value.questions.map((x, j) => (j === i ? q : x)) });
  return (
    <div className="rs-questionnaire">
      <div className="toolbar">
        <label className="rs-inline">
          问卷标题 <input aria-label={`${label}问卷标题`} value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} style={{ width: 320 }} />
        </label>
      </div>
      <label className="rs-inline rs-wide">
        问卷说明{' '}
        <textarea aria-label={`${label}问卷说明`} rows={2} value={value.intro} placeholder="印在问卷开头；留空则使用标准说明" onChange={(e) => onChange({ ...value, intro: e.target.value })} />
      </label>
      <div className="toolbar">
        <label className="rs-inline">
          发放份数 <input type="number" min={0} aria-label={`${label}发放份数`} value={String(value.issued)} onChange={(e) => onChange({ ...value, issued: countOf(e.target.value) })} className="rs-num" />
        </label>
        <label className="rs-inline">
          回收份数 <input type="number" min={0} aria-label={`${label}回收份数`} value={String(value.returned)} onChange={(e) => onChange({ ...value, returned: countOf(e.target.value) })} className="rs-num" />
        </label>
        <span className="muted" data-testid="rs-return-rate">
          回收率 {returnRateText(value)}
        </span>
      </div>
      {value.questions.map((q, i) => (
        <fieldset key={i} className="rs-question">
          <legend>第{i + 1}题</legend>
          <div className="toolbar">
            <input aria-label={`第${i + 1}题内容`} value={q.text} placeholder="问题" onChange={(e) => setQuestion(i, { ...q, text: e.target.value })} style={{ width: 360 }} />
            <select aria-label={`第${i + 1}题单选或多选`} value={q.multiple ? 'multiple' : 'single'} onChange={(e) => setQuestion(i, { ...q, multiple: e.target.value === 'multiple' })}>
              <option value="single">单选</option>
              <option value="multiple">多选</option>
            </select>
            <button type="button" className="btn small danger" onClick={() => onChange({ ...value, questions: value.questions.filter((_, j) => j !== i) })}>
              删除此题
            </button>
          </div>
          <table className="list rs-options" aria-label={`第${i + 1}题选项`}>
            <thead>
              <tr>
                <th>选项</th>
                <th>票数</th>
                <th>占回收份数</th>
                <th className="actions" />
              </tr>
            </thead>
            <tbody>
              {q.options.map((o, k) => (
                <tr key={k}>
                  <td>
                    <input aria-label={`第${i + 1}题选项${k + 1}`} value={o.text} onChange={(e) => setQuestion(i, { ...q, options: q.options.map((x, j) => (j === k ? { ...x, text: e.target.value } : x)) })} />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      className="rs-num"
                      aria-label={`第${i + 1}题选项${k + 1}票数`}
                      value={String(o.tally)}
                      onChange={(e) => setQuestion(i, { ...q, options: q.options.map((x, j) => (j === k ? { ...x, tally: countOf(e.target.value) } : x)) })}
                    />
                  </td>
                  <td data-testid={`rs-percent-${i + 1}-${k + 1}`}>{percentText(o.tally, value.returned)}</td>
                  <td className="actions">
                    {q.options.length > 2 && (
                      <button type="button" className="btn small" onClick={() => setQuestion(i, { ...q, options: q.options.filter((_, j) => j !== k) })} aria-label={`删除第${i + 1}题选项${k + 1}`}>
                        删除
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {q.options.length < QUESTION_OPTIONS_MAX && (
            <button type="button" className="btn small" onClick={() => setQuestion(i, { ...q, options: [...q.options, { text: `选项${q.options.length + 1}`, tally: 0 }] })}>
              添加选项
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn small"
        onClick={() =>
          onChange({
            ...value,
            questions: [...value.questions, { text: `问题${value.questions.length + 1}`, multiple: false, options: [{ text: '满意', tally: 0 }, { text: '基本满意', tally: 0 }, { text: '不满意', tally: 0 }] }],
          })
        }
      >
        添加问题
      </button>
    </div>
  );
}
