import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  closureSchema,
  escalationStepSchema,
  fileRefSchema,
  FILE_MAX_BYTES,
  followUpResearchSchema,
  laterVoteSchema,
  ledgerEntrySchema,
  LOOP_LABELS,
  rectificationReportSchema,
  resultUseSchema,
  storedPathProblem,
} from '../../../shared/loop';

const sha = 'a'.repeat(64);
const file = { name: '整改照片.jpg', size: 1024, sha256: sha, storedAs: 'evidence/ev_abcd1234/0001.jpg' };

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('fileRefSchema', () => {
  it('accepts a file inside the data folder up to 50 MB', () => {
    expect(fileRefSchema.parse({ ...file, size: FILE_MAX_BYTES }).size).toBe(FILE_MAX_BYTES);
  });

  it('refuses a larger file, a bad checksum and a path outside the data folder', () => {
    expect(messages(fileRefSchema, { ...file, size: FILE_MAX_BYTES + 1 })).toEqual(['文件不能超过50 MB']);
    expect(messages(fileRefSchema, { ...file, sha256: 'xyz' })).toEqual(['文件校验值应为64位十六进制的SHA-256']);
    for (const bad of ['../secret.txt', 'evidence/../../x', '/etc/passwd', 'C:/Windows/x', 'evidence\\x', 'a//b', './a']) {
      expect(storedPathProblem(bad)).toBe(`文件存放位置“${bad}”不在数据文件夹内`);
      expect(messages(fileRefSchema, { ...file, storedAs: bad })).toEqual([`文件存放位置“${bad}”不在数据文件夹内`]);
    }
    expect(storedPathProblem('')).toBe('文件存放位置不能为空');
  });
});

describe('ledgerEntrySchema', () => {
  const entry = { evaluationId: 'ev_abcd1234', opinionId: 'op_abcd1234', itemNo: 1, itemText: '加强学习。' };

  it('fills defaults for a new entry', () => {
    expect(ledgerEntrySchema.parse(entry)).toEqual({
      ...entry,
      measures: '',
      responsible: '',
      dueDate: null,
      progress: [],
      status: 'notStarted',
      evidence: [],
      verdict: null,
    });
  });

  it('keeps a full entry', () => {
    const full = {
      ...entry,
      measures: '制定学习计划',
      responsible: '王局长',
      dueDate: '2025-03-31',
      progress: [{ date: '2025-01-10', text: '已制定计划' }],
      status: 'ongoing',
      evidence: [file],
      verdict: 'mostlyRectified',
    };
    expect(ledgerEntrySchema.parse(full)).toEqual(full);
  });

  it('names the field in Chinese', () => {
    expect(messages(ledgerEntrySchema, { ...entry, status: 'finished' })).toEqual(['整改状态应为未启动、整改中、已完成、需长期坚持、未完成之一']);
    expect(messages(ledgerEntrySchema, { ...entry, progress: [{ date: '2025-02-30', text: 'x' }] })).toEqual(['进展日期不是有效的日期（格式应为 2024-10-28）']);
    expect(messages(ledgerEntrySchema, { ...entry, itemNo: 0 })).toEqual(['意见条目序号不能小于1']);
  });
});

describe('the other records', () => {
  it('rectification report received', () => {
    expect(rectificationReportSchema.parse({ evaluationId: 'ev_abcd1234', receivedOn: '2025-05-06', docNumber: 'X政发〔2025〕3号' })).toEqual({
      evaluationId: 'ev_abcd1234',
      reportDate: null,
      receivedOn: '2025-05-06',
      docNumber: 'X政发〔2025〕3号',
      file: null,
      meetingId: null,
    });
    expect(messages(rectificationReportSchema, { evaluationId: 'ev_abcd1234' })).toEqual(['收到日期不能为空']);
  });

  it('follow-up research with per-item checks', () => {
    const r = followUpResearchSchema.parse({
      evaluationId: 'ev_abcd1234',
      group: [{ role: '组长', name: '张主任', post: '县人大常委会副主任' }],
      startDate: '2025-06-01',
      endDate: '2025-06-05',
      activities: [{ date: '2025-06-02', activity: '实地察看' }],
      checks: [{ opinionId: 'op_abcd1234', itemNo: 1, verdict: 'fullyRectified' }],
    });
    expect(r.checks[0]).toEqual({ opinionId: 'op_abcd1234', itemNo: 1, checked: '', verdict: 'fullyRectified' });
    expect(messages(followUpResearchSchema, { evaluationId: 'ev_abcd1234', startDate: '2025-06-05', endDate: '2025-06-01' })).toEqual(['结束日期不能早于开始日期']);
  });

  it('later votes reference the evaluation and carry their kind', () => {
    const v = laterVoteSchema.parse({ evaluationId: 'ev_abcd1234', kind: 'reReport', meetingId: 'mt_abcd1234' });
    expect(v).toEqual({ evaluationId: 'ev_abcd1234', kind: 'reReport', meetingId: 'mt_abcd1234', agendaItemId: null, result: null, earlyReason: '' });
    expect(messages(laterVoteSchema, { evaluationId: 'ev_abcd1234', kind: 'meeting', meetingId: 'mt_abcd1234' })).toEqual(['测评类别应为回头看后的满意度测评、不满意再次报告后的整改情况测评之一']);
  });

  it('escalation steps of every kind', () => {
    const interpellation = escalationStepSchema.parse({
      kind: 'interpellation',
      id: 'es_abcd0001',
      evaluationId: 'ev_abcd1234',
      proposedOn: '2025-03-10',
      proposers: [
        { memberId: 'mb_abcd0001', name: '甲' },
        { memberId: 'mb_abcd0002', name: '乙' },
        { memberId: 'mb_abcd0003', name: '丙' },
      ],
      object: '县自然资源局',
      questions: '整改为何不到位',
      reasons: '两次测评不满意',
      decision: { date: '2025-03-15', mode: 'meeting', meetingId: 'mt_abcd0005' },
      answers: [{ mode: 'meeting', date: '2025-04-20', meetingId: 'mt_abcd0005', answeredBy: '局长', notSatisfied: ['mb_abcd0001', 'mb_abcd0002'], verdictDate: '2025-04-20' }],
    });
    expect(interpellation.kind).toBe('interpellation');
    expect(messages(escalationStepSchema, { kind: 'recall', evaluationId: 'ev_abcd1234' })).toEqual(['监督措施应为询问、质询案、特定问题调查委员会、常委会相应决定之一']);
    expect(messages(escalationStepSchema, { kind: 'decision', id: 'es_abcd0005', evaluationId: 'ev_abcd1234', date: '2025-08-28', meetingId: 'mt_abcd0006' })).toEqual(['决定内容不能为空']);
  });

  it('office close needs a reason', () => {
    expect(messages(closureSchema, { evaluationId: 'ev_abcd1234', date: '2025-01-01', reason: '  ' })).toEqual(['办结理由不能为空']);
  });

  it('results-use entries belong to an evaluation or a meeting', () => {
    const e = { id: 'ru_abcd0003', kind: 'opinion', recipient: '县委组织部', date: '2024-11-10', how: 'confidential' };
    expect(messages(resultUseSchema, e)).toEqual(['结果运用登记应属于一项评议或一次会议']);
    expect(resultUseSchema.parse({ ...e, evaluationId: 'ev_abcd1234' }).how).toBe('confidential');
    expect(LOOP_LABELS.deliveryMode.confidential).toBe('机要交换');
  });
});
