import { describe, expect, it } from 'vitest';
import { METHOD_TEXT, cancelDraw, fairnessReport, formatDrawTime, indexRoster, nextEntryId, startNewCycle, type DrawEntry, type DrawLog } from '../../../shared/draw';
import { appendDraw, memberId, minuteAt, roster } from './support';

/**
 * The printout line by line, for the cases a sloppier printout would get wrong (found by mutation
 * testing, `npm run mutation`): the value exactly at the limit, the arithmetic of a question draw,
 * numbering, a tampered result, malformed entries, warnings.
 */

// 王建国, 李秀兰, 张伟 excluded; 刘洋, 陈静, 杨帆 the candidates: 3 of them, so ⌊2^32/3⌋×3 = 4294967295.
const ROSTER = roster(6);
const BY_ID = indexRoster(ROSTER);
const m = memberId;
const at = minuteAt;
const LIMIT = 4294967295;

function meeting(): DrawLog {
  const excluded = [m(1), m(2), m(3)];
  let log: DrawLog = [];
  // 4294967295 is exactly the limit: rejected. 4 mod 3 = 1: 陈静. Question: 5 mod 3 = 2: q3.
  log = appendDraw(log, [LIMIT, 4, 5], excluded, ['q1', 'q2', 'q3']);
  // 刘洋 and 杨帆 left: 1 mod 2 = 1: 杨帆.
  log = appendDraw(log, [1], excluded);
  log = cancelDraw({ log, id: nextEntryId(log), at: at(log.length), drawId: 'dl_0002', kind: 'undo', reason: '误按抽取键' });
  log = startNewCycle({ log, id: nextEntryId(log), at: at(log.length), scope: 'evaluatee', scopeId: 'ee_a', reason: '开始第二轮' });
  return log;
}

// Built inside the tests, so that an engine that fails fails a test rather than the file's loading.
let built: DrawLog | undefined;
const log = (): DrawLog => (built ??= meeting());
const text = (log: readonly unknown[], options = {}) => fairnessReport(log, { rosterById: BY_ID, ...options }).join('\n');

describe('fairnessReport, line by line', () => {
  it('a value exactly at the limit is rejected, the next accepted; the result is the name', () => {
    const t = text(log());
    expect(t).toContain(`　　随机数：${LIMIT}（舍弃，不小于${LIMIT}）、4（采用）`);
    expect(t).toContain('　　演算：4 ÷ 3 余 1，即第2位候选人');
    expect(t).toContain('　　抽取结果：陈静');
  });

  it('the question draw shows its own accepted value and remainder', () => {
    expect(text(log(), { questionTexts: { q3: '如何落实审议意见？' } })).toContain(
      '　　抽取问题：题库候选3个（q1、q2、q3），随机数：5（采用）；5 ÷ 3 余 2，抽出问题q3：如何落实审议意见？',
    );
  });

  it('counts those who already asked in the cycle', () => {
    expect(text(log())).toContain('　　出席6人，排除3人，本轮已提问1人，候选2人：1.刘洋 2.杨帆');
  });

  it('cancellations and new cycles are numbered by their position in the log', () => {
    const lines = fairnessReport(log());
    expect(lines).toContain(`第3条记录　${formatDrawTime(at(2))}　撤销抽取：作废第2次抽取（dl_0002），原因：误按抽取键`);
    expect(lines).toContain(`第4条记录　${formatDrawTime(at(3))}　开始新一轮：询问范围：按被评议对象（ee_a），第二轮，原因：开始第二轮`);
  });

  it('a draw cancelled twice is marked with the first cancellation', () => {
    const twice = [...log(), { type: 'cancel', id: 'dl_0005', at: at(4), drawId: 'dl_0002', kind: 'redraw', reason: '再次撤销' }];
    const lines = fairnessReport(twice);
    expect(lines.find((l) => l.startsWith('第2次抽取（dl_0002）'))).toContain('【已作废：第3条记录撤销抽取，原因：误按抽取键】');
    expect(lines).toContain('　　1. 第5条记录（撤销，dl_0005）：第2次抽取（dl_0002）已由dl_0003撤销，不能重复撤销');
  });

  it('a result that is not the candidate at the index is printed as the recorded id', () => {
    const t = JSON.parse(JSON.stringify(log())) as DrawEntry[];
    t[0]!.memberId = m(4);
    expect(text(t)).toContain('　　抽取结果：mb_m004');
    const beyond = JSON.parse(JSON.stringify(log())) as DrawEntry[];
    beyond[0]!.index = 9;
    expect(text(beyond)).toContain('　　抽取结果：mb_m005');
  });

  it('states the value range of the method exactly', () => {
    expect(METHOD_TEXT[0]).toContain('组成0至4294967295之间的整数');
  });

  it('malformed entries are counted, shown by position and explained in the verdict', () => {
    const bad = [...log(), { type: 'draw', id: 'dl_0005' }, null, '第七条'];
    const lines = fairnessReport(bad);
    expect(lines).toContain('共7条记录：抽取3次，作废1次，开始新一轮1次。');
    expect(lines).toContain('第5条记录　格式无效，无法显示（见复核结论）');
    expect(lines).toContain('第6条记录　格式无效，无法显示（见复核结论）');
    expect(lines).toContain('复核结论：发现3个问题：');
    expect(lines.filter((l) => /^　　\d\. /.test(l)).map((l) => l.slice(0, 14))).toEqual(['　　1. 第3次抽取（dl_', '　　2. 第6条记录：格式无', '　　3. 第7条记录：格式无']);
  });

  it('warnings are listed after the verdict, numbered', () => {
    const t = JSON.parse(JSON.stringify(log())) as DrawEntry[];
    t[1]!.at = at(-10);
    const lines = fairnessReport(t);
    expect(lines.at(-3)).toMatch(/^复核结论：按记录的随机数逐次重新演算，2次抽取的结果均与记录一致/);
    expect(lines.slice(-2)).toEqual(['提示：', '　　1. 第2次抽取（dl_0002）：时间早于上一条记录（本机时钟可能被调整过）']);
  });
});
