import { Checkpoint, ReadAllOptions, ReadAllPage, START, SubscribeOptions, Subscription } from '@lien/shared-event-store';
import { AppendFeed } from './append-feed';

const PAGE_SIZE = 500;

export interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<ReadAllPage>;
  readonly feed: AppendFeed;
  /** Upper bound on how long a caught-up subscriber waits without a wake-up before reading again. */
  readonly pollIntervalMs: number;
}

/**
 * Catches up page by page, then waits at the visible end for a wake-up or the poll interval. The poll
 * matters even with NOTIFY: an event can be committed but still behind the reader's horizon (an older
 * transaction was running), and it becomes visible without any new notification.
 */
export class SqlCatchUpSubscription implements Subscription {
  readonly done: Promise<void>;
  private position: Checkpoint;
  private stopping = false;
  private signalStop: () => void = () => undefined;
  private readonly stopRequested = new Promise<void>((resolve) => (this.signalStop = resolve));

  constructor(
    private readonly source: SubscriptionSource,
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
    await this.source.feed.start().catch(() => undefined);
    let caughtUp = false;
    while (!this.stopping) {
      const appended = this.source.feed.nextAppend();
      const page = await this.source.readAll({ after: this.position, maxCount: PAGE_SIZE, ...(this.options.filter ? { filter: this.options.filter } : {}) });
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
        await this.waitForAppend(appended);
      }
    }
  }

  private async waitForAppend(appended: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const poll = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.source.pollIntervalMs)));
    try {
      await Promise.race([appended, this.stopRequested, poll]);
    } finally {
      clearTimeout(timer);
    }
  }
}
