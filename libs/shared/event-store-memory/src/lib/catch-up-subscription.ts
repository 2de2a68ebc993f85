import { Checkpoint, ReadAllOptions, ReadAllPage, START, SubscribeOptions, Subscription } from '@lien/shared-event-store';

/** What a subscription needs from its store: pages of the global log and a signal when it grows. */
export interface SubscribableLog {
  readAll(options: ReadAllOptions): Promise<ReadAllPage>;
  /** Resolves at the next append. Taken before a read, so an append during the read is not missed. */
  nextAppend(): Promise<void>;
}

const PAGE_SIZE = 100;

/** Reads pages from its checkpoint until the end, then waits for appends; one event at a time, in order. */
export class CatchUpSubscription implements Subscription {
  readonly done: Promise<void>;
  private position: Checkpoint;
  private stopping = false;
  private signalStop: () => void = () => undefined;
  private readonly stopRequested = new Promise<void>((resolve) => (this.signalStop = resolve));

  constructor(
    private readonly log: SubscribableLog,
    private readonly options: SubscribeOptions,
  ) {
    this.position = options.after ?? START;
    this.done = this.run();
    // Nobody may ever await `done`: an unobserved handler failure must not crash the process.
    this.done.catch(() => undefined);
  }

  checkpoint(): Checkpoint {
    return this.position;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.signalStop();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let caughtUp = false;
    while (!this.stopping) {
      const appended = this.log.nextAppend();
      const page = await this.log.readAll({ after: this.position, maxCount: PAGE_SIZE, ...(this.options.filter ? { filter: this.options.filter } : {}) });
      for (const event of page.events) {
        if (this.stopping) return;
        // The position moves only after the handler succeeded: a failure leaves it before this event.
        await this.options.handler(event, event.position);
        this.position = event.position;
      }
      if (this.stopping) return;
      if (page.checkpoint !== this.position) {
        await this.options.onCheckpoint?.(page.checkpoint);
        this.position = page.checkpoint;
      }
      if (page.isEnd) {
        if (!caughtUp) this.options.onCaughtUp?.();
        caughtUp = true;
        await Promise.race([appended, this.stopRequested]);
      }
    }
  }
}
