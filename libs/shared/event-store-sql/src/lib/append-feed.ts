/**
 * Tells waiting subscribers that the log may have grown. A hint, not a delivery: subscribers always
 * re-read from their checkpoint, and poll as well, so a lost wake-up only delays them.
 */
export interface AppendFeed {
  /** Prepares the feed (e.g. LISTEN); a failure leaves subscribers on polling alone. */
  start(): Promise<void>;
  /** Resolves at the next wake-up. Take it before reading, so an append during the read is not missed. */
  nextAppend(): Promise<void>;
  /** Called after an append of this process committed. */
  appendedHere(): void;
  close(): Promise<void>;
}

/** Wakes subscribers of this process only: enough when nothing else writes to the database (PGlite). */
export class InProcessAppendFeed implements AppendFeed {
  private wake: () => void = () => undefined;
  private next = this.nextSignal();

  async start(): Promise<void> {
    // Nothing to prepare in-process.
  }

  nextAppend(): Promise<void> {
    return this.next;
  }

  appendedHere(): void {
    this.announce();
  }

  async close(): Promise<void> {
    // Release anyone still waiting; their subscriptions are stopping.
    this.announce();
  }

  /** Wakes every waiter and arms the signal for the next append. */
  protected announce(): void {
    const wake = this.wake;
    this.next = this.nextSignal();
    wake();
  }

  private nextSignal(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }
}
