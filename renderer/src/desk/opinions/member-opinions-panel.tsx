import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { Field, fieldErrors } from '../../ui/field';
import type { OpinionDetail } from '../../../../shared/api/opinion-types';
import { MEMBER_OPINION_SOURCES, MEMBER_OPINION_SOURCE_LABELS, type MemberOpinion, type MemberOpinionSource } from '../../../../shared/domain/opinions';

/**
 * 组成人员评议意见: entered from the evaluation forms handed in (书面) or taken down at the meeting
 * (会上). Someone not on the roster (a deputy, an expert) is entered by name.
 */

interface Draft {
  id: string | null;
  memberId: string;
  name: string;
  text: string;
  source: MemberOpinionSource;
}

const empty: Draft = { id: null, memberId: '', name: '', text: '', source: 'written' };

export function MemberOpinionsPanel({ detail, onInsert }: { detail: OpinionDetail; onInsert?: (text: string) => void }) {
  const { row, members, memberOpinions } = detail;
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general?: string }>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setErrors({ fields: {} });
    const member = members.find((m) => m.id === draft.memberId);
    const opinion = {
      evaluateeId: row.evaluateeId,
      ...(member ? { memberId: member.id } : {}),
      name: member ? member.name : draft.name,
      text: draft.text,
      source: draft.source,
    };
    try {
      if (draft.id) await getPlatform().call('memberOpinions.update', { year: row.year, id: draft.id, opinion });
      else await getPlatform().call('memberOpinions.add', { year: row.year, opinion });
      setDraft(empty);
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  const edit = (o: MemberOpinion) => setDraft({ id: o.id, memberId: o.memberId ?? '', name: o.memberId ? '' : o.name, text: o.text, source: o.source });
  const remove = async (o: MemberOpinion) => {
    try {
      await getPlatform().call('memberOpinions.delete', { year: row.year, id: o.id });
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="op-mo-title">
      <div className="panel-head">
        <h2 id="op-mo-title">组成人员评议意见</h2>
        <span className="muted">共{memberOpinions.length}条</span>
      </div>
      {memberOpinions.length === 0 ? (
        <p className="muted">尚未登记。可录入评议表上的书面意见或会上的发言。</p>
      ) : (
        <ul className="op-mo-list" aria-label="已登记的组成人员意见">
          {memberOpinions.map((o) => (
            <li key={o.id}>
              <div className="who">
                <strong>{o.name}</strong> <span className="tag">{MEMBER_OPINION_SOURCE_LABELS[o.source]}</span>
                <span className="grow" />
                {onInsert && (
                  <button type="button" className="btn small" onClick={() => onInsert(o.text)} aria-label={`插入草稿：${o.name}的意见`}>
                    插入草稿
                  </button>
                )}
                <button type="button" className="btn small" onClick={() => edit(o)} aria-label={`修改：${o.name}的意见`}>
                  修改
                </button>
                <button type="button" className="btn small danger" onClick={() => void remove(o)} aria-label={`删除：${o.name}的意见`}>
                  删除
                </button>
              </div>
              <div className="text">{o.text}</div>
            </li>
          ))}
        </ul>
      )}
      <div className="op-mo-form" role="group" aria-label={draft.id ? '修改意见' : '登记意见'}>
        <div className="form-grid">
          <Field label="提出人（组成人员）" error={errors.fields['memberId']}>
            {(id) => (
              <select id={id} value={draft.memberId} onChange={(e) => setDraft({ ...draft, memberId: e.target.value })}>
                <option value="">（其他人员，填写姓名）</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}（{m.role}）
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.memberId === '' ? (
            <Field label="姓名" error={errors.fields['name']}>
              {(id) => <input id={id} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
            </Field>
          ) : (
            <div />
          )}
        </div>
        <fieldset className="op-source">
          <legend className="muted">来源</legend>
          {MEMBER_OPINION_SOURCES.map((s) => (
            <label key={s}>
              <input type="radio" name="op-mo-source" checked={draft.source === s} onChange={() => setDraft({ ...draft, source: s })} /> {MEMBER_OPINION_SOURCE_LABELS[s]}
            </label>
          ))}
        </fieldset>
        <Field label="意见内容" error={errors.fields['text']}>
          {(id) => <textarea id={id} rows={3} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />}
        </Field>
        {errors.general && (
          <div className="banner error" role="alert">
            {errors.general}
          </div>
        )}
        <div className="toolbar">
          <button type="button" className="btn primary" disabled={busy || draft.text.trim() === '' || (draft.memberId === '' && draft.name.trim() === '')} onClick={() => void save()}>
            {draft.id ? '保存修改' : '登记意见'}
          </button>
          {draft.id && (
            <button type="button" className="btn" onClick={() => setDraft(empty)}>
              取消修改
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
