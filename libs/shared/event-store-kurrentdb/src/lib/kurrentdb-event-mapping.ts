import { EventMetadata, JsonObject, JsonValue, RecordedEvent, UnreadableStoredEvent } from '@lien/shared-event-store';
import { encodeCheckpoint, LogPosition } from './kurrentdb-checkpoint';
import { fromKurrentStreamName } from './kurrentdb-stream-name';

/**
 * Keys the adapter adds to the metadata it stores. `recordedAt` and `hash` are ours (the hash chain is
 * computed before the append, so it cannot use KurrentDB's `created`); `$correlationId` and `$causationId`
 * are what KurrentDB's `$by_correlation_id` projection reads.
 */
export const RESERVED_METADATA_KEYS = ['recordedAt', 'hash'] as const;
const KURRENT_CORRELATION_ID = '$correlationId';
const KURRENT_CAUSATION_ID = '$causationId';

/** What the client's JSON event data needs; built here so this module stays free of the client at runtime. */
export interface KurrentJsonEventData {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** The fields this adapter reads from an event the client returns (stream and `$all` reads alike). */
export interface KurrentStoredEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly position?: LogPosition | undefined;
}

/** A metadata key the adapter would overwrite on storage: refused up front so metadata reads back unchanged. */
export function isReservedMetadataKey(key: string): boolean {
  return (RESERVED_METADATA_KEYS as readonly string[]).includes(key) || key.startsWith('$');
}

/** The KurrentDB event for a recorded event whose id, revision, hash and recordedAt were decided by us. */
export function toKurrentEventData(event: Omit<RecordedEvent, 'position' | 'streamName' | 'revision'>): KurrentJsonEventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: {
      ...(event.metadata as unknown as JsonObject),
      recordedAt: event.recordedAt,
      hash: event.hash,
      [KURRENT_CORRELATION_ID]: event.metadata.correlationId,
      [KURRENT_CAUSATION_ID]: event.metadata.causationId,
    },
  };
}

/**
 * Our event for one the client returned, or undefined when the stream is not one of ours (system and
 * claim streams). A stored event that is not in our format is unreadable: readers stop, never skip.
 */
export function fromKurrentStoredEvent(stored: KurrentStoredEvent): RecordedEvent | undefined {
  const names = fromKurrentStreamName(stored.streamId);
  if (!names) return undefined;
  const unreadable = () => new UnreadableStoredEvent('unparseable-data', names.streamName, stored.revision, stored.type);
  if (!stored.isJson || !isJsonObject(stored.data) || !isJsonObject(stored.metadata)) throw unreadable();
  const { recordedAt, hash, ...rest } = stored.metadata;
  if (typeof recordedAt !== 'string' || typeof hash !== 'string') throw unreadable();
  const metadata = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('$'))) as unknown as EventMetadata;
  if (metadata.district !== names.district) throw unreadable();
  if (!stored.position) {
    // Servers before 22.6 return no position on stream reads; checkpoints could not be honoured.
    throw new Error('This KurrentDB server returns events without a log position; the adapter needs 22.6 or later');
  }
  return {
    id: stored.id,
    type: stored.type,
    data: stored.data,
    metadata,
    streamName: names.streamName,
    revision: stored.revision,
    position: encodeCheckpoint(stored.position),
    recordedAt,
    hash,
  };
}

function isJsonObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
