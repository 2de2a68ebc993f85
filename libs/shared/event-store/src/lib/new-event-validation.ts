import { EventMetadata, JsonObject, JsonValue, NewEvent } from './event-envelope';
import { InvalidEvent } from './event-store.errors';

const EVENT_TYPE = /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*\.v[0-9]+$/;
const ISO_UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new event that passed validation, deep-copied so the caller can no longer change what gets stored. */
export interface ValidatedNewEvent {
  readonly id?: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

/**
 * What every adapter checks before storing a batch, so all refuse the same events: a blank stream name,
 * an empty batch, duplicate ids, a missing or blank metadata field, an occurredAt that is not ISO-8601
 * UTC, a type that is not `<context>.<EventName>.v<n>`, data that is not plain JSON. Throws
 * `InvalidEvent` for the whole batch at the first problem; reasons name fields, never values.
 */
export function validateNewEvents(streamName: string, events: readonly NewEvent[]): ValidatedNewEvent[] {
  if (typeof streamName !== 'string' || streamName.trim() === '') throw new InvalidEvent('the stream name is blank');
  if (events.length === 0) throw new InvalidEvent('an append needs at least one event');
  const validated = events.map((event, index) => validateNewEvent(event, `events[${index}]`));
  const ids = validated.flatMap((event) => (event.id === undefined ? [] : [event.id]));
  if (new Set(ids).size !== ids.length) throw new InvalidEvent('two events of the batch share an id');
  return validated;
}

function validateNewEvent(event: NewEvent, path: string): ValidatedNewEvent {
  if (event.id !== undefined && (typeof event.id !== 'string' || !UUID.test(event.id))) {
    throw new InvalidEvent(`${path}.id is not a UUID`);
  }
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    throw new InvalidEvent(`${path}.type is not a versioned stored name such as referrals.ReferralRegistered.v1`);
  }
  const data = plainJson(event.data, `${path}.data`, []);
  if (!isJsonObject(data)) throw new InvalidEvent(`${path}.data is not a JSON object`);
  // Lower case, as a uuid column would return it.
  return { ...(event.id === undefined ? {} : { id: event.id.toLowerCase() }), type: event.type, data, metadata: validateMetadata(event.metadata, `${path}.metadata`) };
}

function validateMetadata(metadata: EventMetadata | undefined, path: string): EventMetadata {
  const copy = plainJson(metadata, path, []);
  if (!isJsonObject(copy)) throw new InvalidEvent(`${path} is missing`);
  const actor = copy['actor'];
  requireText(copy['district'], `${path}.district`);
  requireText(copy['correlationId'], `${path}.correlationId`);
  requireText(copy['causationId'], `${path}.causationId`);
  requireText(isJsonObject(actor) ? actor['userId'] : undefined, `${path}.actor.userId`);
  requireText(isJsonObject(actor) ? actor['role'] : undefined, `${path}.actor.role`);
  requireText(copy['occurredAt'], `${path}.occurredAt`);
  if (!isIsoUtcTimestamp(copy['occurredAt'] as string)) throw new InvalidEvent(`${path}.occurredAt is not an ISO-8601 UTC timestamp`);
  if (copy['traceparent'] !== undefined && typeof copy['traceparent'] !== 'string') throw new InvalidEvent(`${path}.traceparent is not a string`);
  return copy as unknown as EventMetadata;
}

function requireText(value: JsonValue | undefined, path: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidEvent(`${path} is missing or blank`);
}

function isIsoUtcTimestamp(value: string): boolean {
  if (!ISO_UTC_TIMESTAMP.test(value)) return false;
  const parsed = new Date(value);
  // Date rolls impossible days over (February 30th becomes March 1st): compare the fields back.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies a value that must survive jsonb and KurrentDB unchanged. Undefined object properties are
 * dropped (JSON has no undefined), anything else outside plain JSON is refused.
 */
function plainJson(value: unknown, path: string, ancestors: readonly object[]): JsonValue | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      return storableString(value, path);
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidEvent(`${path} is not a finite number`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) throw new InvalidEvent(`${path} is an integer beyond 2^53`);
      return value;
    case 'object':
      return value === null ? null : plainJsonContainer(value, path, ancestors);
    default:
      throw new InvalidEvent(`${path} is a ${typeof value}, not JSON`);
  }
}

/** PostgreSQL's jsonb refuses NUL and lone surrogates; refusing them here keeps the error typed and the adapters alike. */
function storableString(value: string, path: string): string {
  if (value.includes('\u0000')) throw new InvalidEvent(`${path} contains a NUL character`);
  if (!value.isWellFormed()) throw new InvalidEvent(`${path} contains a lone surrogate`);
  return value;
}

function plainJsonContainer(value: object, path: string, ancestors: readonly object[]): JsonValue {
  if (ancestors.includes(value)) throw new InvalidEvent(`${path} refers to itself`);
  const inside = [...ancestors, value];
  const prototype = Object.getPrototypeOf(value);
  if (Array.isArray(value) && prototype === Array.prototype) {
    const items: JsonValue[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const item = plainJson(value[index], `${path}[${index}]`, inside);
      if (item === undefined) throw new InvalidEvent(`${path}[${index}] is undefined`);
      items.push(item);
    }
    return items;
  }
  if (prototype !== Object.prototype && prototype !== null) throw new InvalidEvent(`${path} is not a plain object`);
  const entries = Object.entries(value).flatMap(([key, item]) => {
    storableString(key, `${path} key`);
    const copy = plainJson(item, `${path}.${key}`, inside);
    return copy === undefined ? [] : [[key, copy] as const];
  });
  // fromEntries defines own properties, so a `__proto__` key stays data instead of changing the prototype.
  return Object.fromEntries(entries);
}
