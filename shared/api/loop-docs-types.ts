/** What the 跟踪整改 desk shows of an evaluation's papers (the `loopDocs.*` calls). */

/** A 督办函 in the 发文登记. */
export interface IssuedLetter {
  /** X人常函〔2026〕3号 */
  docNumber: string;
  title: string;
  /** 成文日期 and the day it asked the paper by, 'YYYY-MM-DD'. */
  date: string;
  replyBy: string;
  firstExportedAt: string;
  exportedAt: string;
  exports: number;
}

export interface OverdueDeadline {
  kind: 'plan' | 'report';
  /** 整改方案, 整改情况报告. */
  label: string;
  /** The due day, from the first delivery and the settings' periods. */
  due: string;
  /** Whole days past the due day, counted to today. */
  daysOverdue: number;
}

export interface LoopDocsView {
  today: string;
  year: number;
  evaluationId: string;
  name: string;
  unitName: string;
  letter: {
    /** Why no 督办函 can be made now (the opinion not delivered, nothing overdue), or null. */
    blocker: string | null;
    overdue: OverdueDeadline[];
    /** The next number of the 函 series this year (机关代字 + 函), a suggestion. */
    suggestedNumber: string;
    takenNumbers: string[];
    /** The 督办函 already sent for this evaluation, oldest first. */
    issued: IssuedLetter[];
  };
  /** null when the 回头看调研报告 can be made (a 回头看 record exists). */
  followUpReportBlocker: string | null;
  /** The 质询案 recorded for this evaluation, each printable as its proposal paper. */
  interpellations: { stepId: string; object: string; proposedOn: string; proposers: number }[];
  /** null when the 整改台账 can be printed (the ledger has entries). */
  ledgerBlocker: string | null;
  /** Lines of the 结果运用登记 of this evaluation (0: the form prints empty). */
  resultUses: number;
}
