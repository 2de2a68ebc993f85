import { randomUUID } from 'node:crypto';
import {
  AppendOptions,
  AppendResult,
  computeEventHash,
  EventStore,
  GENESIS_HASH,
  InvalidEvent,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  START,
  StreamNotInDistrict,
  StreamRevisionConflict,
  StreamVerification,
  SubscribeOptions,
  Subscription,
  validateNewEvents,
  ValidatedNewEvent,
} from '@lien/shared-event-store';
import { CatchUpSubscription } from './catch-up-subscription';
import { matchesFilter } from './event-filter-match';
import { expectedRevisionMatches } from './expected-revision-match';
import { checkpointAfterSequence, sequenceOfCheckpoint } from './global-sequence-checkpoint';

interface StoredStream {
  readonly district: string;
  /** Indexes into the global log, in revision order. */
  readonly logIndexes: number[];
}

/**
 * The event store for unit tests and local runs: one process, nothing persisted. It passes the same
 * contract suite as the real adapters, so a use case tested against it behaves the same in production.
 */
export class InMemoryEventStore extends EventStore {
  /**
   * The global log in commit order; index i holds global sequence i + 1. Stored events are frozen.
   * Protected so that a test subclass can alter a stored event, as someone with database access could,
   * and prove that `verifyStream` notices.
   */
  protected readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, StoredStream>();
  private readonly storedIds = new Set<string>();
  private readonly subscriptions = new Set<Subscription>();
  private announceAppend: () => void = () => undefined;
  private appended = this.nextAppendSignal();

  async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const validated = validateNewEvents(streamName, events);
    const stream = this.streams.get(streamName);
    const district = stream?.district ?? validated[0].metadata.district;
    // Checked before the revision, so a conflict cannot reveal that another district's stream exists.
    if (validated.some((event) => event.metadata.district !== district)) throw new StreamNotInDistrict(streamName);
    const actual = stream ? BigInt(stream.logIndexes.length - 1) : 'none';
    if (!expectedRevisionMatches(options.expectedRevision, actual)) {
      throw new StreamRevisionConflict(streamName, options.expectedRevision, actual);
    }
    const recorded = this.record(streamName, stream, validated);
    // Everything above is synchronous and nothing was stored yet: the batch lands whole or not at all.
    const target = stream ?? { district, logIndexes: [] };
    for (const event of recorded) {
      target.logIndexes.push(this.log.length);
      this.log.push(event);
      this.storedIds.add(event.id);
    }
    this.streams.set(streamName, target);
    this.wakeSubscribers();
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream<Data extends JsonObject = JsonObject>(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent<Data>[]> {
    const stream = this.streams.get(streamName);
    if (!stream || stream.district !== options.district) return [];
    const events = stream.logIndexes.map((index) => this.log[index]);
    const maxCount = options.maxCount ?? events.length;
    if (options.direction === 'backwards') {
      const from = Math.min(Number(options.fromRevision ?? BigInt(events.length - 1)), events.length - 1);
      return events.slice(Math.max(0, from - maxCount + 1), from + 1).reverse() as RecordedEvent<Data>[];
    }
    const from = Number(options.fromRevision ?? 0n);
    return events.slice(from, from + maxCount) as RecordedEvent<Data>[];
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    let next = sequenceOfCheckpoint(options.after ?? START);
    const events: RecordedEvent[] = [];
    while (next < this.log.length && events.length < maxCount) {
      const event = this.log[next];
      next += 1;
      if (matchesFilter(options.filter, event)) events.push(event);
    }
    return { events, checkpoint: checkpointAfterSequence(next), isEnd: next >= this.log.length };
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription({ readAll: (page) => this.readAll(page), nextAppend: () => this.appended }, options);
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
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  private record(streamName: string, stream: StoredStream | undefined, events: readonly ValidatedNewEvent[]): RecordedEvent[] {
    const ids = events.map((event) => event.id ?? randomUUID());
    if (ids.some((id) => this.storedIds.has(id))) throw new InvalidEvent('an event with the same id is already stored');
    const recordedAt = new Date().toISOString();
    const firstRevision = stream ? stream.logIndexes.length : 0;
    let previousHash = stream ? this.log[stream.logIndexes[stream.logIndexes.length - 1]].hash : GENESIS_HASH;
    return events.map((event, index) => {
      const form = { id: ids[index], type: event.type, streamName, revision: BigInt(firstRevision + index), data: event.data, metadata: event.metadata, recordedAt };
      const hash = computeEventHash(previousHash, form);
      previousHash = hash;
      return deepFreeze({ ...form, position: checkpointAfterSequence(this.log.length + index + 1), hash });
    });
  }

  private nextAppendSignal(): Promise<void> {
    return new Promise<void>((resolve) => (this.announceAppend = resolve));
  }

  private wakeSubscribers(): void {
    const announce = this.announceAppend;
    this.appended = this.nextAppendSignal();
    announce();
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
