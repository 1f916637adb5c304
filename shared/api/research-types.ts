import type { Criterion } from '../domain/criteria';
import type { EvaluateeCategory } from '../domain/evaluatees';
import type { Finding, ResearchActivity, ResearchGroup } from '../domain/research-records';

/** An evaluation of the year as the research page lists it (to form a batch group, to label a section). */
export interface ResearchEvaluationRef {
  evaluationId: string;
  name: string;
  unitName: string;
  position: string;
  category: EvaluateeCategory;
}

/** What `research.records` answers: the research records of one evaluation. */
export interface ResearchRecordsView {
  year: number;
  evaluationId: string;
  /** The group researching it (alone or in a batch), null while none is formed. */
  group: ResearchGroup | null;
  /** Activities that served this evaluation, by date (undated last), then as entered. */
  activities: ResearchActivity[];
  /** Its findings, in criterion order, weightiest first. */
  findings: Finding[];
  /** The 评价标准 of the settings, in order: what a finding concerns. */
  criteria: Pick<Criterion, 'id' | 'name' | 'order'>[];
  /** The year's evaluations, for a batch group and for the sections of a combined report. */
  evaluations: ResearchEvaluationRef[];
  /** Evaluations already in another group of the year (cannot join this one). */
  takenByOtherGroups: string[];
}
