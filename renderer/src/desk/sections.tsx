import type { ReactNode } from 'react';
import { planName, type Term } from '../../../shared/domain/settings';
import { WorkbenchPage } from './workbench/workbench-page';
import { PlanPage } from './plan/plan-page';
import { EvaluateesPage } from './evaluatees/evaluatees-page';
import { MembersPage } from './members/members-page';
import { RegistryPage } from './registry/registry-page';
import { MeetingsPage } from './meetings/meetings-page';
import { SettingsPage } from './settings/settings-page';
import { OpinionsPage } from './opinions/opinions-page';
import { LoopPage } from './loop/loop-page';
import { AboutPage } from './about/about-page';
import { HelpPage } from './help/help-page';
import { StatsPage } from './stats/stats-page';

export interface DeskSection {
  path: string;
  label: string;
  render(route: string): ReactNode;
}

/** The desk's navigation, in the order the office works: 工作台 · 五年计划 · 被评议对象 · 常委会组成人员 · 人员库 · 会议 · 评议意见 · 跟踪整改 · 统计 · 设置 · 帮助 · 关于. */
export const DESK_SECTIONS: DeskSection[] = [
  { path: '/', label: '工作台', render: () => <WorkbenchPage /> },
  { path: '/plan', label: '五年计划', render: () => <PlanPage /> },
  { path: '/evaluatees', label: '被评议对象', render: () => <EvaluateesPage /> },
  { path: '/members', label: '常委会组成人员', render: () => <MembersPage /> },
  { path: '/registry', label: '人员库', render: () => <RegistryPage /> },
  { path: '/meetings', label: '会议', render: (route) => <MeetingsPage route={route} /> },
  { path: '/opinions', label: '评议意见', render: (route) => <OpinionsPage route={route} /> },
  { path: '/loop', label: '跟踪整改', render: (route) => <LoopPage route={route} /> },
  { path: '/stats', label: '统计', render: () => <StatsPage /> },
  { path: '/settings', label: '设置', render: () => <SettingsPage /> },
  { path: '/help', label: '帮助', render: (route) => <HelpPage route={route} /> },
  { path: '/about', label: '关于', render: () => <AboutPage /> },
];

/** The plan's entry is named by the term's length (五年计划, 六年计划); the others as listed. */
export function sectionLabel(section: DeskSection, term: Pick<Term, 'startYear' | 'endYear'> | undefined): string {
  return section.path === '/plan' && term ? planName(term) : section.label;
}
