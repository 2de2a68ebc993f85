import { createHash } from 'node:crypto';
import { EventMetadata, JsonObject, JsonValue } from './event-envelope';

/** The fields of a stored event that its hash covers. The global position is not known before commit, so it is left out. */
export interface HashedForm {
  readonly id: string;
  readonly type: string;
  readonly streamName: string;
  readonly revision: bigint;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
}

/** Hash of the first event's predecessor. */
export const GENESIS_HASH = '';

/**
 * sha-256 over the previous hash and the canonical JSON of the stored form. It covers data exactly as
 * stored (an encrypted field as ciphertext), so erasing a person's key never breaks the chain.
 */
export function computeEventHash(previousHash: string, form: HashedForm): string {
  const canonical = canonicalJson({
    id: form.id,
    type: form.type,
    streamName: form.streamName,
    revision: form.revision.toString(),
    data: form.data,
    metadata: form.metadata as unknown as JsonObject,
    recordedAt: form.recordedAt,
  });
  return createHash('sha256').update(previousHash).update('\n').update(canonical).digest('hex');
}

/** JSON with object keys sorted at every depth: the same value always gives the same bytes (jsonb reorders keys). */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}
