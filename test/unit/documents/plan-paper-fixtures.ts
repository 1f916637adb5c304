import type { AnnualPlanInput, PlanRequestInput, PublicNoticeInput } from '../../../electron/services/documents';

/** The plan papers of the fictional demo county (青岚县): invented names, no real people. */
export const ORGAN = '青岚县人民代表大会常务委员会';
export const PARTY_GROUP = '中共青岚县人民代表大会常务委员会党组';

export function sampleRequest(over: Partial<PlanRequestInput> = {}): PlanRequestInput {
  return {
    organ: PARTY_GROUP,
    shortName: '县人大常委会',
    addressee: '中共青岚县委',
    docNumber: '青人常党〔2026〕3号',
    signer: '周明远',
    contactName: '林晓',
    contactPhone: '0000-1234567',
    date: '2026-03-02',
    planName: '五年计划',
    session: '第十九届',
    startYear: 2026,
    endYear: 2030,
    law: '《中华人民共和国各级人民代表大会常务委员会监督法》',
    measure: '',
    years: [
      {
        year: 2026,
        persons: [
          { name: '韩立新', category: '员额法官', unitAndPost: '青岚县人民法院审判员' },
          { name: '赵敏', category: '政府组成部门负责人', unitAndPost: '青岚县教育局局长' },
          { name: '钱进', category: '员额检察官', unitAndPost: '青岚县人民检察院检察员' },
          { name: '孙平', category: '政府组成部门负责人', unitAndPost: '青岚县财政局局长' },
        ],
      },
      { year: 2027, persons: [{ name: '李和', category: '政府组成部门负责人', unitAndPost: '青岚县卫生健康局局长' }] },
      { year: 2028, persons: [] },
      { year: 2029, persons: [] },
      { year: 2030, persons: [] },
    ],
    unplanned: 2,
    voteTitle: '民主测评',
    followUpVoteTitle: '满意度测评',
    reportMonths: 6,
    issuingOffice: '青岚县人大常委会办公室',
    ...over,
  };
}

export function sampleAnnualPlan(over: Partial<AnnualPlanInput> = {}): AnnualPlanInput {
  return {
    organ: ORGAN,
    shortName: '县人大常委会',
    year: 2026,
    planName: '五年计划',
    startYear: 2026,
    endYear: 2030,
    law: '《中华人民共和国各级人民代表大会常务委员会监督法》',
    measure: '',
    evaluations: [
      { name: '赵敏', category: '政府组成部门负责人', unitAndPost: '青岚县教育局局长', mode: '到会汇报', meetingDate: '2026-10-28' },
      { name: '韩立新', category: '员额法官', unitAndPost: '青岚县人民法院审判员', mode: '书面报告', meetingDate: '' },
    ],
    meetings: [{ name: '县第十九届人大常委会第二十三次会议', date: '2026-10-28', reports: 1, written: 0 }],
    unscheduled: 1,
    voteTitle: '民主测评',
    followUpVoteTitle: '满意度测评',
    reportMonths: 6,
    planDays: null,
    date: '2026-03-02',
    ...over,
  };
}

export function sampleNotice(over: Partial<PublicNoticeInput> = {}): PublicNoticeInput {
  return {
    organ: ORGAN,
    shortName: '县人大常委会',
    year: 2026,
    law: '《中华人民共和国各级人民代表大会常务委员会监督法》',
    measure: '',
    evaluatees: [
      { name: '韩立新', category: '员额法官', unitAndPost: '青岚县人民法院审判员' },
      { name: '赵敏', category: '政府组成部门负责人', unitAndPost: '青岚县教育局局长' },
    ],
    meetings: [{ name: '县第十九届人大常委会第二十三次会议', date: '2026-10-28' }],
    unscheduled: 0,
    channels: '来信请寄：青岚县人大常委会人事代表工作委员会\n电话：0000-1234567',
    from: '2026-08-01',
    to: '2026-08-31',
    date: '2026-07-25',
    ...over,
  };
}
