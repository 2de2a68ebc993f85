import { EventStoreSchema, migrateEventStoreSchema, SqlEventStore } from '@lien/shared-event-store-sql';
import { Pool, PoolConfig } from 'pg';
import { PgPoolDatabase } from './pg-pool-database';
import { PostgresNotifyAppendFeed } from './postgres-notify-append-feed';

export interface PostgresEventStoreOptions {
  /** Connection settings of the store's own pool and of its LISTEN connection. */
  readonly connection: PoolConfig;
  /** Schema holding the event store tables; default `lien_events`. */
  readonly schema?: string;
  /** Upper bound on a caught-up subscriber's wait when no NOTIFY comes (or one is lost); default 500 ms. */
  readonly pollIntervalMs?: number;
}

/**
 * The event store on PostgreSQL (13 or later: xid8). Events are partitioned by district; appends are one
 * round trip; readers and subscribers never skip an event that commits late. See ADR 0003.
 */
export class PostgresEventStore extends SqlEventStore {
  /** Opens a pool, migrates the schema (safe when several processes start together) and returns the store. */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = new EventStoreSchema(options.schema);
    const pool = new Pool(options.connection);
    // An idle pooled connection that dies (server restart) must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const db = new PgPoolDatabase(pool);
    try {
      await migrateEventStoreSchema(db, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(db, schema, options);
  }

  private constructor(db: PgPoolDatabase, schema: EventStoreSchema, options: PostgresEventStoreOptions) {
    super({
      db,
      schema,
      feed: new PostgresNotifyAppendFeed(options.connection, schema.channel, db),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      release: () => db.pool.end(),
    });
  }
}
