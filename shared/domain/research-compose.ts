import { formatDateCn } from '../format/dates';
import type { ResearchContent } from './research';
import {
  ACTIVITY_KINDS,
  ACTIVITY_LABELS,
  ACTIVITY_UNITS,
  percentText,
  questionnaireFigures,
  returnRateText,
  type ActivityKind,
  type Finding,
  type ResearchActivity,
} from './research-records';

/**
 * The 调研报告 built from the research records: the methods sentence from the activities (with the
 * questionnaire's figures), the 基本情况 from what each activity found, 存在问题 from the findings
 * grouped by criterion (weightiest first), 意见建议 from their suggestions. One rule for the report's
 * paper, the editor's 由调研记录生成 and the opinion's prefill.
 */

/** How many an activity stands for: its count when the office counted, else what it lists. */
export function activityAmount(a: ResearchActivity): number {
  if (a.count !== undefined) return a.count;
  switch (a.kind) {
    case 'questionnaire':
      return a.questionnaire.issued;
    case 'caseReview':
      return a.cases.length;
    case 'clientOpinions':
      return a.opinions.length;
    default:
      return 1;
  }
}

/** 个别谈话12人次、实地走访3处、发放调查问卷50份（回收48份）… — per kind in the kinds' order, only kinds used. */
export function activityPhrases(activities: readonly ResearchActivity[]): string[] {
  const out: string[] = [];
  for (const kind of ACTIVITY_KINDS) {
    const list = activities.filter((a) => a.kind === kind);
    if (list.length === 0) continue;
    out.push(kindPhrase(kind, list));
  }
  return out;
}

function kindPhrase(kind: ActivityKind, list: readonly ResearchActivity[]): string {
  const total = list.reduce((s, a) => s + activityAmount(a), 0);
  switch (kind) {
    case 'questionnaire': {
      const returned = list.reduce((s, a) => s + (a.kind === 'questionnaire' ? a.questionnaire.returned : 0), 0);
      return `发放调查问卷${total}份、回收${returned}份`;
    }
    case 'notice': {
      const received = list.reduce((s, a) => s + (a.kind === 'notice' ? a.notice.opinions.length : 0), 0);
      return `网上发布公告${list.length}次${received > 0 ? `、收到意见${received}条` : ''}`;
    }
    case 'caseReview': {
      const key = list.reduce((s, a) => s + (a.kind === 'caseReview' ? a.cases.filter((c) => c.category === '涉法涉诉信访重点案件').length : 0), 0);
      return `评查案卷${total}件${key > 0 ? `（其中涉法涉诉信访重点案件${key}件）` : ''}`;
    }
    case 'clientOpinions':
      return `听取服务对象意见建议${total}条`;
    default:
      return `${ACTIVITY_LABELS[kind]}${total}${ACTIVITY_UNITS[kind]}`;
  }
}

const when = (a: ResearchActivity) => (a.date ? `${formatDateCn(a.date)}，` : '');
const at = (a: ResearchActivity) => (a.place.trim() ? `在${a.place.trim()}` : '');

/** Paragraphs of 基本情况 that report what the activities found, the questionnaire with its figures. */
export function activityParagraphs(activities: readonly ResearchActivity[]): string[] {
  const out: string[] = [];
  for (const a of sortActivities(activities)) {
    const head = `${when(a)}调研组${at(a)}${a.kind === 'questionnaire' ? '开展' : ''}${ACTIVITY_LABELS[a.kind]}`;
    const notes = a.notes.trim() ? a.notes.trim().replace(/[。；]?$/, '。') : '';
    switch (a.kind) {
      case 'questionnaire': {
        const q = a.questionnaire;
        const title = q.title.trim() ? `“${q.title.trim()}”` : '';
        out.push(`${head}${title}，发放问卷${q.issued}份，回收${q.returned}份，回收率${returnRateText(q)}。${notes}`);
        questionnaireFigures(q).forEach((f, i) => {
          const options = f.options.map((o) => `“${o.text}”${o.tally}份，占${o.percent}`).join('；');
          const blank = f.blank ? `；未作答${f.blank}份，占${percentText(f.blank, q.returned)}` : '';
          const kind = /（[^）]*选[^）]*）$/.test(f.text.trim()) ? '' : `（${f.multiple ? '多选' : '单选'}）`;
          out.push(`问卷第${i + 1}题“${f.text.trim()}”${kind}：${options}${blank}。`);
        });
        break;
      }
      case 'caseReview': {
        out.push(`${head}，评查案卷${activityAmount(a)}件。${notes}`);
        for (const c of a.cases) if (c.finding.trim()) out.push(`${c.number}（${c.category}）：${c.finding.trim().replace(/[。；]?$/, '。')}`);
        break;
      }
      case 'notice': {
        const n = a.notice;
        const period = n.from && n.to ? `，公告期${formatDateCn(n.from)}至${formatDateCn(n.to)}` : '';
        const channel = n.channel.trim() ? `通过${n.channel.trim()}` : '';
        out.push(`${when(a)}调研组${channel}发布公告征求意见${period}，共收到意见${n.opinions.length}条。${notes}`);
        break;
      }
      case 'clientOpinions':
        out.push(`${head}，共听取意见建议${a.opinions.length}条。${notes}`);
        break;
      case 'reading':
        out.push(`${head}${a.materials.trim() ? `，查阅了${a.materials.trim().replace(/[。；]$/, '')}` : ''}。${notes}`);
        break;
      default:
        if (notes) out.push(`${head}。${notes}`);
    }
  }
  return out;
}

