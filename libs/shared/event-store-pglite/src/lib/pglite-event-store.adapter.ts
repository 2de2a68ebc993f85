import { PGlite } from '@electric-sql/pglite';
import { EventStoreSchema, InProcessAppendFeed, migrateEventStoreSchema, SqlDatabase, SqlEventStore } from '@lien/shared-event-store-sql';
import { PgliteDatabase } from './pglite-database';

export interface PgliteEventStoreOptions {
  /** Directory holding the database files; in memory (lost at close) when absent. */
  readonly dataDir?: string;
  /** Schema holding the event store tables; default `lien_events`. */
  readonly schema?: string;
  /** Upper bound on a caught-up subscriber's wait without a wake-up; default 500 ms. */
  readonly pollIntervalMs?: number;
}

/**
 * The event store embedded in the process (PGlite: PostgreSQL compiled to WebAssembly), for local runs,
 * demos and tests that want real SQL without a server. Same schema and SQL as `PostgresEventStore`.
 * Only this process can reach the database, so subscribers are woken in-process after each append
 * (PGlite delivers NOTIFY to its own session only).
 */
export class PgliteEventStore extends SqlEventStore {
  static async open(options: PgliteEventStoreOptions = {}): Promise<PgliteEventStore> {
    const schema = new EventStoreSchema(options.schema);
    const pglite = await PGlite.create(options.dataDir);
    const db = new PgliteDatabase(pglite);
    try {
      await migrateEventStoreSchema(db, schema);
    } catch (error) {
      await pglite.close();
      throw error;
    }
    return new PgliteEventStore(db, schema, options);
  }

  /**
   * The embedded database itself, through the same queue as the store. Nothing outside this process can
   * reach it, so inspection and maintenance (and tests that tamper with a stored event) go through here.
   */
  database(): SqlDatabase {
    return this.db;
  }

  private constructor(db: PgliteDatabase, schema: EventStoreSchema, options: PgliteEventStoreOptions) {
    super({
      db,
      schema,
      feed: new InProcessAppendFeed(),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      release: () => db.pglite.close(),
    });
  }
}
