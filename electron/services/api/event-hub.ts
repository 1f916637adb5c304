import { roleReceives, type EventName, type PayloadOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Events whose payload is a whole picture rather than news of a change. Two services may push
 * the same picture after one commit (the live service republishes after every commit it did not
 * make; the questioning service pushes its own): a repeat that differs only in its serverNow
 * stamp tells no window anything, and every window would parse and redraw it all the same.
 */
const SNAPSHOTS: ReadonlySet<EventName> = new Set<EventName>(['hall.view', 'live.changed']);

const withoutStamp = (key: string, value: unknown) => (key === 'serverNow' ? undefined : value);

/**
 * Fans events out to the open windows. Each subscriber declares its role; an event reaches it
 * only if the contract lists that role for the event, so the hall's stream never carries
 * console data. Services publish only after the change is durable.
 */
export class EventHub {
  private readonly subscribers = new Set<{ role: Role; listener: EventListener }>();
  /** The last picture of each snapshot event, without its serverNow stamps. */
  private readonly lastSnapshot = new Map<EventName, string>();
  /** Roles whose windows get nothing for now (a locked window: it reads everything again once unlocked). */
  private withheld: (role: Role) => boolean = () => false;

  /** Set once by the services: the lock withholds events from a locked desk or console. */
  withholdFrom(test: (role: Role) => boolean): void {
    this.withheld = test;
  }

  subscribe(role: Role, listener: EventListener): () => void {
    const entry = { role, listener };
    this.subscribers.add(entry);
    return () => this.subscribers.delete(entry);
  }

  publish<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    if (SNAPSHOTS.has(name)) {
      const picture = JSON.stringify(payload, withoutStamp);
      if (this.lastSnapshot.get(name) === picture) return;
      this.lastSnapshot.set(name, picture);
    }
    for (const { role, listener } of this.subscribers) {
      if (roleReceives(role, name) && !this.withheld(role)) listener(name, payload);
    }
  }

  /** Sends an event to subscribers of one role only (e.g. the hall's own projection). */
  publishTo<E extends EventName>(role: Role, name: E, payload: PayloadOf<E>): void {
    if (!roleReceives(role, name)) throw new Error(`event ${name} is not for role ${role}`);
    if (this.withheld(role)) return;
    for (const s of this.subscribers) if (s.role === role) s.listener(name, payload);
  }

  /** Is any window of this role listening? (Services skip work nobody would receive.) */
  hasSubscribers(role: Role): boolean {
    for (const s of this.subscribers) if (s.role === role) return true;
    return false;
  }

  get size(): number {
    return this.subscribers.size;
  }
}
