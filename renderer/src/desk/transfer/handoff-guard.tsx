import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { HandoffView } from '../../../../shared/api/package-types';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { ConfirmDialog } from '../../ui/dialog';
import { useRoute } from '../../ui/router';
import { handoffConfirmKey, handoffQuestion, handoffToAsk } from './handoff-ask';

/**
 * 已导出到会场 on the desk: every desk edit of what a meeting's package carries asks first, once per
 * meeting per page visit (handoff-ask.ts says when). One provider wraps the desk's page and shows the
 * question; the panels that write call `useHandoffGuard(meetingId)`.
 */

interface GuardApi {
  /** Known now: the handoff to ask about (null: go ahead); undefined while the list is not loaded. */
  pending: (meetingId: string | null | undefined) => HandoffView | null | undefined;
  /** Asks (reading the list first if it is not loaded); true to go ahead. */
  confirm: (meetingId: string | null | undefined) => Promise<boolean>;
  handoffs: readonly HandoffView[] | undefined;
}

const GuardContext = createContext<GuardApi | null>(null);

interface Asking {
  handoff: HandoffView;
  answer: ((ok: boolean) => void)[];
  /** The field or button the edit came from: focus goes back to it (the dialog took it). */
  from: Element | null;
}

export function HandoffGuardProvider({ children }: { children: ReactNode }) {
  const handoffs = useCall('package.handoffs', {}).data;
  const page = useRoute().split('?')[0];
  const confirmed = useRef(new Set<string>());
  const known = useRef(handoffs);
  const [asking, setAsking] = useState<Asking | null>(null);
  const askingRef = useRef<Asking | null>(null);
  useEffect(() => {
    known.current = handoffs;
  }, [handoffs]);
  // A confirmation holds while the user stays on the page; another page asks again.
  useEffect(() => {
    confirmed.current = new Set();
  }, [page]);

  const pending = useCallback((meetingId: string | null | undefined) => (meetingId && !known.current ? undefined : handoffToAsk(known.current, meetingId, confirmed.current)), []);
  const confirm = useCallback(async (meetingId: string | null | undefined): Promise<boolean> => {
    if (!meetingId) return true;
    const list = known.current ?? (await getPlatform().call('package.handoffs', {}));
    const h = handoffToAsk(list, meetingId, confirmed.current);
    if (!h) return true;
    return new Promise<boolean>((resolve) => {
      const open = askingRef.current;
      // A second edit while the question is open waits for the same answer.
      if (open && handoffConfirmKey(open.handoff) === handoffConfirmKey(h)) {
        open.answer.push(resolve);
        return;
      }
      const next = { handoff: h, answer: [resolve], from: document.activeElement };
      askingRef.current = next;
      setAsking(next);
    });
  }, []);

  const finish = (ok: boolean) => {
    const open = askingRef.current;
    if (!open) return;
    askingRef.current = null;
    setAsking(null);
    if (ok) confirmed.current.add(handoffConfirmKey(open.handoff));
    if (open.from instanceof HTMLElement && open.from.isConnected) open.from.focus();
    for (const answer of open.answer) answer(ok);
  };

  return (
    <GuardContext.Provider value={{ pending, confirm, handoffs }}>
      {children}
      {asking && (
        <ConfirmDialog
          title="本会议已导出到会场"
          message={<p>{handoffQuestion(asking.handoff)}</p>}
          confirmLabel="仍要修改"
          onConfirm={() => finish(true)}
          onClose={() => finish(false)}
        />
      )}
    </GuardContext.Provider>
  );
}

export interface HandoffGuard {
  /** The meeting's package is out at the hall (the desk's side), else null. */
  out: HandoffView | null;
  /**
   * Runs `action` at once when nothing needs asking (in the same event, so a typed character lands
   * in its field), else after 仍要修改; after 取消 it never runs — nothing is written and a controlled
   * field keeps what it showed.
   */
  guard: (action: () => void) => void;
  /** For async flows: resolves true to go ahead, false when the user said 取消. */
  confirmEdit: () => Promise<boolean>;
}

/** The guard for edits of `meetingId` (none for a meeting not yet known: an empty id goes ahead). */
export function useHandoffGuard(meetingId: string | null | undefined): HandoffGuard {
  const api = useContext(GuardContext);
  const any = useHandoffGuards();
  const out = (meetingId && api?.handoffs?.find((x) => x.meetingId === meetingId && x.direction === 'out')) || null;
  const confirmEdit = useCallback(() => any.confirmEdit(meetingId), [any, meetingId]);
  const guard = useCallback((action: () => void) => any.guard(meetingId, action), [any, meetingId]);
  return { out, guard, confirmEdit };
}

/** The same for a page that edits several meetings (the meeting list): the meeting is named per edit. */
export function useHandoffGuards(): { guard: (meetingId: string | null | undefined, action: () => void) => void; confirmEdit: (meetingId: string | null | undefined) => Promise<boolean> } {
  const api = useContext(GuardContext);
  // Outside the desk's provider (nothing asks there) edits go ahead.
  const confirmEdit = useCallback((meetingId: string | null | undefined) => (api ? api.confirm(meetingId) : Promise.resolve(true)), [api]);
  const guard = useCallback(
    (meetingId: string | null | undefined, action: () => void) => {
      if (!api || api.pending(meetingId) === null) action();
      else void api.confirm(meetingId).then((ok) => ok && action());
    },
    [api],
  );
  return useMemo(() => ({ guard, confirmEdit }), [guard, confirmEdit]);
}
