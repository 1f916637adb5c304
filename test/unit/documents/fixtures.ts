import type { MinutesInput, OpinionInput } from '../../../electron/services/documents';

/** Deterministic filler: all-Chinese sentences (no digits or Latin letters), so full lines hold 28 characters. */
export const PHRASES = [
  '该同志认真履行法定职责',
  '坚持以人民为中心的发展思想',
  '围绕全县中心工作谋划推进本部门各项任务',
  '主动接受人大监督和社会监督',
  '注重调查研究',
  '着力解决群众反映强烈的突出问题',
  '部门工作取得明显成效',
  '干部队伍作风建设不断加强',
  '依法行政水平逐步提高',
  '但在落实整改措施方面仍有差距',
  '基层服务保障能力有待进一步提升',
  '对群众来信来访的答复还不够及时',
];

/** The generator's first state for a seed (never 0, where xorshift would stay). */
export function seedState(seed: number): number {
  return (seed * 2654435761) >>> 0 || 1;
}

/** One xorshift step: the low bits of a plain LCG cycle through a few phrases only. */
export function xorshift(s: number): number {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return s >>> 0;
}

export function chineseText(sentences: number, seed = 1): string {
  let out = '';
  let s = seedState(seed);
  for (let i = 0; i < sentences; i++) {
    const parts: string[] = [];
    const count = 2 + (s % 3);
    for (let j = 0; j < count; j++) {
      s = xorshift(s);
      parts.push(PHRASES[s % PHRASES.length] ?? '');
    }
    out += `${parts.join('，')}。`;
  }
  return out;
}

/** An opinion of about `paragraphsPerSection` × 4 paragraphs of `sentences` sentences each. */
export function sampleOpinion(paragraphsPerSection = 2, sentences = 4): OpinionInput {
  const section = (seed: number) => Array.from({ length: paragraphsPerSection }, (_, i) => chineseText(sentences, seed * 31 + i));
  return {
    docNumber: 'X人常〔2024〕5号',
    evaluateeName: '张明',
    addressee: '张明同志',
    titleNote: '（2024年10月28日县第十九届人大常委会第二十三次主任会议通过）',
    lead: `根据《中华人民共和国各级人民代表大会常务委员会监督法》和县人大常委会2024年度工作评议实施方案，县人大常委会组织评议调查组，采取座谈、走访、问卷调查等方式对张明同志履职情况进行了调查。2024年10月28日，县第十九届人大常委会第二十三次会议听取了张明同志的履职报告，进行了询问和满意度测评，测评结果为满意。现将评议意见反馈如下。`,
    basicEvaluation: section(1),
    problems: section(2),
    suggestions: section(3),
    rectification: [...section(4), '请于收到本意见之日起15日内报送整改方案，6个月内将整改落实情况书面报告县人大常委会。'],
    signature: { organ: '青岚县人民代表大会常务委员会', date: '2024-10-28', sealed: true },
    imprint: { copyTo: ['县委', '县人民政府', '县委组织部'], extraCopyTo: ['县教育局'], issueDate: '2024-10-30' },
  };
}

export function sampleMinutes(evaluatees = 2, questions = 3, sentences = 3): MinutesInput {
  const names = ['张明', '李华', '王芳', '赵强'];
  return {
    meetingName: '县第十九届人大常委会第二十三次会议',
    date: '2024-10-28',
    place: '县人大常委会会议室',
    chair: '刘建国',
    attendees: '县人大常委会组成人员二十三人',
    recorder: '陈静',
    evaluatees: Array.from({ length: evaluatees }, (_, i) => ({
      name: names[i % names.length] ?? '张明',
      position: '县教育局局长',
      questions: Array.from({ length: questions }, (_, j) => ({
        askedBy: '周委员',
        question: chineseText(2, i * 7 + j),
        answer: chineseText(sentences, i * 13 + j + 3),
      })),
    })),
  };
}
