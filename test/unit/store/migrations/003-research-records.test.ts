import { describe, expect, it } from 'vitest';
import { researchRecords003 } from '../../../../electron/services/store/migrations/003-research-records';
import { storeMigrations } from '../../../../electron/services/store/migrations';
import { MapMigrationTx } from '../../../../electron/services/store/migration-runner';
import { yearSchema } from '../../../../shared/domain/partitions';
import { activityPhrases } from '../../../../shared/domain/research-compose';
import { otherMethodsOf } from '../../../../electron/services/meeting-docs/paper-inputs';

// oxlint-disable-next-line typescript/no-explicit-any -- old files are untyped JSON
type Json = any;

const EV = 'ev_aaaaaaaaaa';
const EV2 = 'ev_bbbbbbbbbb';

/** A year file before version 3: the report carries its group and its methods as counts. */
function oldYear(): Json {
  return {
    year: 2026,
    evaluations: [],
    research: {
      reports: [
        {
          evaluationId: EV,
          evaluateeId: 'ee_aaaaaaaaaa',
          createdAt: '2026-09-01T00:00:00.000Z',
          updatedAt: '2026-09-21T00:00:00.000Z',
          content: {
            groupName: '第一调研组',
            group: [
              { role: '组长', memberId: 'mb_aaaaaaaaaa', name: '周明', post: '县人大常委会副主任' },
              { role: '成员', personId: 'ps_aaaaaaaaaa', name: '陈代表', post: '县第一中学教师（人大代表）' },
            ],
            from: '2026-09-01',
            to: '2026-09-20',
            methods: { talks: 12, visits: 3, questionnairesIssued: 50, questionnairesReturned: 48, documentsRead: 30, caseFilesReviewed: 20, hearingsAttended: 2, other: '召开座谈会2次；听取服务对象意见' },
            sections: { basicSituation: ['甲'], achievements: ['乙'], problems: ['丙'], suggestions: ['丁'] },
            date: '2026-09-25',
          },
        },
        // Nothing but text: no records are made for it.
        { evaluationId: EV2, evaluateeId: 'ee_bbbbbbbbbb', createdAt: 'x', updatedAt: 'y', content: { group: [], groupName: '', methods: { talks: 0, other: '' }, sections: { basicSituation: ['戊'] } } },
      ],
    },
  };
}

describe('migration 003-research-records', () => {
  it('is the third step', () => {
    expect(storeMigrations[2]).toBe(researchRecords003);
    expect(researchRecords003.version).toBe(3);
  });

  it('moves the group and every count into records without loss; the report keeps its text and other methods', () => {
    const tx = new MapMigrationTx([['year/2026', oldYear()], ['core', { untouched: true }]]);
    researchRecords003.up(tx);
    const year = yearSchema.parse(tx.get('year/2026'));
    const research = year.research!;
    expect(tx.get('core')).toEqual({ untouched: true });

    expect(research.groups).toEqual([
      {
        id: 'rg_aaaaaaaaaa',
        evaluationIds: [EV],
        name: '第一调研组',
        members: oldYear().research.reports[0].content.group,
        from: '2026-09-01',
        to: '2026-09-20',
        reportMode: 'perEvaluation',
        createdAt: '2026-09-01T00:00:00.000Z',
        updatedAt: '2026-09-21T00:00:00.000Z',
      },
    ]);
    const byKind = Object.fromEntries(research.activities.map((a) => [a.kind, a]));
    expect(Object.keys(byKind).sort()).toEqual(['caseReview', 'hearing', 'interview', 'questionnaire', 'reading', 'visit']);
    expect(research.activities.every((a) => a.evaluationIds.length === 1 && a.evaluationIds[0] === EV)).toBe(true);
    expect(byKind.interview?.count).toBe(12);
    expect(byKind.visit?.count).toBe(3);
    expect(byKind.reading?.count).toBe(30);
    expect(byKind.caseReview?.count).toBe(20);
    expect(byKind.hearing?.count).toBe(2);
    expect(byKind.questionnaire).toMatchObject({ questionnaire: { issued: 50, returned: 48, questions: [] } });

    const report = research.reports[0]!;
    expect(report.content).toEqual({ otherMethods: '召开座谈会2次；听取服务对象意见', sections: { basicSituation: ['甲'], achievements: ['乙'], problems: ['丙'], suggestions: ['丁'] }, date: '2026-09-25' });
    // What the report printed before, it prints now: every count and the other methods.
    expect([...activityPhrases(research.activities), ...otherMethodsOf(report.content)]).toEqual([
      '个别谈话12人次',
      '实地走访3处',
      '查阅资料30份',
      '旁听庭审2次',
      '发放调查问卷50份、回收48份',
      '评查案卷20件',
      '召开座谈会2次',
      '听取服务对象意见',
    ]);

    // A report of text only gets no group and no activities.
    expect(research.reports[1]!.content.sections.basicSituation).toEqual(['戊']);
    expect(research.groups.some((g) => g.evaluationIds.includes(EV2))).toBe(false);
  });

  it('gives the same result when it runs again, and leaves a year without research alone', () => {
    const tx = new MapMigrationTx([['year/2026', oldYear()], ['year/2025', { year: 2025, evaluations: [] }]]);
    researchRecords003.up(tx);
    const once = structuredClone(tx.get('year/2026'));
    researchRecords003.up(tx);
    expect(tx.get('year/2026')).toEqual(once);
    expect(tx.get('year/2025')).toEqual({ year: 2025, evaluations: [] });
  });
});
