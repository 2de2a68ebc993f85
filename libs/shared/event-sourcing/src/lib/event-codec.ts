import { JsonObject, RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';

/** How one domain event is stored: under which versioned name, and how its data is written and read back. */
export interface StoredEventMapping<Event> {
  /** The current stored name, e.g. `referrals.ReferralRegistered.v2`; older versions reach it through upcasters. */
  readonly storedType: string;
  readonly encode: (event: Event) => JsonObject;
  /** Throws when the data does not have the current version's shape. */
  readonly decode: (data: JsonObject, stored: RecordedEvent) => Event;
}

/** One mapping per domain event type of the union, keyed by its `type`. */
export type StoredEventMappings<Event extends { readonly type: string }> = {
  readonly [Type in Event['type']]: StoredEventMapping<Extract<Event, { readonly type: Type }>>;
};

export interface EncodedEvent {
  readonly type: string;
  readonly data: JsonObject;
}

/** Maps domain events to stored names and data and back; stored names stay independent of domain names. */
export class EventCodec<Event extends { readonly type: string }> {
  private readonly byStoredType = new Map<string, StoredEventMapping<Event>>();
  /** Widened on purpose: each mapping is only ever called with the events whose `type` selected it. */
  private readonly byDomainType: Readonly<Record<string, StoredEventMapping<Event> | undefined>>;

  constructor(mappings: StoredEventMappings<Event>) {
    const widened = mappings as unknown as Record<string, StoredEventMapping<Event>>;
    this.byDomainType = widened;
    for (const mapping of Object.values(widened)) {
      if (this.byStoredType.has(mapping.storedType)) throw new Error(`Two domain events are stored as ${mapping.storedType}`);
      this.byStoredType.set(mapping.storedType, mapping);
    }
  }

  encode(event: Event): EncodedEvent {
    const mapping = this.byDomainType[event.type];
    if (!mapping) throw new Error(`No stored name for domain event ${event.type}`);
    return { type: mapping.storedType, data: mapping.encode(event) };
  }

  /** Throws `UnreadableStoredEvent` rather than skipping: a fold that skipped an event would decide on a wrong state. */
  decode(stored: RecordedEvent): Event {
    const mapping = this.byStoredType.get(stored.type);
    if (!mapping) throw new UnreadableStoredEvent('unknown-type', stored.streamName, stored.revision, stored.type);
    try {
      return mapping.decode(stored.data, stored);
    } catch {
      // The parser's message may quote stored data, which can be personal: it is not passed on.
      throw new UnreadableStoredEvent('unparseable-data', stored.streamName, stored.revision, stored.type);
    }
  }
}