/** By date (undated last), then as entered. */
export function sortActivities<T extends Pick<ResearchActivity, 'date'>>(list: readonly T[]): T[] {
  return list
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date ?? '9999') .localeCompare(y.a.date ?? '9999') || x.i - y.i)
    .map((x) => x.a);
}

/** In criterion order, weightiest first, then as entered. */
export function sortFindings<T extends Pick<Finding, 'criterionId' | 'weight'>>(list: readonly T[], criteria: readonly { id: string; order: number }[]): T[] {
  const rank = (id: string) => criteria.find((c) => c.id === id)?.order ?? 999;
  return list
    .map((f, i) => ({ f, i }))
    .sort((x, y) => rank(x.f.criterionId) - rank(y.f.criterionId) || y.f.weight - x.f.weight || x.i - y.i)
    .map((x) => x.f);
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const sub = (i: number) => `（${CN_NUMBERS[i] ?? String(i + 1)}）`;

/** 存在问题 and 意见建议 from the findings: a （一） heading per criterion, the findings numbered under it, weightiest first (the weight orders, it is not printed). */
export function findingParagraphs(
  findings: readonly Finding[],
  criteria: readonly { id: string; name: string; order: number }[],
): { problems: string[]; suggestions: string[] } {
  const problems: string[] = [];
  const suggestions: string[] = [];
  const sorted = sortFindings(findings, criteria);
  const groups: { name: string; list: Finding[] }[] = [];
  for (const f of sorted) {
    const name = criteria.find((c) => c.id === f.criterionId)?.name ?? '其他方面';
    const last = groups.at(-1);
    if (last && last.name === name) last.list.push(f);
    else groups.push({ name, list: [f] });
  }
  const end = (t: string) => t.trim().replace(/[。；，]?$/, '。');
  groups.forEach((g, i) => {
    problems.push(`${sub(i)}${g.name}方面`);
    g.list.forEach((f, j) => problems.push(`${j + 1}.${end(f.text)}`));
  });
  const withSuggestion = groups.map((g) => ({ name: g.name, list: g.list.filter((f) => f.suggestion.trim() !== '') })).filter((g) => g.list.length > 0);
  withSuggestion.forEach((g, i) => {
    suggestions.push(`${sub(i)}${g.name}方面`);
    g.list.forEach((f, j) => suggestions.push(`${j + 1}.${end(f.suggestion)}`));
  });
  return { problems, suggestions };
}

/**
 * The report's text built from the records. 基本情况, 存在问题 and 意见建议 are rebuilt; 主要成效 (what
 * only the group can say), the other methods and the date are kept from the report as it stands.
 */
export function composeContent(
  current: ResearchContent,
  activities: readonly ResearchActivity[],
  findings: readonly Finding[],
  criteria: readonly { id: string; name: string; order: number }[],
): ResearchContent {
  const { problems, suggestions } = findingParagraphs(findings, criteria);
  return {
    ...current,
    sections: {
      basicSituation: activityParagraphs(activities),
      achievements: current.sections.achievements,
      problems,
      suggestions,
    },
  };
}
