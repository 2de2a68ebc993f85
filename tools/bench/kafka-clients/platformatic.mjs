// The @platformatic/kafka side of tools/bench/kafka-clients.mjs: the same operations, done its way.
import { readFileSync } from 'node:fs';

// The package exports no `./package.json`, so its version is read from disk.
const packageJson = JSON.parse(readFileSync(new URL('../../../node_modules/@platformatic/kafka/package.json', import.meta.url), 'utf8'));

export const platformaticClient = {
  name: 'platformatic',
  package: '@platformatic/kafka',
  version: packageJson.version,
  async open(brokers) {
    const { Admin, Consumer, Producer, stringSerializer, stringDeserializer } = await import('@platformatic/kafka');
    const bootstrapBrokers = brokers.split(',');
    const admin = new Admin({ clientId: 'bench-platformatic', bootstrapBrokers });
    const serializers = { key: stringSerializer, headerKey: stringSerializer, headerValue: stringSerializer };
    // Idempotent producing requires acks=all (-1); the client refuses the combination otherwise.
    const producer = new Producer({ clientId: 'bench-platformatic', bootstrapBrokers, idempotent: true, acks: -1, autocreateTopics: false, serializers });
    return {
      async createTopic(topic, partitions) {
        await admin.createTopics({ topics: [topic], partitions, replicas: 1 });
      },
      async send(topic, messages) {
        await producer.send({ messages: messages.map((m) => ({ topic, key: m.key, value: m.value, headers: m.headers })) });
      },
      async consumeAll(topic, groupId, expected) {
        const deserializers = { key: stringDeserializer, headerKey: stringDeserializer, headerValue: stringDeserializer };
        const consumer = new Consumer({ clientId: 'bench-platformatic', groupId, bootstrapBrokers, deserializers });
        const stream = await consumer.consume({ topics: [topic], mode: 'committed', fallbackMode: 'earliest', autocommit: false });
        let count = 0;
        let pending = [];
        for await (const message of stream) {
          count++;
          pending.push(message);
          // Manual commit every 200 handled messages (commit() stores offset + 1, merged per partition).
          // Not awaited until the end, as in our adapter: an awaited commit stalls this client's fetching.
          if (pending.length >= 200 || count >= expected) {
            const lastPerPartition = new Map(pending.map((m) => [m.partition, m]));
            const commits = Promise.all([...lastPerPartition.values()].map((m) => m.commit()));
            if (count >= expected) await commits;
            else commits.catch(() => undefined);
            pending = [];
          }
          if (count >= expected) break;
        }
        const offsets = await consumer.listCommittedOffsets({ topics: [{ topic, partitions: [0, 1, 2] }] });
        await stream.close();
        await consumer.close(true);
        const committed = [...offsets.get(topic)].reduce((sum, o) => sum + Number(o), 0);
        return { count, committed };
      },
      async close() {
        await producer.close();
        await admin.close();
      },
    };
  },
};
