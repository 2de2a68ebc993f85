import { randomUUID } from 'node:crypto';
import {
  AppendOptions,
  AppendResult,
  computeEventHash,
  EventFilter,
  EventStore,
  GENESIS_HASH,
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
} from '@lien/shared-event-store';
import { BACKWARDS, END, eventTypeFilter, Filter, FORWARDS, KurrentDBClient, Position, START as CLIENT_START, streamNameFilter } from '@kurrent/kurrentdb-client';
import { KurrentDbClaims, readEventAt } from './kurrentdb-claims';
import { decodeCheckpoint, encodeReadFrom, isAfter, laterOf, LOG_START, LogPositionOrStart } from './kurrentdb-checkpoint';
import { parseKurrentDbUrl } from './kurrentdb-connection-url';
import { matchesEventFilter, planServerFilter } from './kurrentdb-event-filter';
import { fromKurrentStoredEvent, KurrentStoredEvent, toKurrentEventData } from './kurrentdb-event-mapping';
import { expectedRevisionHolds, isAbsentStreamError, retriesOnConflict, StreamHead, streamStateForAppend, toStreamRevisionConflict } from './kurrentdb-revision-mapping';
import { isDistrictCode, toKurrentStreamName } from './kurrentdb-stream-name';
import { KurrentDbSubscription } from './kurrentdb-subscription';
import { validateNewEvents, ValidNewEvent } from './new-event-validation';

/** `readAll` without `maxCount` returns at most this many events; the page says whether more follow. */
const DEFAULT_READ_ALL_PAGE = 1000;
/** Appends with `any`/`stream-exists` reread the head and retry when another writer came first. */
const MAX_APPEND_ATTEMPTS = 20;

/** How a stream read is narrowed, in the client's terms. */
export interface StoredStreamRead {
  readonly direction: 'forwards' | 'backwards';
  readonly fromRevision: bigint | 'start' | 'end';
  readonly maxCount: number;
}

/**
 * The production event store: KurrentDB through `@kurrent/kurrentdb-client`. Mapping decisions are in
 * docs/adr/0002-kurrentdb-mapping.md: streams are `<district>/<streamName>`, checkpoints are `$all`
 * positions, the hash chain is ours and lives in the event metadata.
 */
export class KurrentDbEventStore extends EventStore {
  private readonly claims: KurrentDbClaims;
  private readonly subscriptions = new Set<Subscription>();

  constructor(protected readonly client: KurrentDBClient) {
    super();
    this.claims = new KurrentDbClaims(client);
  }

