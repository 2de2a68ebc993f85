// The kafkajs side of tools/bench/kafka-clients.mjs: the same operations, done the kafkajs way.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const kafkajsClient = {
  name: 'kafkajs',
  package: 'kafkajs',
  version: require('kafkajs/package.json').version,
  async open(brokers) {
    const { Kafka, logLevel } = require('kafkajs');
    const kafka = new Kafka({ clientId: 'bench-kafkajs', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    // KIP-98: idempotence needs acks=all and at most 5 (kafkajs: 1) requests in flight.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    return {
      async createTopic(topic, partitions) {
        await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true });
      },
      async send(topic, messages) {
        await producer.send({ topic, acks: -1, messages });
      },
      async consumeAll(topic, groupId, expected) {
        const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        let count = 0;
        await new Promise((resolveAll, rejectAll) => {
          consumer
            .run({
              autoCommit: false,
              eachBatch: async ({ batch, resolveOffset }) => {
                for (const message of batch.messages) {
                  count++;
                  resolveOffset(message.offset);
                }
                // Manual commit after the batch is handled: the next offset to read.
                await consumer.commitOffsets([{ topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
                if (count >= expected) resolveAll();
              },
            })
            .catch(rejectAll);
        });
        await consumer.disconnect();
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const committed = offsets.partitions.reduce((sum, p) => sum + Number(p.offset), 0);
        return { count, committed };
      },
      async close() {
        await producer.disconnect();
        await admin.disconnect();
      },
    };
  },
};
