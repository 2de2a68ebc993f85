import { EventStoreSchema } from '../event-store-schema';
import { SqlDatabase } from '../sql-executor';
import { EVENT_STORE_MIGRATIONS, EventStoreMigration } from './event-store-migrations';

export interface MigrationReport {
  readonly applied: readonly number[];
  readonly alreadyApplied: readonly number[];
}

/** First key of the two-part advisory lock that guards migrations; the second is the schema's hash. */
const MIGRATION_LOCK_NAMESPACE = 0x4c69656e; // "Lien"

/**
 * Brings the schema up to the latest migration. Safe to run from every process at start-up: all of
 * it happens in one transaction under an advisory lock per schema, so processes starting together
 * queue instead of racing, each later one finds the versions recorded by the first, and a crash half-way
 * leaves nothing behind (PostgreSQL DDL is transactional).
 */
export async function migrateEventStoreSchema(
  db: SqlDatabase,
  schema: EventStoreSchema,
  migrations: readonly EventStoreMigration[] = EVENT_STORE_MIGRATIONS,
): Promise<MigrationReport> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  return db.transaction(async (tx) => {
    // Taken before anything exists: even CREATE SCHEMA IF NOT EXISTS fails when two sessions race it.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, schema.name]);
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS ${schema.sql};
      CREATE TABLE IF NOT EXISTS ${schema.sql}.schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    const rows = await tx.query<{ version: number }>(`SELECT version FROM ${schema.sql}.schema_migrations`);
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of ordered) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.script(schema));
      await tx.query(`INSERT INTO ${schema.sql}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return { applied, alreadyApplied: ordered.map((m) => m.version).filter((v) => done.has(v)) };
  });
}
