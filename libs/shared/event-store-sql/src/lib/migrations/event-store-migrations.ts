import { EventStoreSchema } from '../event-store-schema';
import { appendEventsFunction } from './append-events.function';
import { appendEventsWithoutNotifyFunction } from './append-events-without-notify.function';
import { ensureDistrictPartitionFunction } from './ensure-district-partition.function';

export interface EventStoreMigration {
  /** Applied in ascending order; never renumber or edit a released migration, add a new one. */
  readonly version: number;
  readonly name: string;
  readonly script: (schema: EventStoreSchema) => string;
}

/**
 * Streams are one row each and stay unpartitioned: a stream name must be unique across districts, and
 * a partitioned table can only enforce uniqueness that includes its partition key. Events are
 * partitioned by district (one partition per district, created on demand), so a district's log can be
 * dumped, detached or dropped on its own; hence every event constraint starts with `district`.
 */
function tables(schema: EventStoreSchema): string {
  const s = schema.sql;
  return `
    CREATE TABLE ${s}.streams (
      stream_name text PRIMARY KEY,
      district text NOT NULL,
      revision bigint NOT NULL,
      last_hash text NOT NULL
    );
    CREATE INDEX streams_by_district ON ${s}.streams (district);

    CREATE TABLE ${s}.districts (
      district text PRIMARY KEY,
      partition_name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- One sequence for all partitions, so a global position names one event store-wide.
    CREATE SEQUENCE ${s}.global_position AS bigint;

    CREATE TABLE ${s}.events (
      district text NOT NULL,
      global_position bigint NOT NULL DEFAULT nextval('${s}.global_position'),
      -- The writing transaction: readers stop below the oldest running one (see readAll).
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      stream_name text NOT NULL,
      revision bigint NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (district, global_position),
      UNIQUE (district, stream_name, revision),
      UNIQUE (district, event_id)
    ) PARTITION BY LIST (district);
    CREATE INDEX events_in_log_order ON ${s}.events (transaction_id, global_position);
    ALTER SEQUENCE ${s}.global_position OWNED BY ${s}.events.global_position;
  `;
}

export const EVENT_STORE_MIGRATIONS: readonly EventStoreMigration[] = [
  { version: 1, name: 'streams, districts and events partitioned by district', script: tables },
  { version: 2, name: 'ensure_district_partition()', script: ensureDistrictPartitionFunction },
  { version: 3, name: 'append_events()', script: appendEventsFunction },
  { version: 4, name: 'append_events() without pg_notify', script: appendEventsWithoutNotifyFunction },
];
