import type { Gender } from '../../../shared/domain/people';
import type { Dice } from './seeded-random';

/**
 * Tables of the demo county. The county, its places and every person are invented: names are
 * drawn from a surname list and two given-name characters, and combinations that belong to
 * well-known public figures are refused.
 */

export const DEMO_COUNTY = {
  /** No county of this name exists. */
  name: '青岚县',
  fullName: '青岚县人民代表大会常务委员会',
  shortName: '县人大常委会',
  docPrefix: '青人常',
  issuingOffice: '县人大常委会办公室',
  session: 19,
  /** The October evaluation meeting of the current year. */
  sitting: 23,
  meetingMonthDay: '10-28',
  meetingPlace: '县人大常委会机关第一会议室',
} as const;

/** 26 government departments (政府组成部门) and the title of each head. */
export const DEMO_DEPARTMENTS: readonly { name: string; headTitle: string }[] = [
  { name: '县人民政府办公室', headTitle: '主任' },
  { name: '县发展和改革局', headTitle: '局长' },
  { name: '县教育局', headTitle: '局长' },
  { name: '县科学技术和工业信息化局', headTitle: '局长' },
  { name: '县公安局', headTitle: '局长' },
  { name: '县民政局', headTitle: '局长' },
  { name: '县司法局', headTitle: '局长' },
  { name: '县财政局', headTitle: '局长' },
  { name: '县人力资源和社会保障局', headTitle: '局长' },
  { name: '县自然资源局', headTitle: '局长' },
  { name: '县住房和城乡建设局', headTitle: '局长' },
  { name: '县交通运输局', headTitle: '局长' },
  { name: '县水利局', headTitle: '局长' },
  { name: '县农业农村局', headTitle: '局长' },
  { name: '县商务局', headTitle: '局长' },
  { name: '县文化广电和旅游局', headTitle: '局长' },
  { name: '县卫生健康局', headTitle: '局长' },
  { name: '县退役军人事务局', headTitle: '局长' },
  { name: '县应急管理局', headTitle: '局长' },
  { name: '县审计局', headTitle: '局长' },
  { name: '县市场监督管理局', headTitle: '局长' },
  { name: '县统计局', headTitle: '局长' },
  { name: '县医疗保障局', headTitle: '局长' },
  { name: '县林业局', headTitle: '局长' },
  { name: '县城市管理局', headTitle: '局长' },
  { name: '县行政审批服务局', headTitle: '局长' },
];

export const DEMO_COURT = '县人民法院';
export const DEMO_PROCURATORATE = '县人民检察院';

function repeat(title: string, n: number): string[] {
  return Array.from({ length: n }, () => title);
}

/** 32 员额法官 by position. */
export const DEMO_JUDGE_POSITIONS: readonly string[] = [
  ...repeat('审判委员会委员', 3),
  '刑事审判庭庭长',
  '民事审判第一庭庭长',
  '民事审判第二庭庭长',
  '行政审判庭庭长',
  '立案庭庭长',
  '刑事审判庭副庭长',
  '民事审判第一庭副庭长',
  '民事审判第二庭副庭长',
  '立案庭副庭长',
  '执行局副局长',
  '城关人民法庭庭长',
  '石桥人民法庭庭长',
  '柳溪人民法庭庭长',
  ...repeat('审判员', 16),
];

/** 23 员额检察官 by position. */
export const DEMO_PROSECUTOR_POSITIONS: readonly string[] = [
  ...repeat('检察委员会委员', 3),
  '第一检察部主任',
  '第二检察部主任',
  '第三检察部主任',
  '第四检察部主任',
  '第一检察部副主任',
  '第二检察部副主任',
  '第三检察部副主任',
  '第四检察部副主任',
  ...repeat('检察员', 12),
];

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤柳岳'];
const FIRST = [...'文立启维泽嘉晓思学锦世庆云景承书亦若佳永绍培振'];
const SECOND: Record<Gender, readonly string[]> = {
  男: [...'远川宁和舟帆礼澄朴言衡岳平杰诚恒森林峰涛'],
  女: [...'琳萱岚芸梅茗棠怡雯婧蓉娟霞瑶'],
};

/** Combinations that name well-known public figures; never generated. */
const REFUSED = new Set(['陈文清', '何立峰', '刘云山', '王志刚', '李建国', '曹建明', '杨晓渡', '孙春兰', '张德江', '周永康']);

/** Unique invented names; `taken` is shared across members and evaluatees. */
export function inventName(dice: Dice, gender: Gender, taken: Set<string>): string {
  for (;;) {
    const name = dice.pick(SURNAMES) + dice.pick(FIRST) + dice.pick(SECOND[gender]);
    if (!taken.has(name) && !REFUSED.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
