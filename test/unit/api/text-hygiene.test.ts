import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/services/api/dispatch';
import { silentLogger } from '../../../electron/services/deps';
import { CALL_NAMES, calls } from '../../../shared/api/contract';
import { textIssues, textProblem } from '../../../shared/api/text-hygiene';
import { optionalText, requiredText } from '../../../shared/domain/fields';

const LONE_HIGH = '\uD842';
const LONE_LOW = '\uDFB7';

describe('textProblem: each Unicode case', () => {
  it('accepts CJK as typed, including compatibility ideographs and supplementary-plane characters', () => {
    // U+F9DC (a compatibility ideograph NFC would fold into U+9686) and U+20BB7 𠮷 (a surrogate pair).
    for (const name of ['李\uF9DC', '\u{20BB7}田', '王小明', '欧阳·娜娜', 'Zhang San', '会议（第一次）']) {
      expect(textProblem(name, 'label'), name).toBeNull();
    }
    expect('李\uF9DC'.normalize('NFC')).not.toBe('李\uF9DC'); // proof that folding would have changed it
  });

  it('refuses a lone surrogate, high or low, anywhere', () => {
    for (const text of [`会议${LONE_HIGH}`, `${LONE_LOW}会议`, `a${LONE_HIGH}b`, `${LONE_LOW}${LONE_HIGH}`]) {
      expect(textProblem(text, 'label')).toMatch(/残缺的字符/);
      expect(textProblem(text, 'free')).toMatch(/残缺的字符/);
    }
  });

  it('refuses NUL and the other C0 controls, DEL and C1; free text keeps newline, carriage return and tab', () => {
    for (const ch of ['\0', '\x01', '\x07', '\x08', '\x0b', '\x0c', '\x1b', '\x1f', '\x7f', '\x85', '\x9f']) {
      expect(textProblem(`意见${ch}内容`, 'free'), JSON.stringify(ch)).toMatch(/控制字符（U\+00[0-9A-F]{2}）/);
      expect(textProblem(`名称${ch}`, 'label'), JSON.stringify(ch)).toMatch(/控制字符/);
    }
    expect(textProblem('第一段\n第二段\r\n\t缩进', 'free')).toBeNull();
    expect(textProblem('一行\n两行', 'label')).toMatch(/不能换行/);
    expect(textProblem('甲\t乙', 'label')).toMatch(/制表符/);
  });

  it('refuses bidi controls and zero-width characters in names, titles and labels only', () => {
    const invisible = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
    for (const ch of invisible) {
      expect(textProblem(`张${ch}三`, 'label'), ch.codePointAt(0)?.toString(16)).toMatch(/不可见的格式字符（U\+(202[A-E]|206[6-9]|200[B-D]|2060|FEFF)）/);
      expect(textProblem(`张${ch}三`, 'free')).toBeNull();
    }
  });
});

