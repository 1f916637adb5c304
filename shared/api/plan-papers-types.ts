import type { PublicNotice } from '../domain/plan-papers';

/** What the plan page offers for the plan's papers of one year (`planPapers.view`). */
export interface PlanPapersView {
  today: string;
  year: number;
  /** The 请示 of the term's plan to the county committee. */
  request: {
    organ: string;
    docPrefix: string;
    addressee: string;
    suggestedNumber: string;
    /** The last 请示 of this term: its number and what it carried, to reprint or start from. */
    last: { docNumber: string; date: string; signer: string; contactName: string; contactPhone: string; exports: number } | null;
    blocker: string | null;
  };
  /** Why the 年度计划 cannot be made (no evaluation planned in the year), or null. */
  annualPlanBlocker: string | null;
  /** The year's notice as the clerk entered it, or null. */
  notice: PublicNotice | null;
  /** The notice as plain text to paste online, once it can be made. */
  noticeText: string | null;
  noticeBlocker: string | null;
}
