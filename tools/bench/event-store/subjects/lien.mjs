// Our store: the PostgreSQL adapter, compiled from the libraries, through the `EventStore` port only.
import pg from 'pg';
import { pristinePgTypes } from './pristine-pg-types.mjs';

export async function openLien({ adapter, connectionString, schema, applicationName }) {
  const connection = { connectionString, application_name: applicationName, types: pristinePgTypes };
  const store = await adapter.PostgresEventStore.connect({ connection, schema });
  const revisions = new Map();
  return {
    name: 'Lien (ours)',
    applicationName,
    appended: 0,
    async append(streamName, events) {
      const last = revisions.get(streamName);
      const result = await store.append(streamName, events, { expectedRevision: last ?? 'no-stream' });
      revisions.set(streamName, result.nextExpectedRevision);
      this.appended += events.length;
    },
    /** Pages through the whole log with `readAll`; stops at `isEnd` once every event was seen. */
    async readAll(pageSize) {
      const ids = new Set();
      let delivered = 0;
      let after;
      for (;;) {
        const page = await store.readAll({ maxCount: pageSize, ...(after ? { after } : {}) });
        for (const event of page.events) ids.add(event.position);
        delivered += page.events.length;
        after = page.checkpoint;
        if (page.isEnd && (ids.size >= this.appended || page.events.length === 0)) return { delivered, distinct: ids.size };
      }
    },
    /** Subscribes from the start with an async handler per event; done at `onCaughtUp`. */
    async subscribe() {
      const ids = new Set();
      let delivered = 0;
      let subscription;
      await new Promise((resolve, reject) => {
        subscription = store.subscribe({
          handler: async (event) => {
            delivered += 1;
            ids.add(event.position);
          },
          onCaughtUp: resolve,
        });
        subscription.done.then(resolve, reject);
      });
      await subscription.stop();
      return { delivered, distinct: ids.size };
    },
    async close() {
      await store.close();
      await dropSchema(connectionString, schema);
    },
  };
}

export async function dropSchema(connectionString, schema) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
