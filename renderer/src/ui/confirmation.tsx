import { useState } from 'react';
import { ApiError } from '../../../shared/api/errors';

/**
 * The desk's answer to a service's `needs_confirmation` (a duplicate name, a post already held):
 * the dialog keeps everything typed, shows the service's message naming the existing record, and
 * its save button becomes 仍然保存, which sends the same record again with `confirm: true`. Any
 * change to the form withdraws the confirmation, so it always covers what is actually saved.
 */
export function useConfirmation() {
  const [asked, setAsked] = useState<string | null>(null);
  return {
    /** Whether the next save is confirmed. */
    confirmed: asked !== null,
    /** True when the error was the question (now shown); false for any other error. */
    ask(err: unknown): boolean {
      if (err instanceof ApiError && err.code === 'needs_confirmation') {
        setAsked(err.message);
        return true;
      }
      return false;
    },
    withdraw: () => setAsked(null),
    submitLabel: asked === null ? undefined : '仍然保存',
    notice:
      asked === null ? null : (
        <div className="banner warn" role="alert" data-testid="needs-confirmation">
          {asked.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>确认无误请点击“仍然保存”；否则请修改后再保存。</p>
        </div>
      ),
  };
}
