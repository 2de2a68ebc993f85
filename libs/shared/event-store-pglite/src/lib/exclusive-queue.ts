/** Runs tasks one at a time, in the order they were queued. */
export class ExclusiveQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The queue moves on whether the task succeeded or failed.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
