import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore } from '@lien/shared-event-store';
import { KurrentDbEventStore } from '@lien/shared-event-store-kurrentdb';
import { PgliteEventStore } from '@lien/shared-event-store-pglite';
import { PgPoolDatabase, PostgresEventStore } from '@lien/shared-event-store-postgres';
import { Pool } from 'pg';
import { PersonalDataProtector, PostgresKeyStore, ProtectedEventStore } from '@lien/shared-personal-data';
import { InfrastructureConfig } from './infrastructure-config';

export interface OpenedEventStore {
  /** What services use: personal fields sealed per person on the way in, opened on the way out. */
  readonly store: EventStore;
  /** The store as persisted (sealed data): for verification, relays and auditors. */
  readonly raw: EventStore;
  readonly keys: PostgresKeyStore;
  readonly adapter: 'kurrentdb' | 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Each service keeps its own event store (its own schema), as it would in its own database. */
export async function openEventStore(config: InfrastructureConfig, service: string): Promise<OpenedEventStore> {
  const prefix = config.schemaPrefix ?? 'lien';
  const schema = `${prefix}_${service}_events`;
  const keySchema = `${prefix}_${service}_keys`;
  if (config.mode === 'embedded') {
    const dataDir = join(config.dataDir, 'pglite', service);
    mkdirSync(dataDir, { recursive: true });
    const pglite = await PgliteEventStore.open({ dataDir, schema });
    const keys = new PostgresKeyStore(pglite.database(), keySchema);
    return finish(pglite, keys, 'pglite', () => pglite.close());
  }
  // Keys stay in PostgreSQL, apart from the log, whichever store holds the events; beside the PostgreSQL
  // event store when that has a database of its own (the host's events PGlite, ADR 0013).
  const eventStoreUrl = config.eventStoreDatabaseUrl ?? config.databaseUrl;
  const keyPool = new Pool({ connectionString: eventStoreUrl, max: 4 });
  keyPool.on('error', () => undefined);
  const keys = new PostgresKeyStore(new PgPoolDatabase(keyPool), keySchema);
  const raw = config.kurrentDbUrl
    ? KurrentDbEventStore.connect(config.kurrentDbUrl)
    : await PostgresEventStore.connect({ connection: { connectionString: eventStoreUrl, max: 10 }, schema });
  return finish(raw, keys, config.kurrentDbUrl ? 'kurrentdb' : 'postgres', async () => {
    await raw.close();
    await keyPool.end();
  });
}

async function finish(raw: EventStore, keys: PostgresKeyStore, adapter: OpenedEventStore['adapter'], close: () => Promise<void>): Promise<OpenedEventStore> {
  await keys.migrate();
  return { store: new ProtectedEventStore(raw, new PersonalDataProtector(keys)), raw, keys, adapter, close };
}
