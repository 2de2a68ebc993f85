import { IncomingMessage, MessageTransport, OutgoingMessage } from '@lien/shared-messaging';
import { collect, eventually, uniqueName } from './collect-messages';

export interface TransportFixture {
  readonly transport: MessageTransport;
  /** Releases what the fixture opened (broker connections); topics are unique per test, so none is deleted. */
  close(): Promise<void>;
}

function record(topic: string, key: string, n: number): OutgoingMessage {
  return { topic, key, value: Buffer.from(JSON.stringify({ n }), 'utf8'), headers: { ce_id: `id-${n}`, 'content-type': 'application/json' } };
}

const n = (m: IncomingMessage) => (JSON.parse(m.value?.toString('utf8') ?? 'null') as { n: number }).n;

/**
 * The behaviour the relay, the consumers and the dead-letter tool rely on, run against every
 * transport: Kafka in `*.int-spec.ts`, the embedded one in `*.spec.ts`.
 */
export function describeMessageTransportContract(name: string, open: () => Promise<TransportFixture>): void {
  describe(`MessageTransport contract: ${name}`, () => {
    let fixture: TransportFixture;
    let transport: MessageTransport;
    let topic: string;

    beforeEach(async () => {
      fixture = await open();
      transport = fixture.transport;
      topic = uniqueName('contract');
      await transport.admin.createTopics([{ name: topic, partitions: 3 }]);
    });

    afterEach(async () => {
      await fixture.close();
    });

    it('given records sent with one key, when a new group subscribes, then it receives all of them in order, with key, headers and value intact', async () => {
      await transport.producer.send([1, 2, 3, 4, 5].map((i) => record(topic, 'referral-a', i)));

      const received = await collect(transport, uniqueName('group'), [topic], 5);

      expect(received.map(n)).toEqual([1, 2, 3, 4, 5]);
      expect(received[0]).toMatchObject({ topic, key: 'referral-a', headers: { ce_id: 'id-1', 'content-type': 'application/json' } });
      expect(new Set(received.map((m) => m.partition)).size).toBe(1);
    });

    it('given a group that handled records and stopped, when it subscribes again, then it receives only what came after its commits', async () => {
      const group = uniqueName('group');
      await transport.producer.send([record(topic, 'referral-a', 1), record(topic, 'referral-b', 2)]);
      await collect(transport, group, [topic], 2);

      await transport.producer.send([record(topic, 'referral-c', 3)]);
      const received = await collect(transport, group, [topic], 1);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(received.map(n)).toEqual([3]);
    });

    it('given a handler that fails on a record, when the subscription stops on it, then the next member of the group receives that record again', async () => {
      const group = uniqueName('group');
      await transport.producer.send([record(topic, 'referral-a', 1), record(topic, 'referral-a', 2)]);
      const failing = await transport.consumer.subscribe({
        groupId: group,
        topics: [topic],
        handler: async (message) => {
          if (n(message) === 2) throw new Error('handler refused record 2');
        },
      });
      await expect(failing.done).rejects.toThrow('handler refused record 2');

      const received = await collect(transport, group, [topic], 1);

      expect(received.map(n)).toEqual([2]);
    });

    it('given two consumer groups, when records are sent, then each group receives every record', async () => {
      await transport.producer.send([record(topic, 'referral-a', 1), record(topic, 'referral-b', 2), record(topic, 'referral-c', 3)]);

      const [first, second] = await Promise.all([collect(transport, uniqueName('group'), [topic], 3), collect(transport, uniqueName('group'), [topic], 3)]);

      expect(first.map(n).sort()).toEqual([1, 2, 3]);
      expect(second.map(n).sort()).toEqual([1, 2, 3]);
    });

    it('given a live subscription, when records arrive later, then they are delivered without a new subscription', async () => {
      const received: IncomingMessage[] = [];
      const subscription = await transport.consumer.subscribe({ groupId: uniqueName('group'), topics: [topic], handler: async (m) => void received.push(m) });
      try {
        await transport.producer.send([record(topic, 'referral-a', 1)]);
        await eventually('the live record', () => received.length === 1);
      } finally {
        await subscription.stop();
      }
      expect(received.map(n)).toEqual([1]);
    });

    it('given records in a topic, when its end offsets are asked, then they add up to the number of records, and creating the topic again changes nothing', async () => {
      await transport.producer.send([record(topic, 'referral-a', 1), record(topic, 'referral-b', 2), record(topic, 'referral-c', 3)]);
      await transport.admin.createTopics([{ name: topic, partitions: 3 }]);

      const ends = await transport.admin.endOffsets(topic);

      expect(ends.size).toBe(3);
      expect([...ends.values()].reduce((sum, o) => sum + Number(o), 0)).toBe(3);
    });
  });
}
