/**
 * A district code as it appears in KurrentDB stream names: lower case, starting with a letter, never
 * a `/` (the separator) nor `_` or `$` (reserved for our claim streams and KurrentDB's system streams).
 */
const DISTRICT_CODE = /^[a-z][a-z0-9-]*$/;

/** Pattern of every stream this adapter writes events to: `<district>/<streamName>`. */
export const LIEN_STREAM_PATTERN = '^[a-z][a-z0-9-]*/';

/** Where the adapter records which district owns a stream name; outside LIEN_STREAM_PATTERN on purpose. */
const OWNER_CLAIM_PREFIX = '_lien/stream-owner/';
/** Where the adapter records which stream holds an event id, so an id is stored once across the log. */
const EVENT_ID_CLAIM_PREFIX = '_lien/event-id/';

export function isDistrictCode(value: string): boolean {
  return DISTRICT_CODE.test(value);
}

/**
 * Our stream `(district, streamName)` lives in KurrentDB as `<district>/<streamName>`, so that a district
 * filter on `$all` is a server-side prefix filter and KurrentDB ACLs or stream policies can isolate a district.
 */
export function toKurrentStreamName(district: string, streamName: string): string {
  if (!isDistrictCode(district)) throw new RangeError('Not a district code usable in a KurrentDB stream name');
  return `${district}/${streamName}`;
}

/** The inverse of `toKurrentStreamName`; undefined for system streams, claim streams and anyone else's streams. */
export function fromKurrentStreamName(kurrentStreamName: string): { district: string; streamName: string } | undefined {
  const slash = kurrentStreamName.indexOf('/');
  if (slash <= 0) return undefined;
  const district = kurrentStreamName.slice(0, slash);
  const streamName = kurrentStreamName.slice(slash + 1);
  return isDistrictCode(district) && streamName.trim() !== '' ? { district, streamName } : undefined;
}

export function ownerClaimStreamName(streamName: string): string {
  return `${OWNER_CLAIM_PREFIX}${streamName}`;
}

export function eventIdClaimStreamName(eventId: string): string {
  return `${EVENT_ID_CLAIM_PREFIX}${eventId}`;
}

/** Escapes a literal for a .NET regular expression (KurrentDB evaluates filters on the server). */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
