import type { EvaluateeCategory } from '../../../shared/domain/evaluatees';

/**
 * Wording of the demo county's history: what the opinions found and asked, what the units
 * reported and what the 回头看 groups checked. Invented, in the office's register, and generic
 * enough to stand for any department, court or procuratorate of the county.
 */

type Kind = 'head' | 'legal';

export function kindOf(category: EvaluateeCategory): Kind {
  return category === '政府组成部门负责人' ? 'head' : 'legal';
}

export const STRENGTHS: Readonly<Record<Kind, readonly string[]>> = {
  head: [
    '依法履职意识较强。该同志注重学习宪法和法律法规，重大事项能够按程序报告县人大常委会，自觉接受监督。',
    '推动中心工作有力。围绕县委、县政府部署，牵头落实年度重点任务，主要指标完成情况较好。',
    '办理代表建议认真。对人大代表提出的建议逐件研究、逐件答复，代表满意率较往年有所提高。',
    '注重队伍建设。坚持民主集中制，班子团结，干部作风有所转变，群众反映较好。',
  ],
  legal: [
    '司法为民意识较强。坚持公正司法，办案质效稳步提升，审查、审理期限内结案率较高。',
    '依法办案能力较好。熟悉本岗位业务，所办案件事实清楚、证据确实充分、适用法律正确。',
    '自觉接受监督。能够主动向县人大常委会报告工作，认真办理人大代表和群众反映的问题。',
    '廉洁自律意识较强。严格遵守办案纪律和廉洁从业规定，未发现违纪违法问题。',
  ],
};

export const PROBLEMS: Readonly<Record<Kind, readonly string[]>> = {
  head: [
    '依法行政水平有待提高。个别行政执法案卷不够规范，执法程序存在瑕疵。',
    '政策宣传解读不够到位。部分群众对惠民政策知晓率不高，办事仍需多次往返。',
    '代表建议办理质量不够均衡。个别建议答复内容较为笼统，跟踪落实不够。',
    '基层调研不够深入。对乡镇、村（社区）反映的问题研究不够，解决办法不多。',
    '重点项目推进不够快。个别项目前期工作滞后，资金使用效率不高。',
  ],
  legal: [
    '案件办理效率有待提高。个别案件审查、审理周期偏长，群众等待时间较长。',
    '释法说理不够充分。部分法律文书说理较为简单，当事人理解和接受程度不高。',
    '群众工作能力有待加强。接待来访群众时沟通方式较为简单，化解矛盾的办法不多。',
    '业务学习不够系统。对新出台的法律法规和司法解释学习不够及时。',
  ],
};

/** Each is one item of 意见和建议: the heading sentence, then what is asked. */
export const SUGGESTIONS: Readonly<Record<Kind, readonly string[]>> = {
  head: [
    '进一步提高依法行政水平。严格执行行政执法公示、执法全过程记录、重大执法决定法制审核制度，每年开展一次执法案卷评查。',
    '进一步加强政策宣传。通过政务公开栏、新媒体和进村入户等方式，提高惠民政策知晓率，推行“一次办好”。',
    '进一步提高代表建议办理质量。建立建议办理台账，办理前与代表沟通，办理后跟踪落实，做到件件有回音。',
    '进一步深入基层调查研究。领导班子成员每年到乡镇、村（社区）调研不少于两次，形成调研报告并推动问题解决。',
    '进一步加快重点项目建设。细化项目推进计划，明确责任人和完成时限，按季度向县政府报告进展。',
    '进一步加强干部队伍建设。健全学习培训制度，提高干部业务能力和服务水平，改进工作作风。',
  ],
  legal: [
    '进一步提高办案效率。加强案件流程管理，对超期案件逐案分析原因，定期通报。',
    '进一步加强释法说理。提高法律文书质量，对争议较大的案件当面向当事人释法析理。',
    '进一步增强群众工作能力。完善来访接待制度，运用调解、和解等方式化解矛盾纠纷。',
    '进一步加强业务学习。系统学习新出台的法律法规和司法解释，每年参加业务培训不少于两次。',
    '进一步主动接受人大监督。定期向县人大常委会报告工作，认真办理人大代表转交的案件线索和建议。',
  ],
};

/** What the unit reports it did for an item (整改措施). */
export const MEASURES: readonly string[] = [
  '制定整改方案，明确分管领导和责任股室，建立工作台账，按月调度推进。',
  '修订完善相关制度两项，组织全体干部专题学习，并对照制度开展自查。',
  '开展专项检查，对发现的问题逐项登记、限期整改，整改结果在单位内部通报。',
  '召开专题会议研究部署，细化任务清单，明确完成时限，纳入年度目标考核。',
];

export const PROGRESS: readonly string[] = [
  '已召开专题会议研究部署，整改方案印发执行。',
  '已完成自查，发现问题已登记入账，正在逐项整改。',
  '相关制度已修订印发，正在组织学习培训。',
  '已完成阶段性整改任务，建立长效机制。',
];

export const CHECKED: readonly string[] = [
  '查阅了整改方案、工作台账和相关制度文件，到基层站所实地察看。',
  '召开座谈会听取服务对象意见，随机抽查了相关案卷。',
  '走访了部分人大代表和群众，核对了整改情况报告所列数据。',
];

export const FOLLOW_UP_ACTIVITIES: readonly { activity: string; place: string }[] = [
  { activity: '听取整改情况汇报，查阅整改台账和相关资料', place: '被评议单位' },
  { activity: '实地察看整改落实情况', place: '基层站所' },
  { activity: '召开人大代表和群众座谈会', place: '县人大常委会机关' },
];

export const FOLLOW_UP_SUMMARY = '调研组认为，被评议对象对评议意见高度重视，整改措施具体，大部分问题已整改到位，建议提请常委会会议进行满意度测评。';