  /** Checks the URL (throwing `MalformedKurrentDbUrl`) before the client is created; no network call happens here. */
  static connect(url: string | undefined): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(parseKurrentDbUrl(url).connectionString));
  }

  async append(streamName: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const valid = validateNewEvents(streamName, events);
    const district = valid[0].metadata.district;
    // Ownership is checked before the revision, so a conflict cannot reveal another district's stream.
    if (valid.some((event) => event.metadata.district !== district)) throw new StreamNotInDistrict(streamName);
    const owner = await this.claims.ownerOf(streamName);
    if (owner !== undefined && owner !== district) throw new StreamNotInDistrict(streamName);
    const kurrentStreamName = toKurrentStreamName(district, streamName);
    // Ids are fixed once, so every retry appends (and claims) the same events.
    const identified = valid.map((event) => ({ ...event, id: event.id ?? randomUUID() }));
    let owned = owner !== undefined;
    for (let attempt = 1; ; attempt += 1) {
      const last = (await this.readStoredStream(kurrentStreamName, { direction: 'backwards', fromRevision: 'end', maxCount: 1 }))[0];
      const head: StreamHead = last ? last.revision : 'none';
      const expected = options.expectedRevision;
      if (!expectedRevisionHolds(expected, head)) throw new StreamRevisionConflict(streamName, expected, head);
      if (!owned && !(await this.claims.claimOwnership(streamName, district))) throw new StreamNotInDistrict(streamName);
      owned = true;
      const recorded = this.chain(streamName, identified, head, last ? hashOf(last) : GENESIS_HASH);
      await this.claims.claimEventIds(recorded.map((event) => ({ id: event.id, target: { streamName, kurrentStreamName, revision: event.revision } })));
      try {
        const result = await this.client.appendToStream(kurrentStreamName, recorded.map(toKurrentEventData), { streamState: streamStateForAppend(expected, head) });
        return { nextExpectedRevision: result.nextExpectedRevision, position: await this.positionOf(kurrentStreamName, result.nextExpectedRevision) };
      } catch (error) {
        const conflict = toStreamRevisionConflict(error, streamName, expected);
        if (!conflict) throw error;
        if (!retriesOnConflict(expected) || attempt >= MAX_APPEND_ATTEMPTS) throw conflict;
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8 * attempt));
      }
    }
  }

  async readStream<Data extends JsonObject = JsonObject>(streamName: string, options: ReadStreamOptions): Promise<RecordedEvent<Data>[]> {
    // A stream of another district is another KurrentDB stream (`<district>/<name>`): it reads as absent.
    if (!isDistrictCode(options.district) || options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const stored = await this.readStoredStream(toKurrentStreamName(options.district, streamName), {
      direction: backwards ? 'backwards' : 'forwards',
      fromRevision: options.fromRevision ?? (backwards ? 'end' : 'start'),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    return stored.flatMap((event) => {
      const recorded = fromKurrentStoredEvent(event);
      return recorded ? [recorded as RecordedEvent<Data>] : [];
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const requested = options.maxCount;
    const maxCount = requested !== undefined && Number.isSafeInteger(requested) && requested >= 0 ? requested : DEFAULT_READ_ALL_PAGE;
    const after = decodeCheckpoint(options.after ?? START);
    // Taken before the filtered read: everything up to it was scanned when the read reaches the end.
    const head = await this.headOfLog();
    const scanned: Array<{ stored: KurrentStoredEvent; position: Position }> = [];
    // KurrentDB reads `$all` from a position inclusively: one more for the event at `after`, one to see whether more follow.
    for await (const resolved of this.client.readAll({ fromPosition: after, maxCount: maxCount + 2, filter: this.clientFilter(options.filter) })) {
      const stored = resolved.event;
      if (stored?.position && isAfter(stored.position, after)) scanned.push({ stored: stored as KurrentStoredEvent, position: stored.position });
    }
    const page = scanned.slice(0, maxCount);
    const more = scanned.length > maxCount;
    const events = page.flatMap(({ stored }) => {
      const recorded = fromKurrentStoredEvent(stored);
      return recorded && matchesEventFilter(options.filter, recorded) ? [recorded] : [];
    });
    const lastScanned: LogPositionOrStart = page.at(-1)?.position ?? LOG_START;
    const checkpoint = laterOf(after, more ? lastScanned : laterOf(lastScanned, head));
    return { events, checkpoint: encodeReadFrom(checkpoint), isEnd: !more };
  }

  subscribe(options: SubscribeOptions): Subscription {
    const from = decodeCheckpoint(options.after ?? START);
    const subscription = new KurrentDbSubscription(
      (checkpointReached) => this.client.subscribeToAll({ fromPosition: from, filter: this.clientFilter(options.filter, checkpointReached) }),
      from,
      options,
      options.filter,
    );
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
    await this.client.dispose();
  }

  /**
   * Every stream read goes through here, so that a test can alter what "is stored" the way KurrentDB's
   * redaction or an edited chunk file would (events cannot be changed through the API).
   */
  protected async readStoredStream(kurrentStreamName: string, read: StoredStreamRead): Promise<KurrentStoredEvent[]> {
    const fromRevision = read.fromRevision === 'start' ? CLIENT_START : read.fromRevision === 'end' ? END : read.fromRevision;
    const events: KurrentStoredEvent[] = [];
    try {
      const direction = read.direction === 'backwards' ? BACKWARDS : FORWARDS;
      for await (const resolved of this.client.readStream(kurrentStreamName, { direction, fromRevision, maxCount: read.maxCount })) {
        if (resolved.event) events.push(resolved.event as KurrentStoredEvent);
      }
    } catch (error) {
      if (isAbsentStreamError(error)) return [];
      throw error;
    }
    return events;
  }

  /** Ids, revisions, recordedAt and the hash chain, decided before the append so the hashes can be stored with it. */
  private chain(streamName: string, events: ReadonlyArray<ValidNewEvent & { id: string }>, head: StreamHead, headHash: string): Array<Omit<RecordedEvent, 'position'>> {
    const recordedAt = new Date().toISOString();
    const firstRevision = head === 'none' ? 0n : head + 1n;
    let previousHash = headHash;
    return events.map((event, index) => {
      const form = { id: event.id, type: event.type, streamName, revision: firstRevision + BigInt(index), data: event.data, metadata: event.metadata, recordedAt };
      previousHash = computeEventHash(previousHash, form);
      // No position: it is only known after the commit (and read back then), so the hash cannot cover it.
      return { ...form, hash: previousHash };
    });
  }

  /** The `$all` position of an appended event, read back: the append result's position is not documented as the last event's. */
  private async positionOf(kurrentStreamName: string, revision: bigint) {
    const position = (await readEventAt(this.client, kurrentStreamName, revision))?.event?.position;
    if (!position) throw new Error('KurrentDB returned no log position for an appended event; the adapter needs server 22.6 or later');
    return encodeReadFrom(position);
  }

  /** The position of the last event in `$all` (system events included), or the start of an empty log. */
  private async headOfLog(): Promise<LogPositionOrStart> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      if (resolved.event?.position) return resolved.event.position;
    }
    return LOG_START;
  }

  private clientFilter(filter: EventFilter | undefined, checkpointReached?: (position: Position) => Promise<void>): Filter {
    const server = planServerFilter(filter);
    // One checkpoint per filter window (32 scanned events by default), for sparse subscribers.
    const options = { checkpointInterval: 1, ...(checkpointReached ? { checkpointReached: (_: unknown, position: Position) => checkpointReached(position) } : {}) };
    if (server.on === 'event-type') return eventTypeFilter({ ...options, regex: server.regex });
    return 'prefixes' in server ? streamNameFilter({ ...options, prefixes: [...server.prefixes] }) : streamNameFilter({ ...options, regex: server.regex });
  }
}

/** The hash a stream's head was stored with, which the next event chains to. */
function hashOf(head: KurrentStoredEvent): string {
  const recorded = fromKurrentStoredEvent(head);
  if (!recorded) throw new Error('The head of a Lien stream was not readable as a Lien event');
  return recorded.hash;
}
