import type {
  FollowUpReportInput,
  InterpellationInput,
  LedgerTableInput,
  ResultUseRegisterInput,
  SupervisionLetterInput,
} from '../../../electron/services/documents';
import { chineseText } from './fixtures';

/** Inputs of the closed loop's papers (督办函, 回头看调研报告, 质询案, 结果运用登记表, 整改台账), fictional names. */

export const ORGAN = '青岚县人民代表大会常务委员会';

export function sampleLetter(organ = ORGAN): SupervisionLetterInput {
  return {
    organ,
    shortName: '县人大常委会',
    docNumber: '青人常函〔2026〕3号',
    addressee: '县教育局',
    evaluateeName: '张明',
    evaluateePost: '县教育局局长',
    opinion: { title: '关于对张明同志履职情况的评议意见', docNumber: '青人常〔2025〕21号', deliveredOn: '2025-11-08' },
    overdue: [{ what: '整改情况报告', period: '6个月', due: '2026-05-08' }],
    replyBy: '2026-06-05',
    date: '2026-05-20',
  };
}

export function sampleFollowUp(checks = 5): FollowUpReportInput {
  const verdicts = ['整改到位', '基本到位', '未到位'];
  return {
    evaluateeName: '张明',
    evaluateePost: '县教育局局长',
    opinion: { title: '关于对张明同志履职情况的评议意见', docNumber: '青人常〔2025〕21号' },
    members: [
      { role: '组长', name: '刘建国', post: '县人大常委会副主任' },
      { role: '成员', name: '周伟', post: '县人大常委会委员' },
      { role: '成员', name: '吴刚', post: '县人大代表' },
    ],
    startDate: '2026-06-10',
    endDate: '2026-06-12',
    activities: [
      { date: '2026-06-10', activity: '听取县教育局整改情况汇报，查阅整改台账和佐证材料', place: '县教育局' },
      { date: '2026-06-11', activity: '实地察看城区学校扩容改造项目，召开教师和家长代表座谈会', place: '城关镇' },
      { date: '2026-06-12', activity: '走访乡镇中心学校，了解教师交流轮岗落实情况' },
    ],
    checks: Array.from({ length: checks }, (_, i) => ({
      itemNo: i + 1,
      itemText: `（${['一', '二', '三', '四', '五', '六', '七', '八'][i % 8]}）${['加强师资队伍建设', '优化城乡学校布局', '规范校外培训管理', '改善农村学校办学条件', '提升课后服务质量'][i % 5]}。${chineseText(2, i + 3)}`,
      checked: chineseText(2 + (i % 3), i * 7 + 1),
      verdict: verdicts[i % 3] ?? '整改到位',
    })),
    verdictOrder: verdicts,
    summary: chineseText(4, 41),
    date: '2026-06-20',
  };
}

export function sampleInterpellation(proposers = ['周伟', '吴刚', '郑晓燕']): InterpellationInput {
  return {
    addressee: ORGAN,
    shortName: '县人大常委会',
    law: '《中华人民共和国各级人民代表大会常务委员会监督法》',
    object: '县教育局',
    subject: '张明同志（县教育局局长）',
    proposers,
    questions: `${chineseText(2, 5)}\n${chineseText(2, 6)}`,
    reasons: `${chineseText(3, 8)}\n${chineseText(3, 9)}`,
    date: '2026-11-02',
  };
}

export function sampleResultUses(): ResultUseRegisterInput {
  return {
    title: '张明同志评议结果运用登记表',
    heading: ['关于对张明同志履职情况的评议意见（青人常〔2025〕21号）'],
    rows: [
      { date: '2025-11-05', kind: '测评结果通报', docNumber: '青人常〔2025〕20号', recipient: '全县各乡镇、县直各单位', how: '电子公文', note: '' },
      { date: '2025-11-08', kind: '评议意见', docNumber: '青人常〔2025〕21号', recipient: '县委', how: '机要交换', note: '' },
      { date: '2025-11-08', kind: '评议意见', docNumber: '青人常〔2025〕21号', recipient: '县人民政府', how: '机要交换', note: '' },
      { date: '2025-11-08', kind: '评议意见', docNumber: '青人常〔2025〕21号', recipient: '县委组织部', how: '专人送达', note: '建议将评议结果作为干部任用、考核和奖惩的依据' },
      { date: '2025-11-08', kind: '评议意见', docNumber: '青人常〔2025〕21号', recipient: '县教育局', how: '专人送达', note: '' },
    ],
  };
}

export function sampleLedger(items = 6): LedgerTableInput {
  const statuses = ['已完成', '整改中', '需长期坚持'];
  return {
    title: '张明同志评议意见整改台账',
    heading: ['评议意见：青人常〔2025〕21号　送达日期：2025年11月8日'],
    rows: Array.from({ length: items }, (_, i) => ({
      itemNo: i + 1,
      itemText: `（${['一', '二', '三', '四', '五', '六', '七', '八'][i % 8]}）${['加强师资队伍建设', '优化城乡学校布局', '规范校外培训管理', '改善农村学校办学条件', '提升课后服务质量'][i % 5]}。${chineseText(2, i + 3)}`,
      measures: chineseText(2, i + 11),
      responsible: '李军',
      dueDate: '2026-04-30',
      progress: [{ date: '2026-02-15', text: chineseText(1, i + 21) }],
      status: statuses[i % 3] ?? '整改中',
      verdict: i % 2 === 0 ? '整改到位' : '',
    })),
    summary: '共6项：已完成2项，整改中2项，需长期坚持2项。',
  };
}
