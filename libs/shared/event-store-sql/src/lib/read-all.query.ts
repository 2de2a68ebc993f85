import { Checkpoint, EventFilter, ReadAllOptions, ReadAllPage, RecordedEvent } from '@lien/shared-event-store';
import { EventStoreSchema } from './event-store-schema';
import { checkpointOf, LogPosition, positionOfCheckpoint } from './log-position';
import { SqlQueryable } from './sql-executor';
import { recordedEventOf, STORED_EVENT_COLUMNS, StoredEventRow } from './stored-event-row';

/** Rows a filtered read examines per statement: bounds the work of one query on a sparse filter. */
const SCAN_WINDOW = 2000;

/**
 * Gap safety. Positions come from a sequence, which is not transactional: a transaction holding a
 * lower position may commit after one holding a higher position, and a reader that had moved past the
 * higher one would skip it forever. So every event carries its writer's transaction id, and readers
 * only look at transactions older than the oldest one still running (`pg_snapshot_xmin`): those have
 * all ended, nothing can appear among them any more. The log is ordered by (transaction id, position)
 * and checkpoints name that pair. The price: one long transaction anywhere on the server holds every
 * reader back until it ends.
 */
const VISIBLE_AFTER = `(e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
  AND e.transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))`;

interface ScannedRow extends StoredEventRow {
  /** Null on the summary row, which carries the last key scanned and the number of rows scanned. */
  readonly matches: boolean | null;
  readonly scanned: string | null;
}

export async function readAllEvents(db: SqlQueryable, schema: EventStoreSchema, options: ReadAllOptions): Promise<ReadAllPage> {
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  let after = positionOfCheckpoint(options.after ?? ('' as Checkpoint));
  const events: RecordedEvent[] = [];
  if (maxCount <= 0) return { events, checkpoint: checkpointOf(after), isEnd: false };
  const waitUntil = Date.now() + HORIZON_WAIT_MS;
  // Window after window until the page is full or the visible end is reached; each statement has its own
  // snapshot, which is fine: the horizon only moves forward.
  for (;;) {
    const window = options.filter
      ? await readFilteredWindow(db, schema, after, options.filter, maxCount - events.length)
      : await readWindow(db, schema, after, maxCount - events.length);
    events.push(...window.events);
    after = window.checkpoint;
    if (events.length >= maxCount) return { events, checkpoint: checkpointOf(after), isEnd: window.isEnd };
    if (window.isEnd) {
      if (Date.now() >= waitUntil || !(await committedBeyond(db, schema, after))) return { events, checkpoint: checkpointOf(after), isEnd: true };
      await new Promise((resolve) => setTimeout(resolve, HORIZON_POLL_MS));
    }
  }
}

/**
 * Committed events beyond the visible end are held back by an older transaction still running, most
 * often a short one of another writer. Waiting a moment for it lets a caller read what it has just
 * appended; past the bound, the page ends at the horizon and the rest comes with a later read.
 */
const HORIZON_WAIT_MS = 200;
const HORIZON_POLL_MS = 5;

async function committedBeyond(db: SqlQueryable, schema: EventStoreSchema, after: LogPosition): Promise<boolean> {
  const [row] = await db.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${schema.sql}.events e WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)) AS held`,
    [after.transactionId, after.globalPosition],
  );
  return row?.held === true;
}

interface Window {
  readonly events: RecordedEvent[];
  readonly checkpoint: LogPosition;
  readonly isEnd: boolean;
}

async function readWindow(db: SqlQueryable, schema: EventStoreSchema, after: LogPosition, wanted: number): Promise<Window> {
  const limit = Math.min(wanted, SCAN_WINDOW);
  // One row more than wanted tells whether the visible end was reached.
  const rows = await db.query<StoredEventRow>(
    `SELECT ${STORED_EVENT_COLUMNS} FROM ${schema.sql}.events e WHERE ${VISIBLE_AFTER}
     ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [after.transactionId, after.globalPosition, limit + 1],
  );
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    events: kept.map((row) => recordedEventOf(row)),
    checkpoint: last ? { transactionId: last.transaction_id, globalPosition: last.global_position } : after,
    isEnd: rows.length <= limit,
  };
}

/**
 * Scans a window of the log by key, fetches the payload of matching events only, and reports the last
 * key scanned, so a sparse subscriber's checkpoint still moves past filtered-out events.
 */
async function readFilteredWindow(db: SqlQueryable, schema: EventStoreSchema, after: LogPosition, filter: EventFilter, wanted: number): Promise<Window> {
  const rows = await db.query<ScannedRow>(
    `WITH scanned AS (
       SELECT e.district, e.transaction_id, e.global_position,
              ($4::text[] IS NULL OR split_part(e.stream_name, '-', 1) = ANY($4))
          AND ($5::text[] IS NULL OR e.event_type = ANY($5))
          AND ($6::text[] IS NULL OR e.district = ANY($6)) AS matches
         FROM ${schema.sql}.events e WHERE ${VISIBLE_AFTER}
        ORDER BY e.transaction_id, e.global_position LIMIT $3
     ), matched AS (
       SELECT * FROM scanned WHERE matches ORDER BY transaction_id, global_position LIMIT $7
     )
     SELECT * FROM (
       SELECT ${STORED_EVENT_COLUMNS}, true AS matches, NULL::text AS scanned
         FROM matched m JOIN ${schema.sql}.events e ON e.district = m.district AND e.global_position = m.global_position
        ORDER BY e.transaction_id, e.global_position
     ) found
     UNION ALL
     SELECT s.transaction_id::text, s.global_position::text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, (SELECT count(*) FROM scanned)::text
       FROM (SELECT transaction_id, global_position FROM scanned ORDER BY transaction_id DESC, global_position DESC LIMIT 1) s`,
    [after.transactionId, after.globalPosition, SCAN_WINDOW, filter.categories ?? null, filter.eventTypes ?? null, filter.districts ?? null, Math.min(wanted, SCAN_WINDOW) + 1],
  );
  const summary = rows.find((row) => row.scanned !== null);
  const found = rows.filter((row) => row.scanned === null);
  const limit = Math.min(wanted, SCAN_WINDOW);
  const lastKept = found.length > limit ? found[limit - 1] : undefined;
  if (lastKept) {
    const events = found.slice(0, limit).map((row) => recordedEventOf(row));
    return { events, checkpoint: { transactionId: lastKept.transaction_id, globalPosition: lastKept.global_position }, isEnd: false };
  }
  return {
    events: found.map((row) => recordedEventOf(row)),
    checkpoint: summary ? { transactionId: summary.transaction_id, globalPosition: summary.global_position } : after,
    isEnd: !summary || Number(summary.scanned) < SCAN_WINDOW,
  };
}
