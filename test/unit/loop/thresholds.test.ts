import { describe, expect, it } from 'vitest';
import { checkInterpellationProposers, checkInvestigationProposers, needsSecondAnswer, oneFifthOf, type ProposerRef } from '../../../shared/loop';

function roster(active: number, inactive = 0) {
  const members = [];
  for (let i = 1; i <= active + inactive; i++) members.push({ id: `mb_m${String(i).padStart(3, '0')}`, name: `委员${i}`, active: i <= active });
  return members;
}
const refs = (from: number, count: number): ProposerRef[] =>
  Array.from({ length: count }, (_, k) => ({ memberId: `mb_m${String(from + k).padStart(3, '0')}`, name: `委员${from + k}` }));

describe('质询案: at least 3 active members', () => {
  const members = roster(30, 2);

  it('accepts 3 and refuses 2, naming the rule', () => {
    expect(checkInterpellationProposers(refs(1, 3), members)).toEqual({ ok: true, valid: 3, required: 3, problems: [] });
    const two = checkInterpellationProposers(refs(1, 2), members);
    expect(two.ok).toBe(false);
    expect(two.problems).toEqual(['质询案应由常委会组成人员3人以上联名书面提出，现有提案人2人']);
  });

  it('does not count a proposer who is not a member, or no longer in office', () => {
    const out = checkInterpellationProposers([...refs(1, 2), { name: '王五' }, { memberId: 'mb_m031', name: '委员31' }], members);
    expect(out.ok).toBe(false);
    expect(out.valid).toBe(2);
    expect(out.problems).toEqual([
      '王五不是本级人大常委会组成人员，不能作为质询案提案人',
      '委员31已不在任，不能作为质询案提案人',
      '质询案应由常委会组成人员3人以上联名书面提出，现有提案人2人',
    ]);
  });

  it('refuses an unknown member id and counts a repeated name once', () => {
    const out = checkInterpellationProposers([...refs(1, 2), { memberId: 'mb_zzzz9999', name: '赵六' }, ...refs(2, 1)], members);
    expect(out.valid).toBe(2);
    expect(out.problems[0]).toBe('赵六不是本级人大常委会组成人员，不能作为质询案提案人');
    expect(out.problems[1]).toBe('委员2重复列名，只计一次');
    expect(out.ok).toBe(false);
  });

  it('still accepts 3 valid proposers when others are refused (the refusals are reported)', () => {
    const out = checkInterpellationProposers([...refs(1, 3), { name: '王五' }], members);
    expect(out.ok).toBe(true);
    expect(out.problems).toEqual(['王五不是本级人大常委会组成人员，不能作为质询案提案人']);
  });
});

describe('特定问题调查委员会: 主任会议, or one fifth of the active members', () => {
  it('computes one fifth with integers', () => {
    expect([5, 25, 26, 27, 29, 30, 31, 35].map(oneFifthOf)).toEqual([1, 5, 6, 6, 6, 6, 7, 7]);
  });

  it.each([
    [30, 5, false],
    [30, 6, true],
    [27, 5, false],
    [27, 6, true],
  ])('with %i active members, %i proposers → accepted %s', (active, count, ok) => {
    const out = checkInvestigationProposers('members', refs(1, count), roster(active));
    expect(out.ok).toBe(ok);
    expect(out.required).toBe(6);
    if (!ok) {
      expect(out.problems).toEqual([
        `组织特定问题调查委员会应由主任会议提议，或由常委会组成人员五分之一以上书面联名提议（现有在任组成人员${active}人，至少6人），现有提议人${count}人`,
      ]);
    }
  });

  it('excludes inactive members from the base and from the proposers', () => {
    // 27 active + 5 who left: the base is 27 (6 needed), not 32 (7 needed).
    const members = roster(27, 5);
    expect(checkInvestigationProposers('members', refs(1, 6), members).ok).toBe(true);
    const withLeft = checkInvestigationProposers('members', [...refs(1, 5), ...refs(28, 1)], members);
    expect(withLeft.ok).toBe(false);
    expect(withLeft.valid).toBe(5);
    expect(withLeft.problems[0]).toBe('委员28已不在任，不能作为组织特定问题调查委员会的提议人');
  });

  it('refuses proposers who are not members', () => {
    const out = checkInvestigationProposers('members', [...refs(1, 5), { name: '列席代表' }], roster(30));
    expect(out.ok).toBe(false);
    expect(out.problems[0]).toBe('列席代表不是本级人大常委会组成人员，不能作为组织特定问题调查委员会的提议人');
  });

  it('needs no signatures when the 主任会议 proposes', () => {
    expect(checkInvestigationProposers('council', [], roster(30)).ok).toBe(true);
  });
});

describe('质询案 answer: more than half not satisfied → answered again', () => {
  it('is strict at one half', () => {
    expect(needsSecondAnswer(3, 1)).toBe(false);
    expect(needsSecondAnswer(3, 2)).toBe(true);
    expect(needsSecondAnswer(4, 2)).toBe(false);
    expect(needsSecondAnswer(4, 3)).toBe(true);
  });
});
