/**
 * One writer: tasks run strictly one after another, in the order they were queued. A failed
 * task does not stop the ones behind it.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => Promise<R> | R): Promise<R> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
