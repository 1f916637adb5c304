import { describe, expect, it } from 'vitest';
import { draftProblems, numberParagraphs, printedBody, printedParagraphs, remainingPlaceholders } from '../../../shared/domain/opinions';
import { deadlineSentence, prefillHints, prefillOpinion, withoutTypedNumber } from '../../../electron/services/opinions/prefill';
import { facts, finishedContent, voteResult } from './fixtures';

const texts = (list: { text: string }[]) => list.map((p) => p.text);

describe('the prefilled draft', () => {
  it('opens with the basis, the research methods, the meeting and the vote result with its rule', () => {
    const lead = prefillOpinion(facts()).lead.map((p) => p.text).join('');
    expect(lead).toContain('根据《中华人民共和国各级人民代表大会常务委员会监督法》和县人大常委会2024年度工作评议实施方案');
    expect(lead).toContain('座谈走访、听取汇报、查阅资料、问卷调查');
    expect(lead).toContain('2024年10月28日，县第十九届人大常委会第二十三次会议听取了张明同志的履职情况报告，进行了询问');
    expect(lead).toContain('测评结果为“满意”（应到30人，实到28人，收回测评票28张，其中满意25票、基本满意2票、不满意1票，满意率96.4%）');
    // The rule is stated in words where it is quoted (the 通报), never by a name.
    expect(lead).not.toContain('等次规则评定');
    expect(lead.endsWith('现将评议意见反馈如下。')).toBe(true);
  });

  it('fills the four sections from the questions, the members’ opinions and the settings’ deadlines', () => {
    const c = prefillOpinion(facts());
    expect(c.addressee).toBe('张明同志');
    expect(texts(c.sections.basicEvaluation).join('')).toContain('测评等次为“满意”，满意率为96.4%');
    expect(texts(c.sections.basicEvaluation).join('')).toContain('贯彻执行国家法律法规情况；贯彻执行县委重大决策部署情况');
    expect(texts(c.sections.problems)[0]).toContain('围绕教育均衡、校园安全等方面进行了询问');
    expect(c.sections.problems.filter((p) => p.level === 3).map((p) => p.text)).toEqual([
      '关于教育均衡。【待填写：结合询问和答复情况归纳存在的问题】',
      '关于校园安全。【待填写：结合询问和答复情况归纳存在的问题】',
    ]);
    expect(c.sections.suggestions.filter((p) => p.level === 3).map((p) => p.text)).toEqual(['加强农村学校教师队伍建设。', '加快薄弱学校改造。']);
    // No rectification plan unless the office sets its days.
    expect(texts(c.sections.rectification).join('')).toContain('请于收到本意见之日起6个月内将整改落实情况书面报告县人大常委会。');
    expect(texts(c.sections.rectification).join('')).not.toContain('整改方案');
    // What only people can judge is left as placeholders, which keep the draft from the council.
    expect(remainingPlaceholders(c).length).toBe(3);
    expect(draftProblems(c).join()).toContain('3处【待填写】');
  });

  it('uses the settings’ deadlines and adds the re-report after a failing grade', () => {
    const deadlines = { rectificationPlanDays: 20, rectificationReportMonths: 4, reReportMonths: 3 };
    expect(deadlineSentence(deadlines, '县人大常委会')).toBe('请于收到本意见之日起20日内报送整改方案，4个月内将整改落实情况书面报告县人大常委会。');
    const c = prefillOpinion(facts({ deadlines, vote: voteResult('不满意', true) }));
    const text = texts(c.sections.rectification).join('');
    expect(text).toContain('20日内报送整改方案，4个月内');
    expect(text).toContain('鉴于民主测评结果为“不满意”，请认真整改，3个月后向县人大常委会会议报告整改情况，并接受整改情况测评。');
    const own = prefillOpinion(
      facts({ deadlines: { ...deadlines, reReportMonths: 4 }, orgShortName: '区人大常委会', vote: voteResult('不满意', true), voteTitles: { meeting: '工作评议测评', reReport: '整改测评' } }),
    );
    expect(texts(own.sections.rectification).join('')).toContain('鉴于工作评议测评结果为“不满意”，请认真整改，4个月后向区人大常委会会议报告整改情况，并接受整改测评。');
    expect(texts(own.lead).join('')).toContain('并进行了工作评议测评。');
    expect(texts(own.sections.basicEvaluation).join('')).toContain('在工作评议测评中');
  });

  it('prefills gracefully without a meeting, a vote, minutes or members’ opinions', () => {
    const f = facts({ meeting: null, vote: null, questions: [], memberOpinions: [], mode: 'written', category: '员额法官' });
    const c = prefillOpinion(f);
    const lead = texts(c.lead).join('');
    expect(lead).toContain('案件评查、旁听庭审');
    expect(lead).toContain('【待填写：评议会议的日期和名称】');
    expect(lead).toContain('审议了张明同志的书面履职报告，并进行了民主测评。现将');
    expect(lead).not.toContain('测评结果为');
    expect(texts(c.sections.suggestions).join('')).toContain('【待填写：结合组成人员的评议意见提出意见和建议】');
    expect(prefillHints(f)).toEqual(['尚未安排评议会议，开头段落中的会议情况需补充。', '尚无已公布的测评结果；测评公布后可“按最新记录重新预填”。', '尚未登记组成人员的评议意见。']);
  });
});

