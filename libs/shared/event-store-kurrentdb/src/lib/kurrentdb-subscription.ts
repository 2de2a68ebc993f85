import { Checkpoint, EventFilter, SubscribeOptions, Subscription } from '@lien/shared-event-store';
import type { AllStreamResolvedEvent, AllStreamSubscription, CaughtUp, Position } from '@kurrent/kurrentdb-client';
import { encodeReadFrom, isAfter, laterOf, LOG_START, LogPosition, LogPositionOrStart } from './kurrentdb-checkpoint';
import { matchesEventFilter } from './kurrentdb-event-filter';
import { fromKurrentStoredEvent, KurrentStoredEvent } from './kurrentdb-event-mapping';

/** Opens the client's `$all` subscription; `checkpointReached` is awaited by the client before it reads on. */
export type OpenAllSubscription = (checkpointReached: (position: Position) => Promise<void>) => AllStreamSubscription;

/**
 * After this many events dropped by the client-side part of a filter, the position is reported through
 * `onCheckpoint`, as the server does for the events its own filter skips.
 */
const CLIENT_DROPS_PER_CHECKPOINT = 32;

/** A position to report once the events that came before it (`after` of them) are handled. */
interface PendingMark {
  readonly after: number;
  readonly position?: LogPosition | undefined;
  readonly caughtUp: boolean;
  readonly release: () => void;
}

/**
 * One KurrentDB catch-up subscription to `$all`, handled one event at a time. The client signals caught-up
 * and filter checkpoints out of band (events may still sit in its buffer), so each signal is held back
 * until every event received before it was handled: a stored checkpoint never passes an unhandled event.
 */
export class KurrentDbSubscription implements Subscription {
  readonly done: Promise<void>;
  /** After the last event handled or scanned. */
  private position: LogPositionOrStart;
  /** The last position the caller was given (with an event or through `onCheckpoint`). */
  private handedOver: LogPositionOrStart;
  private readonly stream: AllStreamSubscription;
  private readonly marks: PendingMark[] = [];
  /** Events taken from the client's buffer so far; a mark's `after` counts in the same unit. */
  private taken = 0;
  private caughtUpReported = false;
  private droppedSinceCheckpoint = 0;
  private stopping = false;
  private ended = false;
  private streamError: unknown;
  private wakeUp: () => void = () => undefined;

  constructor(
    open: OpenAllSubscription,
    from: LogPositionOrStart,
    private readonly options: SubscribeOptions,
    private readonly filter: EventFilter | undefined,
  ) {
    this.position = from;
    this.handedOver = from;
    this.stream = open((position) => this.markAfterBuffered({ position, caughtUp: false }));
    this.stream.on('caughtUp', (info: CaughtUp) => void this.markAfterBuffered({ position: info.position, caughtUp: true }));
    this.stream.on('readable', () => this.wakeUp());
    this.stream.on('end', () => ((this.ended = true), this.wakeUp()));
    this.stream.on('error', (error: Error) => ((this.streamError ??= error), this.wakeUp()));
    this.done = this.run();
    // Nobody may ever await `done`: an unobserved failure must not crash the process.
    this.done.catch(() => undefined);
  }

  checkpoint(): Checkpoint {
    return encodeReadFrom(this.position);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    try {
      while (!this.stopping) {
        const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
        await this.reportMarksUpTo(this.taken);
        if (this.streamError !== undefined) throw this.streamError;
        if (this.stopping) return;
        const resolved = this.stream.read() as AllStreamResolvedEvent | null;
        if (resolved === null) {
          if (this.ended) throw new Error('KurrentDB ended the subscription');
          await woken;
          continue;
        }
        this.taken += 1;
        await this.handle(resolved);
      }
    } finally {
      await this.close();
    }
  }

  private async handle(resolved: AllStreamResolvedEvent): Promise<void> {
    const stored = resolved.event;
    if (!stored) return;
    // Unreadable events of our streams throw here: the subscription stops rather than skips.
    const event = fromKurrentStoredEvent(stored as KurrentStoredEvent);
    if (!event || !matchesEventFilter(this.filter, event)) {
      this.position = laterOf(this.position, stored.position);
      this.droppedSinceCheckpoint += 1;
      if (this.droppedSinceCheckpoint >= CLIENT_DROPS_PER_CHECKPOINT) await this.reportCheckpoint(stored.position);
      return;
    }
    // A rejection leaves the position before this event, so resuming from `checkpoint()` retries it.
    await this.options.handler(event, event.position);
    this.position = laterOf(this.position, stored.position);
    this.handedOver = this.position;
    this.droppedSinceCheckpoint = 0;
  }

  /** Called by the client (awaited) or on `caughtUp`: counts the events still buffered before this signal. */
  private markAfterBuffered(mark: { position?: LogPosition | undefined; caughtUp: boolean }): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise<void>((release) => {
      this.marks.push({ ...mark, after: this.taken + this.stream.readableLength, release });
      this.wakeUp();
    });
  }

  private async reportMarksUpTo(handled: number): Promise<void> {
    for (let mark = this.marks[0]; mark !== undefined && mark.after <= handled; mark = this.marks[0]) {
      this.marks.shift();
      try {
        if (mark.position) await this.reportCheckpoint(mark.position);
        if (mark.caughtUp && !this.caughtUpReported) {
          this.caughtUpReported = true;
          this.options.onCaughtUp?.();
        }
      } finally {
        mark.release();
      }
    }
  }

  /** Reports the later of `position` and what was scanned, unless the caller already has it. */
  private async reportCheckpoint(position: LogPosition): Promise<void> {
    this.droppedSinceCheckpoint = 0;
    // A checkpoint behind what was already handled never moves the position back.
    const reached = laterOf(this.position, position);
    if (reached === LOG_START || !isAfter(reached, this.handedOver)) return;
    await this.options.onCheckpoint?.(encodeReadFrom(reached));
    this.position = reached;
    this.handedOver = reached;
  }

  private async close(): Promise<void> {
    this.stopping = true;
    for (const mark of this.marks.splice(0)) mark.release();
    await this.stream.unsubscribe().catch(() => undefined);
    this.stream.destroy();
  }
}
