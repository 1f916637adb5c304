import type { Page } from '@playwright/test';
import type { ArgsOf, CallName } from '../../../shared/api/contract';
import { clearDemoResearch } from '../../unit/research/clear-demo-research';
import { api } from './fixtures';

/**
 * The demo's research of a year removed through the desk's calls (groups, activities, findings):
 * the year as the office finds it before recording any. `evaluationId` is any evaluation of it.
 */
export function clearYearsResearch(page: Page, year: number, evaluationId: string): Promise<void> {
  return clearDemoResearch(<N extends CallName>(name: N, args: ArgsOf<N>) => api(page, name, args, 'desk'), year, evaluationId);
}
