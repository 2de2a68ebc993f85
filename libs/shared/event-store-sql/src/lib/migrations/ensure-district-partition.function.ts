import { EventStoreSchema } from '../event-store-schema';

/**
 * Creates a district's event partition once, whoever asks first. Concurrent callers (two processes
 * meeting a new district together) queue on an advisory lock keyed by the district, and the second
 * finds the registry row the first committed, so `CREATE TABLE` never races itself.
 * Called in its own short transaction, never inside an append: creating a partition locks the parent.
 */
export function ensureDistrictPartitionFunction(schema: EventStoreSchema): string {
  const s = schema.sql;
  return `
    CREATE FUNCTION ${s}.ensure_district_partition(p_district text) RETURNS text
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_partition text;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('${schema.name}/district/' || p_district, 0));
      SELECT d.partition_name INTO v_partition FROM ${s}.districts d WHERE d.district = p_district;
      IF FOUND THEN
        RETURN v_partition;
      END IF;
      -- Readable and collision-free: a sanitised prefix plus a digest of the exact district code.
      v_partition := 'events_' || left(regexp_replace(lower(p_district), '[^a-z0-9_]+', '_', 'g'), 40)
        || '_' || left(md5(p_district), 8);
      EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.events FOR VALUES IN (%L)',
        '${schema.name}', v_partition, '${schema.name}', p_district);
      INSERT INTO ${s}.districts (district, partition_name) VALUES (p_district, v_partition);
      RETURN v_partition;
    END
    $fn$;
  `;
}
