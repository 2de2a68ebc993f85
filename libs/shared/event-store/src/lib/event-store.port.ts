import { Checkpoint, JsonObject, NewEvent, RecordedEvent } from './event-envelope';
import { ExpectedRevision } from './expected-revision';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last appended event: the `expectedRevision` for the next append. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  readonly position: Checkpoint;
}

export interface ReadStreamOptions {
  /** The district the caller acts for; a stream of another district reads as absent. */
  readonly district: string;
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

/** Narrows the global log. Every given criterion must match (AND); within one, any value matches (OR). */
export interface EventFilter {
  /** Stream categories: the part of the stream name before the first `-`. */
  readonly categories?: readonly string[];
  readonly eventTypes?: readonly string[];
  readonly districts?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Defaults to `START`. */
  readonly after?: Checkpoint;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface ReadAllPage {
  readonly events: RecordedEvent[];
  /**
   * Where the next page starts. It may move past `events` when filtered-out events were scanned,
   * and it never moves past an event that a still-open transaction may yet commit before.
   */
  readonly checkpoint: Checkpoint;
  /** True when the reader reached the currently visible end of the log. */
  readonly isEnd: boolean;
}

/**
 * Called once per event, in global order. The checkpoint is handed over so the caller can store it
 * in the same transaction as its own work. A rejection stops the subscription at that event.
 */
export type EventHandler = (event: RecordedEvent, checkpoint: Checkpoint) => Promise<void>;

export interface SubscribeOptions {
  readonly after?: Checkpoint;
  readonly filter?: EventFilter;
  readonly handler: EventHandler;
  /** Called when a filtered stretch of the log was passed without events, so sparse subscribers can checkpoint. */
  readonly onCheckpoint?: (checkpoint: Checkpoint) => Promise<void>;
  /** Called once when the subscription first reaches the live end. */
  readonly onCaughtUp?: () => void;
}

export interface Subscription {
  /** Resolves when stopped by `stop()`; rejects with the handler's error when a handler failed. */
  readonly done: Promise<void>;
  /** The position after the last event handled (or scanned). */
  checkpoint(): Checkpoint;
  stop(): Promise<void>;
}

export interface StreamVerification {
  readonly streamName: string;
  readonly eventsChecked: number;
  /** The first event whose hash does not match its stored form and predecessor, if any. */
  readonly firstBreak?: { readonly revision: bigint; readonly expectedHash: string; readonly storedHash: string };
}

/**
 * The source of truth of every Lien service. Adapters: KurrentDB (production), PostgreSQL, PGlite
 * (embedded), in-memory (unit tests). All pass the same contract suite.
 */
export abstract class EventStore {
  /** Appends atomically: all events or none. Throws `StreamRevisionConflict` on a revision mismatch. */
  abstract append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;

  /** Reads one stream; an absent stream (or one of another district) reads as empty. */
  abstract readStream<Data extends JsonObject = JsonObject>(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent<Data>[]>;

  /** Reads the global log in commit order. Never skips an event that commits late. */
  abstract readAll(options?: ReadAllOptions): Promise<ReadAllPage>;

  /** Catches up from a checkpoint, then follows live appends, until stopped or a handler fails. */
  abstract subscribe(options: SubscribeOptions): Subscription;

  /** Recomputes the stream's hash chain from its stored form. */
  abstract verifyStream(streamName: string, options: { readonly district: string }): Promise<StreamVerification>;

  abstract close(): Promise<void>;
}
