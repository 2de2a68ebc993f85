import { randomUUID } from 'node:crypto';
import { Admin } from '@platformatic/kafka';
import { requiredEnv } from '@lien/shared-testing';
import { parseBrokers } from './kafka-options';
import { createKafkaTransport } from './kafka-transport';

describe('consumer groups under the prefix the cluster ACLs allow', () => {
  const brokers = parseBrokers(requiredEnv('KAFKA_BROKERS'));
  const run = randomUUID().slice(0, 8);
  const prefix = `lien.prefix-test-${run}.`;
  const topic = `lien.prefix-test-${run}.referrals`;
  // Unique per run: the broker keeps the groups of earlier runs.
  const handlerGroup = `sessions.open-plan-${run}`;
  const transport = createKafkaTransport({ brokers, clientId: 'group-prefix-test', groupPrefix: prefix });
  const admin = new Admin({ clientId: 'group-prefix-test-admin', bootstrapBrokers: brokers });

  afterAll(async () => {
    await transport.close();
    await admin.close();
  });

  it('given a prefix, when a handler subscribes as sessions.open-plan-…, then the cluster knows the group only as <prefix>sessions.open-plan-… and the record is handled', async () => {
    await transport.admin.createTopics([{ name: topic, partitions: 1 }]);
    const handled: string[] = [];
    let received: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const subscription = await transport.consumer.subscribe({
      groupId: handlerGroup,
      topics: [topic],
      handler: async (message) => {
        handled.push(message.key);
        received();
      },
    });
    await transport.producer.send([{ topic, key: 'case-1', value: Buffer.from('{}'), headers: { ce_id: randomUUID() } }]);
    await arrived;

    const groups = [...(await admin.listGroups()).keys()];
    expect(handled).toEqual(['case-1']);
    expect(groups).toContain(`${prefix}${handlerGroup}`);
    expect(groups).not.toContain(handlerGroup);
    await subscription.stop();
  });
});
