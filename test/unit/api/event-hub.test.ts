import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../electron/services/api/event-hub';
import type { HallView } from '../../../shared/api/live-types';

const view = (rev: number, serverNow: number, slide: HallView['slide'] = 'auto'): HallView => ({
  rev,
  rehearsal: false,
  serverNow,
  slide,
  content: { kind: 'idle', orgName: '青岚县人大常委会' },
});

function record(hub: EventHub, role: 'hall' | 'console' | 'desk') {
  const seen: string[] = [];
  hub.subscribe(role, (name, payload) => seen.push(`${name}:${(payload as { serverNow?: number }).serverNow ?? '-'}`));
  return seen;
}

describe('event hub', () => {
  it('sends a picture that repeats the last one (only its serverNow later) to nobody', () => {
    const hub = new EventHub();
    const hall = record(hub, 'hall');
    const console = record(hub, 'console');
    hub.publish('hall.view', view(3, 1000));
    hub.publish('hall.view', view(3, 1005));
    expect(hall).toEqual(['hall.view:1000']);
    expect(console).toEqual(['hall.view:1000']);
  });

  it('sends every picture that differs in anything else, and a picture that comes back after another', () => {
    const hub = new EventHub();
    const hall = record(hub, 'hall');
    hub.publish('hall.view', view(3, 1000));
    hub.publish('hall.view', view(3, 1001, 'black'));
    hub.publish('hall.view', view(4, 1002, 'black'));
    hub.publish('hall.view', view(3, 1003));
    expect(hall).toEqual(['hall.view:1000', 'hall.view:1001', 'hall.view:1002', 'hall.view:1003']);
  });

  it('never drops news of a change, and still gives each role only its own events', () => {
    const hub = new EventHub();
    const desk = record(hub, 'desk');
    const hall = record(hub, 'hall');
    hub.publish('store.committed', { keys: ['core'] });
    hub.publish('store.committed', { keys: ['core'] });
    expect(desk).toEqual(['store.committed:-', 'store.committed:-']);
    expect(hall).toEqual([]);
  });
});
