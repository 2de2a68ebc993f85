// The peer: Emmett's PostgreSQL event store, as its documentation uses it. Its tables are unqualified,
// so the run's schema is put first on the search_path through the connection string.
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, postgreSQLEventStoreMessageBatchPuller, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { dropSchema } from './lien.mjs';

export async function openEmmett({ connectionString, schema, applicationName }) {
  await withClient(connectionString, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(connectionString);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', applicationName);
  const emmettConnection = url.toString();
  const store = getPostgreSQLEventStore(emmettConnection);
  await store.schema.migrate();
  // Emmett creates some functions only when no function of that name exists in *any* schema.
  const [{ found }] = (await withClient(emmettConnection, (c) => c.query(
    `SELECT count(*)::int AS found FROM pg_proc WHERE proname = 'emt_append_to_stream' AND pronamespace = $1::regnamespace`, [schema],
  ))).rows;
  if (found !== 1) throw new Error(`Emmett's schema was not created in ${schema} (emt_append_to_stream found elsewhere?)`);
  const reader = dumbo({ connectionString: emmettConnection });
  const versions = new Map();
  return {
    name: 'Emmett 0.42.0',
    applicationName,
    appended: 0,
    async append(streamName, events) {
      const expectedStreamVersion = versions.get(streamName) ?? 0n;
      const result = await store.appendToStream(streamName, events, { expectedStreamVersion });
      versions.set(streamName, result.nextExpectedStreamVersion);
      this.appended += events.length;
    },
    /** `readMessagesBatch` pages (the read behind its consumers), keyed by global position. */
    async readAll(pageSize) {
      const ids = new Set();
      let delivered = 0;
      let after = 0n;
      for (;;) {
        const batch = await readMessagesBatch(reader.execute, { after, batchSize: pageSize });
        for (const message of batch.messages) ids.add(message.metadata.globalPosition);
        delivered += batch.messages.length;
        after = batch.currentGlobalPosition;
        if (!batch.areMessagesLeft) return { delivered, distinct: ids.size };
      }
    },
    /**
     * Its consumer's message puller, from the beginning until no messages are left, with an async handler
     * per message like our subscriber. The full `consumer().reactor()` would also write a checkpoint
     * row per message; our subscribe leaves checkpoints to the caller, so the puller is the like-for-like.
     */
    async subscribe(pageSize) {
      const ids = new Set();
      let delivered = 0;
      const handler = async (message) => {
        delivered += 1;
        ids.add(message.metadata.globalPosition);
      };
      const puller = postgreSQLEventStoreMessageBatchPuller({
        executor: reader.execute,
        batchSize: pageSize,
        pullingFrequencyInMs: 0,
        stopWhen: { noMessagesLeft: true },
        eachBatch: async (messages) => {
          for (const message of messages) await handler(message);
        },
      });
      await puller.start({ startFrom: 'BEGINNING' });
      return { delivered, distinct: ids.size };
    },
    async close() {
      await reader.close();
      await store.close();
      await dropSchema(connectionString, schema);
    },
  };
}

async function withClient(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
