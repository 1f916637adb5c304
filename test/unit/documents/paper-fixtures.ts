import type {
  AnnouncementInput,
  BallotInput,
  CountReportInput,
  DeliveryReceiptInput,
  ResearchReportInput,
  ResultRowInput,
  SignInInput,
} from '../../../electron/services/documents';
import { chineseText } from './fixtures';

/** Inputs of the meeting papers (测评结果通报, 调研报告, 测评票, 签到表, 计票结果报告单, 送达回证), fictional names. */

export const MEETING = '县第十九届人大常委会第二十三次会议';

const PEOPLE: [string, string][] = [
  ['张明', '县教育局局长'],
  ['李华', '县卫生健康局局长'],
  ['王芳', '县自然资源局局长'],
  ['欧阳建国', '县住房和城乡建设局局长'],
  ['赵强', '县交通运输局局长'],
  ['孙丽娟', '县市场监督管理局局长'],
];

/** A row whose figures add up: 满意 + 基本满意 + 不满意 + 空白 + 无效 = returned; valid = the three grades. */
function row(i: number, returned: number, satisfied: number, basic: number, blank: number, invalid: number, outcome: string): ResultRowInput {
  const [name, position] = PEOPLE[i % PEOPLE.length] ?? ['张明', '县教育局局长'];
  const unsatisfied = returned - satisfied - basic - blank - invalid;
  const valid = satisfied + basic + unsatisfied;
  const rate = valid === 0 ? '—' : `${(((satisfied + basic) / valid) * 100).toFixed(1)}%`;
  return { name, position, satisfied, basic, unsatisfied, blank, invalid, valid, rateText: rate, outcome };
}

export function sampleAnnouncement(): AnnouncementInput {
  return {
    docNumber: 'X人常〔2026〕12号',
    // The meeting's vote under its default title (a setting: 民主测评).
    title: '关于2026年度工作评议民主测评结果的通报',
    voteTitle: '民主测评',
    addressee: '县人民政府，县监察委员会，县人民法院，县人民检察院',
    meetingName: MEETING,
    meetingDate: '2026-10-28',
    ruleText:
      '满意票达到应到人数半数以上的，测评等次为满意；满意票未达到应到人数半数，但满意票与基本满意票之和超过应到人数半数的，测评等次为基本满意；满意票与基本满意票之和不足应到人数半数（含半数）的，测评等次为不满意',
    rateText: '满意率＝（满意票＋基本满意票）÷有效票',
    rounds: [
      {
        label: '第一轮',
        tellers: ['陈静', '周伟'],
        scrutineers: ['吴刚'],
        groups: [
          {
            label: '常委会组成人员',
            binding: true,
            entitled: 29,
            present: 27,
            issued: 27,
            returned: 27,
            rows: [row(0, 27, 24, 2, 1, 0, '满意'), row(1, 27, 20, 5, 0, 1, '满意'), row(2, 27, 12, 10, 0, 0, '基本满意')],
          },
          {
            label: '列席代表',
            binding: false,
            entitled: 12,
            present: 11,
            issued: 11,
            returned: 11,
            rows: [row(0, 11, 9, 2, 0, 0, '满意'), row(1, 11, 8, 3, 0, 0, '满意'), row(2, 11, 5, 5, 0, 0, '基本满意')],
          },
        ],
      },
      {
        label: '第二轮',
        tellers: ['陈静', '周伟'],
        scrutineers: ['吴刚'],
        groups: [
          {
            label: '常委会组成人员',
            binding: true,
            entitled: 29,
            present: 26,
            issued: 26,
            returned: 25,
            rows: [row(3, 25, 21, 3, 0, 0, '满意'), row(4, 25, 9, 4, 2, 1, '不满意'), row(5, 25, 18, 7, 0, 0, '满意')],
          },
        ],
      },
    ],
    closing: '希望被评议人员以此次评议为契机，认真研究评议意见，切实抓好整改落实。',
    signature: { organ: '青岚县人民代表大会常务委员会', date: '2026-10-30' },
    imprint: { copyTo: ['县委', '县人民政府', '县委组织部'], issueDate: '2026-10-30' },
  };
}

export function sampleResearch(): ResearchReportInput {
  const section = (seed: number, n = 2) => Array.from({ length: n }, (_, i) => chineseText(4, seed * 17 + i));
  return {
    title: '关于对张明同志履职情况的调研报告',
    subject: '县教育局局长张明同志',
    period: { from: '2026-08-10', to: '2026-09-05' },
    members: [
      { role: '组长', name: '刘建国', post: '县人大常委会副主任' },
      { role: '副组长', name: '陈静', post: '县人大常委会教科文卫工委主任' },
      { role: '成员', name: '周伟', post: '县人大常委会委员' },
      { role: '成员', name: '吴刚', post: '县人大代表' },
    ],
    methods: { talks: 32, visits: 6, questionnairesIssued: 120, questionnairesReturned: 115, documentsRead: 46 },
    basicSituation: section(1),
    achievements: [{ level: 2, text: '（一）教育资源布局持续优化。', runIn: chineseText(3, 5) }, { level: 2, text: '（二）教师队伍建设不断加强。', runIn: chineseText(3, 6) }],
    problems: section(3),
    suggestions: section(4),
    date: '2026-09-20',
  };
}

export function sampleBallot(sheets = 5, evaluatees = 3, groupLabel?: string): BallotInput {
  return {
    meetingName: MEETING,
    voteTitle: '民主测评',
    ...(groupLabel ? { groupLabel } : {}),
    evaluatees: Array.from({ length: evaluatees }, (_, i) => {
      const [name, position] = PEOPLE[i % PEOPLE.length] ?? ['张明', '县教育局局长'];
      return { name, position };
    }),
    sheets,
  };
}

export function sampleSignIn(members = 24): SignInInput {
  const surnames = ['刘', '陈', '周', '吴', '郑', '冯', '褚', '卫', '蒋', '沈', '韩', '杨'];
  const given = ['建国', '静', '伟', '刚', '秀英', '海涛', '丽', '志强'];
  return {
    meetingName: MEETING,
    date: '2026-10-28',
    place: '县人大常委会第一会议室',
    members: Array.from({ length: members }, (_, i) => ({
      name: `${surnames[i % surnames.length] ?? '刘'}${given[i % given.length] ?? '伟'}`,
      post: i === 0 ? '县人大常委会主任' : i < 4 ? '县人大常委会副主任' : '县人大常委会委员',
    })),
  };
}

export function sampleCountReport(): CountReportInput {
  const group = sampleAnnouncement().rounds[0]?.groups[0];
  if (!group) throw new Error('fixture without a group');
  return {
    meetingName: MEETING,
    roundLabel: '第一轮',
    date: '2026-10-28',
    entitled: group.entitled,
    present: group.present,
    issued: group.issued,
    returned: group.returned,
    rows: group.rows.map(({ rateText: _rate, outcome: _outcome, ...counts }) => counts),
    tellers: ['陈静', '周伟'],
    scrutineers: ['吴刚'],
  };
}

export function sampleReceipt(): DeliveryReceiptInput {
  return {
    organ: '青岚县人民代表大会常务委员会',
    documentTitle: '关于对张明同志履职情况的评议意见',
    docNumber: 'X人常〔2026〕5号',
    recipient: '张明（县教育局局长）',
    method: '直接送达',
    issueDate: '2026-11-02',
  };
}