describe('the basis and the lists of the draft', () => {
  it('cites the law and the county’s own measure from the settings, in 书名号, leaving out what is empty', () => {
    const lead = (legalBasis: { law: string; measure: string }) => texts(prefillOpinion(facts({ legalBasis })).lead).join('');
    expect(lead({ law: '中华人民共和国各级人民代表大会常务委员会监督法', measure: '青岚县人大常委会工作评议办法' })).toContain(
      '根据《中华人民共和国各级人民代表大会常务委员会监督法》《青岚县人大常委会工作评议办法》和县人大常委会2024年度工作评议实施方案，',
    );
    expect(lead({ law: '', measure: '《青岚县人大常委会工作评议办法》' })).toContain('根据《青岚县人大常委会工作评议办法》和县人大常委会2024年度工作评议实施方案，');
    expect(lead({ law: '', measure: '' })).toContain('根据县人大常委会2024年度工作评议实施方案，');
  });

  it('numbers problems and suggestions alike, dropping numbers a person typed in front of them', () => {
    const c = prefillOpinion(
      facts({ findings: ['（一）师资不足', '2.校舍老旧'], memberOpinions: [{ text: '（1）加强教师培训' }, { text: '2、改善办学条件' }, { text: '一、完善考核' }] }),
    );
    const items = (list: { level: number; text: string }[]) => list.filter((p) => p.level !== 0);
    expect(items(c.sections.problems).slice(0, 2).map((p) => p.text)).toEqual(['师资不足。', '校舍老旧。']);
    expect(items(c.sections.suggestions).map((p) => p.text)).toEqual(['加强教师培训。', '改善办学条件。', '完善考核。']);
    expect(withoutTypedNumber('1.5亿元专项资金未及时拨付')).toBe('1.5亿元专项资金未及时拨付');
    expect(withoutTypedNumber('（12）2.5亿元')).toBe('2.5亿元');
    expect(new Set([...items(c.sections.problems), ...items(c.sections.suggestions)].map((p) => p.level))).toEqual(new Set([3]));
  });
});

describe('paragraph numbering from level and position', () => {
  it('numbers each level under the last heading above it, skipping body text and empty paragraphs', () => {
    const list = [
      { level: 2, text: '甲' },
      { level: 3, text: '乙' },
      { level: 4, text: '丙' },
      { level: 4, text: '丁' },
      { level: 0, text: '正文' },
      { level: 3, text: '' },
      { level: 3, text: '戊' },
      { level: 2, text: '己' },
      { level: 3, text: '庚' },
    ] as const;
    expect(numberParagraphs(list)).toEqual(['（一）', '1.', '（1）', '（2）', '', '', '2.', '（二）', '1.']);
  });

  it('prints a （一） heading’s first sentence as the heading and the rest as run-in body text', () => {
    expect(printedParagraphs([{ level: 2, text: '服务意识有待增强。基层服务保障能力有待提升。' }])).toEqual([
      { level: 2, text: '（一）服务意识有待增强。', runIn: '基层服务保障能力有待提升。' },
    ]);
    expect(printedParagraphs([{ level: 2, text: '整改落实不够到位。' }])).toEqual([{ level: 2, text: '（一）整改落实不够到位。' }]);
  });

  it('puts the four 一、 headings between the sections', () => {
    const body = printedBody(finishedContent());
    expect(body.filter((p) => p.level === 1).map((p) => p.text)).toEqual(['一、基本评价', '二、存在的问题', '三、意见和建议', '四、整改要求']);
    expect(body.filter((p) => p.level === 3).map((p) => p.text.slice(0, 2))).toEqual(['1.', '1.']);
  });
});
