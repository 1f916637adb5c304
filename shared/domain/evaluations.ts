import { z } from 'zod';
import { enumField, idField, optionalText, yearField } from './fields';
import { evaluationVoteResultSchema } from './vote-round';

/**
 * 评议: one evaluatee's cycle in one year, from the plan entry to closing. The five-year plan is
 * nothing but the evaluations of the plan's years: planning someone creates one in stage
 * 'planned'. Later issues hang research, votes, opinions and rectification off the evaluation
 * with defaulted sub-objects, the same way the settings grow.
 */

export const STAGES = ['planned', 'research', 'meeting', 'vote', 'opinion', 'rectification', 'follow-up', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  planned: '已列入计划',
  research: '事前调研',
  meeting: '评议会议',
  vote: '民主测评',
  opinion: '评议意见',
  rectification: '跟踪整改',
  'follow-up': '回头看',
  closed: '已办结',
};

/**
 * True once the evaluatee has stood before the meeting (or handed in the written report). Takes
 * the derived stage (shared/loop deriveStage), which adds 'escalated' after the chain's end.
 */
export function stageHeld(stage: Stage | 'escalated'): boolean {
  return stage === 'escalated' || STAGES.indexOf(stage) >= STAGES.indexOf('vote');
}

export const REPORT_MODES = ['report', 'written'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];
export const REPORT_MODE_LABELS: Record<ReportMode, string> = { report: '到会汇报', written: '书面报告' };

export const evaluationSchema = z.object({
  id: idField('ev', '评议'),
  evaluateeId: idField('ee', '被评议对象'),
  year: yearField('评议年度'),
  /**
   * Legacy: the stage as earlier versions stored it. Every screen shows and counts the stage derived
   * from the records (shared/loop deriveStage); this field is kept only so older files stay valid.
   */
  stage: enumField('评议阶段', STAGES).default('planned'),
  /** The Standing Committee meeting that hears it, once scheduled. */
  meetingId: idField('mt', '评议会议').optional(),
  mode: enumField('汇报方式', REPORT_MODES).default('report'),
  note: optionalText('备注', 2000),
  /** 民主测评: the last announced (or amended), non-void round of the first vote (vote-round.ts). */
  voteResult: evaluationVoteResultSchema.optional(),
});

export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationInput = z.input<typeof evaluationSchema>;
export const evaluationDraftSchema = evaluationSchema.omit({ id: true });
