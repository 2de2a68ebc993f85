import { EventMetadata, InvalidEvent, JsonObject, JsonValue, NewEvent } from '@lien/shared-event-store';
import { isReservedMetadataKey } from './kurrentdb-event-mapping';
import { isDistrictCode } from './kurrentdb-stream-name';

/** `<context>.<EventName>.v<n>`: explicit, versioned stored names (docs/conventions.md). */
const STORED_EVENT_TYPE = /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*\.v\d+$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event that may be stored: a deep JSON copy, so neither the caller nor JSON encoding changes what gets hashed. */
export interface ValidNewEvent {
  readonly id?: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/** Refuses the whole batch at its first problem with `InvalidEvent`; reasons name fields, never values (they may be personal). */
export function validateNewEvents(streamName: string, events: readonly NewEvent[]): [ValidNewEvent, ...ValidNewEvent[]] {
  if (typeof streamName !== 'string' || streamName.trim() === '') throw new InvalidEvent('the stream name is blank');
  if (!Array.isArray(events) || events.length === 0) throw new InvalidEvent('an append needs at least one event');
  const [first, ...rest] = events.map((event, index) => validateNewEvent(event, `events[${index}]`));
  if (!first) throw new InvalidEvent('an append needs at least one event');
  const valid: [ValidNewEvent, ...ValidNewEvent[]] = [first, ...rest];
  const ids = valid.flatMap((event) => (event.id === undefined ? [] : [event.id]));
  if (new Set(ids).size !== ids.length) throw new InvalidEvent('two events of the batch share an id');
  return valid;
}

function validateNewEvent(event: NewEvent, path: string): ValidNewEvent {
  if (event.id !== undefined && (typeof event.id !== 'string' || !UUID.test(event.id))) throw new InvalidEvent(`${path}.id is not a UUID`);
  if (typeof event.type !== 'string' || !STORED_EVENT_TYPE.test(event.type)) {
    throw new InvalidEvent(`${path}.type is not a versioned stored name such as referrals.ReferralRegistered.v1`);
  }
  const data = toPlainJson(event.data, `${path}.data`, new Set());
  if (!isJsonObject(data)) throw new InvalidEvent(`${path}.data is not a JSON object`);
  const metadata = validateMetadata(event.metadata, `${path}.metadata`);
  // KurrentDB returns ids in lower case; storing them so keeps read-back equal to what was appended.
  return { ...(event.id === undefined ? {} : { id: event.id.toLowerCase() }), type: event.type, data, metadata };
}

function validateMetadata(metadata: unknown, path: string): EventMetadata {
  const copy = toPlainJson(metadata, path, new Set());
  if (!isJsonObject(copy)) throw new InvalidEvent(`${path} is missing`);
  const reserved = Object.keys(copy).find(isReservedMetadataKey);
  if (reserved !== undefined) throw new InvalidEvent(`${path}.${reserved} is reserved by the event store`);
  requireText(copy['district'], `${path}.district`);
  if (!isDistrictCode(copy['district'] as string)) throw new InvalidEvent(`${path}.district is not a district code (a-z, 0-9, -)`);
  requireText(copy['correlationId'], `${path}.correlationId`);
  requireText(copy['causationId'], `${path}.causationId`);
  const actor = copy['actor'];
  requireText(isJsonObject(actor) ? actor['userId'] : undefined, `${path}.actor.userId`);
  requireText(isJsonObject(actor) ? actor['role'] : undefined, `${path}.actor.role`);
  requireText(copy['occurredAt'], `${path}.occurredAt`);
  if (!isIsoUtc(copy['occurredAt'] as string)) throw new InvalidEvent(`${path}.occurredAt is not an ISO-8601 UTC timestamp`);
  if (copy['traceparent'] !== undefined && typeof copy['traceparent'] !== 'string') throw new InvalidEvent(`${path}.traceparent is not a string`);
  return copy as unknown as EventMetadata;
}

function requireText(value: JsonValue | undefined, path: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidEvent(`${path} is missing or blank`);
}

function isIsoUtc(value: string): boolean {
  if (!ISO_UTC.test(value)) return false;
  const parsed = new Date(value);
  // Date silently rolls 2025-02-30 over to March 2nd; comparing the fields back catches that.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A deep copy that survives JSON encoding unchanged, or `InvalidEvent`. Undefined object properties are
 * dropped (JSON.stringify would drop them too, after the hash was computed over them).
 */
function toPlainJson(value: unknown, path: string, ancestors: Set<object>): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidEvent(`${path} is not a finite number`);
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new InvalidEvent(`${path} is an integer beyond 2^53`);
    return value;
  }
  if (typeof value !== 'object') throw new InvalidEvent(`${path} is a ${typeof value}, not JSON`);
  if (ancestors.has(value)) throw new InvalidEvent(`${path} refers to itself`);
  const inside = new Set(ancestors).add(value);
  if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) {
    return Array.from(value, (item: unknown, index) => {
      const copy = toPlainJson(item, `${path}[${index}]`, inside);
      if (copy === undefined) throw new InvalidEvent(`${path}[${index}] is undefined`);
      return copy;
    });
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new InvalidEvent(`${path} is not a plain object`);
  const entries = Object.entries(value).flatMap(([key, item]) => {
    const copy = toPlainJson(item, `${path}.${key}`, inside);
    return copy === undefined ? [] : [[key, copy] as const];
  });
  // fromEntries defines own properties: a `__proto__` key stays data instead of replacing the prototype.
  return Object.fromEntries(entries);
}
