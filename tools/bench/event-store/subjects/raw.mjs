// The ceiling: plain `pg` INSERTs of the same rows into one plain table with the same columns (no
// partitioning, no stream table, no revision check, no hash work; a primary key on the position only).
// One autocommit statement per append: a single-row INSERT, or one multi-row INSERT for a batch.
import pg from 'pg';
import { DISTRICT } from '../workload.mjs';
import { dropSchema } from './lien.mjs';
import { pristinePgTypes } from './pristine-pg-types.mjs';

const COLUMNS = 'district, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash';
// A sha-256 in hex, as our store writes per event: same row size.
const HASH = 'a'.repeat(64);

export async function openRaw({ connectionString, schema, applicationName }) {
  const pool = new pg.Pool({ connectionString, application_name: applicationName, types: pristinePgTypes });
  const table = `"${schema}".events`;
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(`CREATE TABLE ${table} (
    district text NOT NULL,
    global_position bigserial PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_name text NOT NULL,
    revision bigint NOT NULL,
    event_id uuid NOT NULL,
    event_type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL,
    hash text NOT NULL)`);
  const revisions = new Map();
  const statements = new Map();
  const insertOf = (rows) => {
    if (!statements.has(rows)) {
      const values = Array.from({ length: rows }, (_, r) => `(${Array.from({ length: 9 }, (_, c) => `$${r * 9 + c + 1}`).join(', ')})`);
      statements.set(rows, `INSERT INTO ${table} (${COLUMNS}) VALUES ${values.join(', ')}`);
    }
    return statements.get(rows);
  };
  const page = (pageSize, after) =>
    pool.query(
      // Qualified: a bare ORDER BY global_position would sort by the text alias of the select list.
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position, e.stream_name,
              e.revision::text AS revision, e.event_id::text AS event_id, e.event_type, e.data, e.metadata, e.recorded_at, e.hash
         FROM ${table} e WHERE e.global_position > $1 ORDER BY e.global_position LIMIT $2`,
      [after, pageSize],
    );
  return {
    name: 'raw pg INSERT',
    applicationName,
    appended: 0,
    async append(streamName, events) {
      const first = revisions.get(streamName) ?? 0;
      const recordedAt = new Date().toISOString();
      const params = events.flatMap((event, index) => [
        DISTRICT, streamName, first + index, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt, HASH,
      ]);
      await pool.query(insertOf(events.length), params);
      revisions.set(streamName, first + events.length);
      this.appended += events.length;
    },
    /** Keyset paging by position: the fastest way to pull the table into the process. */
    async readAll(pageSize) {
      const ids = new Set();
      let delivered = 0;
      let after = '0';
      for (;;) {
        const { rows } = await page(pageSize, after);
        for (const row of rows) ids.add(row.global_position);
        delivered += rows.length;
        if (rows.length < pageSize) return { delivered, distinct: ids.size };
        after = rows[rows.length - 1].global_position;
      }
    },
    async close() {
      await pool.end();
      await dropSchema(connectionString, schema);
    },
  };
}
