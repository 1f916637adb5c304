import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import {
  assertUnused,
  opinionTitles,
  registeredNumbers,
  suggestNumber,
  takenInSeries,
  usedNumbers,
  validDocNumber,
  yearNumbers,
} from '../../../electron/services/opinions/numbering';
import { announcementKey, type NumberedDocument } from '../../../shared/domain/doc-register';
import type { YearData } from '../../../shared/domain/partitions';
import { record } from './fixtures';

/**
 * 发文字号 across every document the app numbered: the opinions' issued versions and the 通报 of
 * the 发文登记. A number one holds is refused to every other, naming the holder; the suggestion
 * comes after the highest of both.
 */

function notice(docNumber: string, roundId: string | null, title = '关于2026年度工作评议满意度测评结果的通报'): NumberedDocument {
  return { kind: '测评结果通报', docNumber, title, meetingId: 'mt_aaaaaaaaaa', roundId, date: '2026-10-30', firstExportedAt: 't', exportedAt: 't', exports: 1 };
}

const core = { evaluatees: [{ id: 'ee_aaaaaaaaaa', name: '张明' }] } as Parameters<typeof opinionTitles>[0];

function refusal(fn: () => void): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('document numbers across opinions and the 发文登记', () => {
  const year: YearData = {
    year: 2026,
    evaluations: [],
    opinions: { records: [record('op_aaaaaaaaaa', ['X人常〔2026〕2号'])], memberOpinions: [] },
    register: { documents: [notice('X人常〔2026〕5号', null), notice('X人常〔2026〕7号', 'vr_aaaaaaaaaa', '关于政府组成部门负责人满意度测评结果的通报')] },
  };

  it('a year holds the numbers of its opinions and its register, each with its holder and title', () => {
    const used = yearNumbers(year, opinionTitles(core));
    expect(used.map((u) => [u.text, u.holder, u.title])).toEqual([
      ['X人常〔2026〕2号', 'op_aaaaaaaaaa', '关于对张明同志履职情况的评议意见'],
      ['X人常〔2026〕5号', announcementKey('mt_aaaaaaaaaa', null), '关于2026年度工作评议满意度测评结果的通报'],
      ['X人常〔2026〕7号', announcementKey('mt_aaaaaaaaaa', 'vr_aaaaaaaaaa'), '关于政府组成部门负责人满意度测评结果的通报'],
    ]);
    // A year file from before the register (and the opinions) holds none.
    expect(yearNumbers({ year: 2026, evaluations: [] })).toEqual([]);
    // Without the evaluatees the opinion is still a holder, only unnamed.
    expect(usedNumbers(year.opinions!.records)[0]).not.toHaveProperty('title');
  });

  it('an opinion is refused a 通报’s number, naming the 通报; the 通报 itself reprints under it', () => {
    const used = yearNumbers(year, opinionTitles(core));
    const err = refusal(() => assertUnused(validDocNumber('X人常〔2026〕5号'), used, 'op_bbbbbbbbbb'));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('发文字号X人常〔2026〕5号已被使用（《关于2026年度工作评议满意度测评结果的通报》的发文字号），请换一个序号。');
    expect(err.issues).toEqual([{ path: 'issue.docNumber', message: 'X人常〔2026〕5号已被《关于2026年度工作评议满意度测评结果的通报》使用' }]);
    expect(() => assertUnused(validDocNumber('X人常〔2026〕5号'), used, announcementKey('mt_aaaaaaaaaa', null))).not.toThrow();
    // Another 通报 of the same meeting is another holder.
    expect(() => assertUnused(validDocNumber('X人常〔2026〕5号'), used, announcementKey('mt_aaaaaaaaaa', 'vr_aaaaaaaaaa'))).toThrow(/已被使用/);
    // A 通报 is refused an opinion's number, naming the opinion.
    expect(() => assertUnused(validDocNumber('X人常〔2026〕2号'), used, announcementKey('mt_aaaaaaaaaa', 'vr_aaaaaaaaaa'))).toThrow(
      '发文字号X人常〔2026〕2号已被使用（《关于对张明同志履职情况的评议意见》的发文字号），请换一个序号。',
    );
    // Another year or another series is free.
    expect(() => assertUnused(validDocNumber('X人常〔2027〕5号'), used, 'op_bbbbbbbbbb')).not.toThrow();
    expect(() => assertUnused(validDocNumber('X人办〔2026〕5号'), used, 'op_bbbbbbbbbb')).not.toThrow();
  });

  it('the suggestion comes after the highest number of either kind; a holder is offered its own', () => {
    const used = yearNumbers(year);
    expect(suggestNumber('X人常', 2026, used)).toBe('X人常〔2026〕8号');
    expect(suggestNumber('X人常', 2026, used, 'op_aaaaaaaaaa')).toBe('X人常〔2026〕2号');
    expect(suggestNumber('X人常', 2026, used, announcementKey('mt_aaaaaaaaaa', 'vr_aaaaaaaaaa'))).toBe('X人常〔2026〕7号');
    expect(suggestNumber('X人常', 2026, used, announcementKey('mt_bbbbbbbbbb', null))).toBe('X人常〔2026〕8号');
    expect(suggestNumber('X人常', 2027, used)).toBe('X人常〔2027〕1号');
    expect(takenInSeries('X人常', 2026, used)).toEqual(['X人常〔2026〕2号', 'X人常〔2026〕5号', 'X人常〔2026〕7号']);
    // Only the register: the opinions' suggestion still skips the 通报.
    expect(suggestNumber('X人常', 2026, registeredNumbers(year.register!.documents))).toBe('X人常〔2026〕8号');
  });
});
