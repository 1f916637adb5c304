import { describe, expect, it } from 'vitest';
import { perMille, percentText, questionnaireFigures, questionnaireRefusals, researchActivityDraftSchema, returnRateText, type Questionnaire } from '../../../shared/domain/research-records';
import { parseCallArgs } from '../../../shared/api/validation';
import { calls } from '../../../shared/api/contract';

const q = (over: Partial<Questionnaire> = {}): Questionnaire => ({
  title: '',
  intro: '',
  issued: 50,
  returned: 48,
  questions: [
    { text: '您对该同志的总体评价', multiple: false, options: [{ text: '满意', tally: 40 }, { text: '基本满意', tally: 6 }, { text: '不满意', tally: 1 }] },
    { text: '您认为该部门需要改进的方面', multiple: true, options: [{ text: '服务态度', tally: 30 }, { text: '办事效率', tally: 45 }] },
  ],
  ...over,
});

describe('questionnaire arithmetic', () => {
  it('percentages of the sheets returned, one decimal, rounded half up with integers only', () => {
    expect(perMille(40, 48)).toBe(833);
    expect(percentText(40, 48)).toBe('83.3%');
    expect(percentText(1, 8)).toBe('12.5%');
    // 1/16 = 6.25% → 6.3% (half up), not the float's 6.2%.
    expect(percentText(1, 16)).toBe('6.3%');
    expect(percentText(48, 48)).toBe('100.0%');
    expect(percentText(0, 48)).toBe('0.0%');
    expect(percentText(3, 0)).toBe('—');
    expect(returnRateText(q())).toBe('96.0%');
  });

  it('each option with its tally and share; a single-choice question counts the blank sheets', () => {
    const [single, multiple] = questionnaireFigures(q());
    expect(single!.options).toEqual([
      { text: '满意', tally: 40, percent: '83.3%' },
      { text: '基本满意', tally: 6, percent: '12.5%' },
      { text: '不满意', tally: 1, percent: '2.1%' },
    ]);
    expect(single!.blank).toBe(1);
    // Multiple choice: shares need not add up to 100%, and there is no blank count.
    expect(multiple!.options.map((o) => o.percent)).toEqual(['62.5%', '93.8%']);
    expect(multiple!.blank).toBeNull();
  });

  it('refuses tallies beyond the sheets returned and returned beyond issued, naming the field', () => {
    expect(questionnaireRefusals(q())).toEqual([]);
    expect(questionnaireRefusals(q({ returned: 60 }))).toEqual([{ path: ['returned'], message: '回收份数（60份）不能多于发放份数（50份）' }]);
    const single = q();
    single.questions[0]!.options[2]!.tally = 3;
    expect(questionnaireRefusals(single)).toEqual([{ path: ['questions', 0, 'options'], message: '第1题（单选）各选项票数合计49，不能多于回收份数（48份）' }]);
    const multiple = q();
    multiple.questions[1]!.options[1]!.tally = 49;
    expect(questionnaireRefusals(multiple)).toEqual([{ path: ['questions', 1, 'options', 1, 'tally'], message: '第2题选项“办事效率”的票数（49）不能多于回收份数（48份）' }]);
    // Exactly the sheets returned is allowed: every sheet ticked the one option.
    const full = q();
    full.questions[1]!.options[1]!.tally = 48;
    expect(questionnaireRefusals(full)).toEqual([]);
  });

  it('the call is refused before anything runs, with the message naming the field', () => {
    const bad = q();
    bad.questions[0]!.options[0]!.tally = 48;
    const draft = { kind: 'questionnaire', evaluationIds: ['ev_aaaaaaaaaa'], questionnaire: bad };
    const parsed = researchActivityDraftSchema.safeParse(draft);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['第1题（单选）各选项票数合计55，不能多于回收份数（48份）']);
    const reply = (() => {
      try {
        parseCallArgs(calls['research.activity.save'].args, { year: 2026, activity: draft });
        return null;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(reply?.message).toContain('第1题（单选）各选项票数合计55');
  });

  it('a notice period ending before it starts is refused', () => {
    const parsed = researchActivityDraftSchema.safeParse({ kind: 'notice', evaluationIds: ['ev_aaaaaaaaaa'], notice: { text: '公告', from: '2026-09-10', to: '2026-09-01' } });
    expect(parsed.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))).toEqual([{ path: 'notice.to', message: '公告截止日期不能早于开始日期' }]);
  });
});
