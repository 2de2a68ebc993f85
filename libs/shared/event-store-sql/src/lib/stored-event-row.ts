import { EventMetadata, JsonObject, RecordedEvent } from '@lien/shared-event-store';
import { checkpointOf } from './log-position';

/** Numbers are cast to text in SQL: `pg` and PGlite parse int8/xid8 differently, text is the same everywhere. */
export interface StoredEventRow {
  readonly transaction_id: string;
  readonly global_position: string;
  readonly stream_name: string;
  readonly revision: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date | string;
  readonly hash: string;
}

/** The select list producing a `StoredEventRow`, for a table aliased `e`. */
export const STORED_EVENT_COLUMNS = `e.transaction_id::text AS transaction_id, e.global_position::text AS global_position,
  e.stream_name, e.revision::text AS revision, e.event_id::text AS event_id, e.event_type, e.data, e.metadata,
  e.recorded_at, e.hash`;

export function recordedEventOf<Data extends JsonObject = JsonObject>(row: StoredEventRow): RecordedEvent<Data> {
  return {
    id: row.event_id,
    type: row.event_type,
    data: row.data as Data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: BigInt(row.revision),
    position: checkpointOf({ transactionId: row.transaction_id, globalPosition: row.global_position }),
    // Written from a millisecond ISO string, so the round trip through timestamptz is exact (the hash covers it).
    recordedAt: new Date(row.recorded_at).toISOString(),
    hash: row.hash,
  };
}
