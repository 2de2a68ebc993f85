import { EventStoreSchema } from '../event-store-schema';

/**
 * The whole append in one statement (one round trip, autocommit): lock the stream, check district,
 * expected revision and the caller's hash basis, insert the batch, move the stream head.
 *
 * Migration 4 redefines migration 3's function without its `pg_notify`: PostgreSQL commits notifying
 * transactions one at a time, each holding a server-wide lock until its commit record is flushed, so
 * concurrent appends could not share a WAL flush (group commit). The adapters wake subscribers after
 * the append instead (ADR 0003); readers never relied on the notification, only on xid8 visibility.
 *
 * Outcomes: `appended`; `conflict` (expected revision mismatch, with the actual revision, -1 = none);
 * `not-in-district`; `stale-basis` (the caller hashed against another head: retry with the returned
 * revision and hash; nothing was written).
 */
export function appendEventsWithoutNotifyFunction(schema: EventStoreSchema): string {
  const s = schema.sql;
  return `
    -- Same signature and result type: replaced in place, callers and grants unchanged.
    CREATE OR REPLACE FUNCTION ${s}.append_events(
      p_stream_name text,
      p_district text,
      p_expected text,
      p_basis_revision bigint,
      p_basis_hash text,
      p_recorded_at timestamptz,
      p_events jsonb
    ) RETURNS TABLE (outcome text, stream_revision bigint, stream_hash text, last_position bigint, transaction_id text)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_district text;
      v_revision bigint;
      v_hash text;
      v_count bigint := jsonb_array_length(p_events);
      v_last_hash text := p_events -> -1 ->> 'hash';
      v_last_position bigint;
    BEGIN
      -- One writer per stream. An advisory lock, unlike a row lock, assigns no transaction id: the id is
      -- taken below while the lock is held, so the next writer of this stream always gets a larger one,
      -- and readers ordering by transaction id see every stream in revision order.
      PERFORM pg_advisory_xact_lock(hashtextextended('${schema.name}/stream/' || p_stream_name, 0));

      SELECT st.district, st.revision, st.last_hash INTO v_district, v_revision, v_hash
        FROM ${s}.streams st WHERE st.stream_name = p_stream_name;
      IF NOT FOUND THEN
        v_district := p_district;
        v_revision := -1;
        v_hash := '';
      END IF;

      -- Checked before the revision, so a conflict cannot reveal that another district's stream exists.
      IF v_district <> p_district THEN
        RETURN QUERY SELECT 'not-in-district'::text, NULL::bigint, NULL::text, NULL::bigint, NULL::text;
        RETURN;
      END IF;
      IF NOT (p_expected = 'any'
          OR (p_expected = 'no-stream' AND v_revision = -1)
          OR (p_expected = 'stream-exists' AND v_revision >= 0)
          OR (p_expected ~ '^[0-9]+$' AND p_expected::numeric = v_revision)) THEN
        RETURN QUERY SELECT 'conflict'::text, v_revision, NULL::text, NULL::bigint, NULL::text;
        RETURN;
      END IF;
      IF p_basis_revision <> v_revision OR p_basis_hash <> v_hash THEN
        RETURN QUERY SELECT 'stale-basis'::text, v_revision, v_hash, NULL::bigint, NULL::text;
        RETURN;
      END IF;

      -- ORDER BY ordinality: positions are drawn in batch order.
      WITH inserted AS (
        INSERT INTO ${s}.events
          (district, stream_name, revision, event_id, event_type, data, metadata, recorded_at, hash)
        SELECT p_district, p_stream_name, v_revision + e.ordinality, (e.value ->> 'id')::uuid,
               e.value ->> 'type', e.value -> 'data', e.value -> 'metadata', p_recorded_at, e.value ->> 'hash'
          FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ordinality)
         ORDER BY e.ordinality
        RETURNING global_position
      )
      SELECT max(i.global_position) INTO v_last_position FROM inserted i;

      IF v_revision = -1 THEN
        -- The stream lock serialises creators: the second one found the row above.
        INSERT INTO ${s}.streams (stream_name, district, revision, last_hash)
          VALUES (p_stream_name, p_district, v_count - 1, v_last_hash);
      ELSE
        UPDATE ${s}.streams SET revision = v_revision + v_count, last_hash = v_last_hash
          WHERE streams.stream_name = p_stream_name;
      END IF;

      RETURN QUERY SELECT 'appended'::text, v_revision + v_count, v_last_hash, v_last_position,
        pg_current_xact_id()::text;
    END
    $fn$;
  `;
}
