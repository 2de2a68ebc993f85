import {
  AppendOptions,
  AppendResult,
  computeEventHash,
  EventStore,
  GENESIS_HASH,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  StreamVerification,
  SubscribeOptions,
  Subscription,
} from '@lien/shared-event-store';
import { AppendFeed } from './append-feed';
import { EventStoreSchema } from './event-store-schema';
import { readAllEvents } from './read-all.query';
import { SqlCatchUpSubscription } from './sql-catch-up-subscription';
import { SqlEventAppender } from './sql-event-appender';
import { SqlDatabase } from './sql-executor';
import { recordedEventOf, STORED_EVENT_COLUMNS, StoredEventRow } from './stored-event-row';

export interface SqlEventStoreParts {
  readonly db: SqlDatabase;
  readonly schema: EventStoreSchema;
  readonly feed: AppendFeed;
  /** How long a caught-up subscriber waits without a wake-up before reading again. */
  readonly pollIntervalMs?: number;
  /** Releases what the store owns (pool, embedded database) after subscriptions stopped. */
  readonly release?: () => Promise<void>;
}

const DEFAULT_POLL_INTERVAL_MS = 500;
const MAX_REVISION = 2n ** 63n - 1n;

/**
 * The event store on PostgreSQL's SQL, whatever carries it (a `pg` pool or PGlite). The schema must be
 * migrated first (`migrateEventStoreSchema`); the adapters' factories do it.
 */
export class SqlEventStore extends EventStore {
  protected readonly db: SqlDatabase;
  protected readonly schema: EventStoreSchema;
  private readonly appender: SqlEventAppender;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly parts: SqlEventStoreParts) {
    super();
    this.db = parts.db;
    this.schema = parts.schema;
    this.appender = new SqlEventAppender(parts.db, parts.schema);
  }

  async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.appender.append(streamName, events, options);
    this.parts.feed.appendedHere();
    return result;
  }

  /**
   * Appends on a connection of the caller that is inside an open transaction: nothing is visible until
   * the caller commits. Lets tests commit late or roll back; subscribers are woken by NOTIFY at commit.
   */
  async appendInTransaction(tx: SqlDatabase, streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.appender.append(streamName, events, options, tx);
    // The caller's commit is the moment of visibility, so the wake-up goes in its transaction: PostgreSQL
    // delivers it at that commit and drops it on rollback. (`append_events` itself no longer notifies.)
    await tx.query(`SELECT pg_notify($1, '')`, [this.schema.channel]);
    return result;
  }

  async readStream<Data extends JsonObject = JsonObject>(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent<Data>[]> {
    const backwards = options.direction === 'backwards';
    // The district is part of the key: a stream of another district matches no row and reads as absent.
    const rows = await this.db.query<StoredEventRow>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM ${this.schema.sql}.events e
        WHERE e.district = $1 AND e.stream_name = $2 AND e.revision ${backwards ? '<=' : '>='} $3::bigint
        ORDER BY e.revision ${backwards ? 'DESC' : 'ASC'} LIMIT $4`,
      [options.district, streamName, (options.fromRevision ?? (backwards ? MAX_REVISION : 0n)).toString(), options.maxCount ?? null],
    );
    const events = rows.map((row) => recordedEventOf<Data>(row));
    const last = events[events.length - 1];
    // A full forward read ends at the stream head: the next append can hash against it without asking.
    if (last && !backwards && options.maxCount === undefined) this.appender.rememberHead(streamName, { revision: last.revision, hash: last.hash });
    return events;
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    return readAllEvents(this.db, this.schema, options);
  }

  subscribe(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('The event store is closed');
    const source = { readAll: (page: ReadAllOptions) => this.readAll(page), feed: this.parts.feed, pollIntervalMs: this.parts.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS };
    const subscription = new SqlCatchUpSubscription(source, options);
    this.subscriptions.add(subscription);
    subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async verifyStream(streamName: string, options: { readonly district: string }): Promise<StreamVerification> {
    const events = await this.readStream(streamName, options);
    let previousHash = GENESIS_HASH;
    let firstBreak: StreamVerification['firstBreak'];
    for (const event of events) {
      const expectedHash = computeEventHash(previousHash, event);
      if (!firstBreak && expectedHash !== event.hash) firstBreak = { revision: event.revision, expectedHash, storedHash: event.hash };
      // Chained to the stored hash, so one altered event is reported once, not with every successor.
      previousHash = event.hash;
    }
    return { streamName, eventsChecked: events.length, ...(firstBreak ? { firstBreak } : {}) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.parts.feed.close();
    await this.parts.release?.();
  }
}