describe('textIssues: derived from the schema', () => {
  const schema = z.strictObject({
    meeting: z.strictObject({ name: requiredText('会议名称', 80), notes: optionalText('备注', 2000), place: optionalText('会议地点', 100) }),
    tags: z.array(requiredText('标签', 20)).optional(),
    reason: requiredText('撤销原因', 200),
    items: z.array(z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('a'), title: z.string() }), z.strictObject({ kind: z.literal('b'), body: z.string() })])),
    extra: z.record(z.string(), z.string()).optional(),
  });
  const ok = { meeting: { name: '第一次会议', notes: '第一行\n第二行', place: '三楼会议室' }, reason: '重新\n说明', items: [{ kind: 'b', body: '正文\t' }] };

  it('passes clean input (free text with line breaks included)', () => {
    expect(schema.safeParse(ok).success).toBe(true);
    expect(textIssues(schema, ok)).toEqual([]);
  });

  it('names the field in Chinese, with its path', () => {
    const issues = textIssues(schema, { ...ok, meeting: { ...ok.meeting, name: `会议${LONE_HIGH}` } });
    expect(issues).toEqual([{ path: 'meeting.name', message: expect.stringMatching(/^会议名称含有残缺的字符/) }]);
  });

  it('treats short fields and …name/…title/…label keys as labels, long ones as free text', () => {
    expect(textIssues(schema, { ...ok, meeting: { ...ok.meeting, place: '三楼\u200b会议室' } })).toEqual([{ path: 'meeting.place', message: expect.stringMatching(/^会议地点含有不可见的格式字符/) }]);
    expect(textIssues(schema, { ...ok, meeting: { ...ok.meeting, notes: '备注\u200b' } })).toEqual([]);
    expect(textIssues(schema, { ...ok, items: [{ kind: 'a', title: '标题\u202e' }] })).toEqual([{ path: 'items.0.title', message: expect.stringMatching(/^字段 items\.0\.title 含有不可见的格式字符/) }]);
    expect(textIssues(schema, { ...ok, items: [{ kind: 'b', body: '正文\u202e' }] })).toEqual([]);
    expect(textIssues(schema, { ...ok, tags: ['甲', '乙\n'] })).toEqual([{ path: 'tags.1', message: '标签不能换行，请写成一行' }]);
  });

  it('checks record keys and values, and strings under unions', () => {
    expect(textIssues(schema, { ...ok, extra: { 'k\0': 'v' } })).toEqual([expect.objectContaining({ path: 'extra.k\0' })]);
    expect(textIssues(schema, { ...ok, extra: { k: `v${LONE_LOW}` } })).toEqual([expect.objectContaining({ path: 'extra.k' })]);
    expect(textIssues(schema, { ...ok, items: [{ kind: 'b', body: '正文\0' }] })).toEqual([expect.objectContaining({ path: 'items.0.body' })]);
  });
});

describe('dispatch applies the check to every string argument of every call', () => {
  const handlers = Object.fromEntries(CALL_NAMES.map((n) => [n, () => 'ran'])) as unknown as Handlers;
  const dispatch = createDispatch(handlers, { log: silentLogger });

  it('refuses a meeting name with a lone surrogate before any handler runs, naming the field', async () => {
    const reply = await dispatch('desk', 'meetings.create', { meeting: { name: `十月评议会${LONE_HIGH}`, session: 19, sitting: 23, year: 2026, date: '2026-10-28' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_args', issues: [{ path: 'meeting.name' }] } });
    if (!reply.ok) expect(reply.error.message).toMatch(/会议名称含有残缺的字符/);
  });

  it('refuses a zero-width character in a member name and a NUL in a backup label', async () => {
    const member = await dispatch('desk', 'members.create', { member: { name: '张\u200b三', role: '委员', rosterOrder: 1 } });
    expect(member).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (!member.ok) expect(member.error.message).toMatch(/姓名含有不可见的格式字符（U\+200B）/);
    const backup = await dispatch('desk', 'store.backup', { label: '手动\0' });
    expect(backup).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (!backup.ok) expect(backup.error.message).toMatch(/备份说明含有不可见的控制字符（U\+0000）/);
  });

  it('judges what the handler gets: a tab a trimming name field drops (pasted from a spreadsheet) is no reason to refuse', async () => {
    const seen: unknown[] = [];
    const pasting = createDispatch({ ...handlers, 'members.create': (args: unknown) => void seen.push(args) } as unknown as Handlers, { log: silentLogger });
    const reply = await pasting('desk', 'members.create', { member: { name: '\t王五\t', role: '委员', rosterOrder: 1 } });
    expect(reply.ok).toBe(true);
    expect(seen).toEqual([{ member: expect.objectContaining({ name: '王五' }) }]);
    const inside = await pasting('desk', 'members.create', { member: { name: '王\t五', role: '委员', rosterOrder: 1 } });
    expect(inside).toMatchObject({ ok: false, error: { message: expect.stringContaining('姓名不能含有制表符') } });
  });

  it('lets clean text through, compatibility ideographs untouched', async () => {
    const reply = await dispatch('desk', 'members.create', { member: { name: '李\uF9DC', role: '委员', rosterOrder: 1 } });
    expect(reply).toEqual({ ok: true, result: 'ran' });
  });

  it('every call schema can be walked (no call throws on a string-laden payload)', () => {
    for (const name of CALL_NAMES) {
      expect(() => textIssues(calls[name].args, { any: `x${LONE_HIGH}`, id: '\0' })).not.toThrow();
    }
  });
});
