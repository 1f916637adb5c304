import { describe, expect, it } from 'vitest';
import { isNewerView, sameView } from '../../../renderer/src/hall/use-hall-view';
import type { HallView } from '../../../shared/api/live-types';

const view = (over: Partial<HallView> = {}): HallView => ({
  rev: 5,
  rehearsal: false,
  serverNow: 1_000,
  slide: 'auto',
  content: { kind: 'title', orgName: '青岚县人民代表大会常务委员会', meetingName: '第二十次会议', date: '2026年10月28日' },
  ...over,
});

describe('what the hall page does with a view it receives', () => {
  it('the same picture again, only stamped later, is the same view: nothing to redraw', () => {
    expect(sameView(view({ serverNow: 2_000 }), view())).toBe(true);
    expect(isNewerView(view({ serverNow: 2_000 }), view())).toBe(true);
  });

  it('any difference the hall could show is a different view', () => {
    expect(sameView(view({ rev: 6 }), view())).toBe(false);
    expect(sameView(view({ rehearsal: true }), view())).toBe(false);
    expect(sameView(view({ slide: 'title' }), view())).toBe(false);
    expect(sameView(view({ content: { kind: 'title', orgName: '青岚县人民代表大会常务委员会', meetingName: '第二十一次会议', date: '2026年10月28日' } }), view())).toBe(false);
    expect(sameView(view({ content: { kind: 'black' } }), view())).toBe(false);
  });

  it('a stale view that overtook a newer one is still dropped', () => {
    expect(isNewerView(view({ rev: 4, serverNow: 900 }), view())).toBe(false);
  });
});
