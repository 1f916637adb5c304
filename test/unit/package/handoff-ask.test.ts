import { describe, expect, it } from 'vitest';
import type { HandoffView } from '../../../shared/api/package-types';
import { handoffConfirmKey, handoffQuestion, handoffToAsk } from '../../../renderer/src/desk/transfer/handoff-ask';

const out: HandoffView = { meetingId: 'mt_a', meetingName: '第十九届常委会第二十三次会议', direction: 'out', at: '2026-10-20T02:30:00.000Z', machine: 'DESK' };
const came: HandoffView = { meetingId: 'mt_b', meetingName: '另一次会议', direction: 'in', at: '2026-10-21T02:30:00.000Z', machine: 'DESK' };

describe('when the desk asks before editing a meeting whose package is out', () => {
  it('asks for a meeting out at the hall until that export is confirmed, never for others', () => {
    expect(handoffToAsk([out, came], 'mt_a', new Set())).toBe(out);
    expect(handoffToAsk([out, came], 'mt_a', new Set([handoffConfirmKey(out)]))).toBeNull();
    // The hall laptop's own meeting (in) and a meeting never exported go ahead.
    expect(handoffToAsk([out, came], 'mt_b', new Set())).toBeNull();
    expect(handoffToAsk([out, came], 'mt_c', new Set())).toBeNull();
    expect(handoffToAsk([out], undefined, new Set())).toBeNull();
    expect(handoffToAsk(undefined, 'mt_a', new Set())).toBeNull();
  });

  it('asks again after the package was exported once more', () => {
    const again = { ...out, at: '2026-10-22T01:00:00.000Z' };
    expect(handoffToAsk([again], 'mt_a', new Set([handoffConfirmKey(out)]))).toBe(again);
  });

  it('names the meeting and when its package left, and what happens at the return', () => {
    const text = handoffQuestion(out);
    const d = new Date(out.at);
    expect(text).toContain(`“第十九届常委会第二十三次会议”的会议包已于${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`);
    expect(text).toContain('不会自动带到会场电脑上');
    expect(text).toContain('逐项核对');
    expect(text.endsWith('仍要修改吗？')).toBe(true);
  });
});
