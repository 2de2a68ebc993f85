import { JsonObject, RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';

/** Turns the data of an old stored version into the next version's shape. May read the stored event, e.g. its metadata. */
export type UpcastTransform = (data: JsonObject, stored: RecordedEvent) => JsonObject;

interface Upcaster {
  readonly toType: string;
  readonly transform: UpcastTransform;
}

/**
 * Old stored shapes are never rewritten: they are upcast on read, one version at a time
 * (v1 → v2 → v3), so each transform only knows its two neighbouring versions.
 */
export class UpcasterRegistry {
  private readonly byFromType = new Map<string, Upcaster>();

  register(fromType: string, toType: string, transform: UpcastTransform): this {
    if (this.byFromType.has(fromType)) throw new Error(`An upcaster from ${fromType} is already registered`);
    if (fromType === toType || this.chainFrom(toType).includes(fromType)) throw new Error(`Upcasting ${fromType} to ${toType} would loop`);
    this.byFromType.set(fromType, { toType, transform });
    return this;
  }

  /** The event with its type and data brought to the newest version; stream, revision and hash stay those stored. */
  upcast(stored: RecordedEvent): RecordedEvent {
    let current = stored;
    for (let upcaster = this.byFromType.get(current.type); upcaster; upcaster = this.byFromType.get(current.type)) {
      current = { ...current, type: upcaster.toType, data: this.apply(upcaster, current) };
    }
    return current;
  }

  private apply(upcaster: Upcaster, event: RecordedEvent): JsonObject {
    try {
      return upcaster.transform(event.data, event);
    } catch {
      // The transform's own message may quote stored data, which can be personal: it is not passed on.
      throw new UnreadableStoredEvent('unparseable-data', event.streamName, event.revision, event.type);
    }
  }

  private chainFrom(type: string): string[] {
    const chain: string[] = [];
    for (let upcaster = this.byFromType.get(type); upcaster; upcaster = this.byFromType.get(upcaster.toType)) chain.push(upcaster.toType);
    return chain;
  }
}
