import { describe, expect, it } from 'vitest';
import { createEventFanout } from '../../../shared/api/event-fanout';

describe('createEventFanout', () => {
  it('delivers an event to the handlers of its name only', () => {
    const fanout = createEventFanout();
    const got: string[] = [];
    fanout.on('store.committed', (p) => got.push(`a:${JSON.stringify(p)}`));
    fanout.on('store.committed', () => got.push('b'));
    fanout.on('other', () => got.push('other'));
    fanout.emit('store.committed', { keys: ['core'] });
    expect(got).toEqual(['a:{"keys":["core"]}', 'b']);
  });

  it('unsubscribes one subscription, even of the same function', () => {
    const fanout = createEventFanout();
    let n = 0;
    const handler = () => n++;
    const off1 = fanout.on('e', handler);
    fanout.on('e', handler);
    off1();
    off1();
    fanout.emit('e', null);
    expect(n).toBe(1);
    expect(fanout.count('e')).toBe(1);
  });

  it('keeps delivering when a handler throws', () => {
    const errors: unknown[] = [];
    const fanout = createEventFanout((e) => errors.push(e));
    let reached = false;
    fanout.on('e', () => {
      throw new Error('broken screen');
    });
    fanout.on('e', () => {
      reached = true;
    });
    fanout.emit('e', 1);
    expect(reached).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it('lets a handler unsubscribe itself while being called', () => {
    const fanout = createEventFanout();
    const got: number[] = [];
    const off = fanout.on('e', () => {
      got.push(1);
      off();
    });
    fanout.on('e', () => got.push(2));
    fanout.emit('e', null);
    fanout.emit('e', null);
    expect(got).toEqual([1, 2, 2]);
  });

  it('ignores events nobody listens to', () => {
    expect(() => createEventFanout().emit('nobody', 1)).not.toThrow();
  });
});
