type Handler = (payload: unknown) => void;

/**
 * Fans the one event channel out to the page's handlers by event name. A handler that throws
 * is reported and does not stop the others, so one broken screen cannot starve the rest.
 */
export function createEventFanout(report: (error: unknown) => void = (e) => console.error(e)) {
  const handlers = new Map<string, Set<Handler>>();
  return {
    on(name: string, handler: Handler): () => void {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      // Wrap so that subscribing one function twice gives two independent subscriptions.
      const entry: Handler = (payload) => handler(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(name: string, payload: unknown): void {
      const set = handlers.get(name);
      if (!set) return;
      // A snapshot: a handler subscribing another one must not have it called by this same event.
      for (const handler of Array.from(set)) {
        try {
          handler(payload);
        } catch (error) {
          report(error);
        }
      }
    },
    count(name: string): number {
      return handlers.get(name)?.size ?? 0;
    },
  };
}
