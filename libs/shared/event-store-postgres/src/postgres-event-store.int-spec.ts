import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '@lien/shared-event-store-testing';
import { requiredEnv } from '@lien/shared-testing';
import { Client } from 'pg';
import { PostgresEventStore } from './lib/postgres-event-store.adapter';

describeEventStoreContract('PostgreSQL', async () => {
  const connectionString = requiredEnv('DATABASE_URL');
  // A schema of its own, so suites can run in parallel on one database.
  const schema = `es_contract_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const store = await PostgresEventStore.connect({ connection: { connectionString }, schema, pollIntervalMs: 100 });
  const admin = new Client({ connectionString });
  await admin.connect();
  return {
    store,
    tamper: async (streamName, revision) => {
      await admin.query(`UPDATE "${schema}".events SET data = data || '{"tampered": true}' WHERE stream_name = $1 AND revision = $2`, [streamName, revision.toString()]);
    },
    dispose: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
});
