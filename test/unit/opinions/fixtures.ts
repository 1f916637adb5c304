import type { OpinionContent, OpinionRecord, OpinionVersion } from '../../../shared/domain/opinions';
import type { EvaluationVoteResult } from '../../../shared/domain/vote-round';
import { defaultSettings } from '../../../shared/domain/settings';
import type { PrefillFacts } from '../../../electron/services/opinions/prefill';

/** A finished draft: every section filled, no placeholder left. */
export function finishedContent(name = '张明'): OpinionContent {
  return {
    addressee: `${name}同志`,
    lead: [{ level: 0, text: `根据监督法和年度工作评议实施方案，县人大常委会对${name}同志履职情况进行了评议。现将评议意见反馈如下。` }],
    sections: {
      basicEvaluation: [{ level: 0, text: '该同志认真履行法定职责，主动接受人大监督。' }],
      problems: [
        { level: 2, text: '服务意识有待增强。基层服务保障能力有待进一步提升。' },
        { level: 3, text: '对群众来信来访的答复还不够及时。' },
        { level: 2, text: '整改落实不够到位。' },
      ],
      suggestions: [{ level: 3, text: '进一步加强干部队伍作风建设。' }],
      rectification: [{ level: 0, text: '请于收到本意见之日起15日内报送整改方案，6个月内将整改落实情况书面报告县人大常委会。' }],
    },
  };
}

function version(no: number, docNumber: string | null): OpinionVersion {
  return {
    no,
    createdAt: '2024-10-29T01:00:00.000Z',
    updatedAt: '2024-10-29T01:00:00.000Z',
    reason: no > 1 ? '更正文字' : '',
    content: finishedContent(),
    council: docNumber ? { date: '2024-10-30', sitting: 12 } : null,
    issue: docNumber ? { docNumber, issueDate: `${docNumber.slice(docNumber.indexOf('〔') + 1, docNumber.indexOf('〕'))}-11-01` } : null,
    delivery: null,
  };
}

/** An opinion whose versions carry the given numbers (null: a draft version). */
export function record(id: string, numbers: (string | null)[]): OpinionRecord {
  return {
    id,
    evaluationId: 'ev_aaaaaaaaaa',
    evaluateeId: 'ee_aaaaaaaaaa',
    createdAt: '2024-10-29T01:00:00.000Z',
    versions: numbers.map((n, i) => version(i + 1, n)),
  };
}

export function draftRecord(): OpinionRecord {
  return record('op_dddddddddd', [null]);
}

export function voteResult(outcome = '满意', failing = false): EvaluationVoteResult {
  return {
    meetingId: 'mt_aaaaaaaaaa',
    agendaItemId: 'ag_aaaaaaaaaa',
    roundId: 'vr_aaaaaaaaaa',
    roundNo: 1,
    state: 'announced',
    announcedAt: '2024-10-28T08:00:00.000Z',
    amendedAt: null,
    amendments: 0,
    outcome,
    failing,
    rate: failing ? 0.4 : 0.964,
    rateText: failing ? '40.0%' : '96.4%',
    counts: failing ? { satisfied: 5, basic: 6, unsatisfied: 16, blank: 1, invalid: 0 } : { satisfied: 25, basic: 2, unsatisfied: 1, blank: 0, invalid: 0 },
    valid: 28,
    context: { entitled: 30, present: 28, issued: 28, returned: 28 },
    arithmetic: ['满意票25票 ≥ 应到30人×1/2 = 15'],
    ruleName: '半数三级',
    ruleText: '依次判定，满意票达到应到人数的半数以上（含半数）的，为“满意”；……',
    ruleSummary: '满意≥应到×1/2为满意；……',
    policyText: '空白视为无效票；满意率＝（满意票＋基本满意票）÷有效票。',
    apart: [],
    tellers: ['甲'],
    scrutineers: ['乙'],
    reReport: failing,
  };
}

export function facts(overrides: Partial<PrefillFacts> = {}): PrefillFacts {
  return {
    name: '张明',
    unitName: '县教育局',
    position: '局长',
    category: '政府组成部门负责人',
    mode: 'report',
    year: 2024,
    orgShortName: '县人大常委会',
    meeting: { name: '县第十九届人大常委会第二十三次会议', date: '2024-10-28' },
    vote: voteResult(),
    questions: [
      { topic: '教育均衡', questionText: '城乡学校师资差距如何缩小？' },
      { topic: '校园安全', questionText: '校园周边交通安全隐患何时整治？' },
    ],
    memberOpinions: [{ text: '加强农村学校教师队伍建设' }, { text: '加快薄弱学校改造，' }],
    findings: [],
    criteria: ['贯彻执行国家法律法规情况', '贯彻执行县委重大决策部署情况'],
    deadlines: defaultSettings(2024).deadlines,
    voteTitles: defaultSettings(2024).voteTitles,
    legalBasis: defaultSettings(2024).legalBasis,
    ...overrides,
  };
}
