import { randomUUID } from 'node:crypto';
import { Checkpoint, EventStore, RecordedEvent } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { fromKafkaMessage, MessageProducer, OutgoingMessage, topicName } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { caseNoteAdded, caseOpened, eventually, exampleTranslator, InMemoryCheckpointStore, InMemoryLeaseProvider } from '@lien/shared-messaging-testing';
import { Relay, RelayOptions } from './relay';

const topic = topicName({ district: 'luxembourg', service: 'cases', family: 'case-lifecycle', version: 1 });

describe('Relay', () => {
  let store: EventStore;
  let transport: ReturnType<typeof createEmbeddedTransport>;
  let checkpoints: InMemoryCheckpointStore;
  const relays: Relay[] = [];

  beforeEach(() => {
    store = new InMemoryEventStore();
    transport = createEmbeddedTransport();
    checkpoints = new InMemoryCheckpointStore();
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.kill()));
  });

  async function startRelay(overrides: Partial<RelayOptions> = {}): Promise<Relay> {
    const relay = new Relay({ name: 'cases-relay', service: 'cases', store, producer: transport.producer, checkpoints, translate: exampleTranslator, admin: transport.admin, retryDelayMs: 5, ...overrides });
    relays.push(relay);
    await relay.start();
    return relay;
  }

  const onTopic = () => (transport.log.partitions(topic) ?? []).flat().map(fromKafkaMessage);
  const topicExists = () => {
    try {
      transport.log.partitions(topic);
      return true;
    } catch {
      return false;
    }
  };

  it('given opened cases and a private note, when the relay runs, then each opening is on the district topic as a CloudEvent and the note is not', async () => {
    const caseId = randomUUID();
    await store.append(`case-${caseId}`, [caseOpened(caseId, 'luxembourg'), caseNoteAdded(caseId, 'luxembourg')], { expectedRevision: 'no-stream' });
    const [stored] = await store.readStream(`case-${caseId}`, { district: 'luxembourg' });

    await startRelay();
    await eventually('the event on its topic', () => topicExists() && onTopic().length === 1);

    expect(onTopic()[0]).toMatchObject({ id: stored.id, type: 'cases.CaseOpened.v1', source: '/lien/cases/luxembourg', subject: `case-${caseId}`, district: 'luxembourg', data: { caseId, urgency: 'high' } });
    expect(JSON.stringify(onTopic()[0].data)).not.toContain('Marie');
    expect(onTopic()[0].message.key).toBe(`case-${caseId}`);
  });

  it('given a relay that relayed events and stopped, when a new relay starts, then it continues after its checkpoint without sending anything twice', async () => {
    const first = randomUUID();
    await store.append(`case-${first}`, [caseOpened(first, 'luxembourg')], { expectedRevision: 'no-stream' });
    const relay = await startRelay();
    await eventually('the first event', () => topicExists() && onTopic().length === 1);
    await relay.stop();

    const second = randomUUID();
    await store.append(`case-${second}`, [caseOpened(second, 'luxembourg')], { expectedRevision: 'no-stream' });
    await startRelay();
    await eventually('the second event', () => onTopic().length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Two cases, two keys: possibly two partitions, so only the set (and its size) is compared.
    expect(onTopic().map((e) => e.data['caseId']).sort()).toEqual([first, second].sort());
  });

  it('given a broker that refuses the first sends, when it comes back, then every event arrives once, in order, and only then is the checkpoint saved', async () => {
    let refusals = 3;
    const saved: Checkpoint[] = [];
    const flaky = new (class extends MessageProducer {
      async send(messages: readonly OutgoingMessage[]) {
        if (refusals-- > 0) throw new Error('broker not available');
        await transport.producer.send(messages);
      }
      async close() {
        await transport.producer.close();
      }
    })();
    const watchingCheckpoints = new (class extends InMemoryCheckpointStore {
      override async save(name: string, checkpoint: Checkpoint) {
        expect(refusals).toBeLessThan(0);
        saved.push(checkpoint);
        await super.save(name, checkpoint);
      }
    })();
    const caseId = randomUUID();
    await store.append(`case-${caseId}`, [caseOpened(caseId, 'luxembourg'), caseOpened(caseId, 'luxembourg'), caseOpened(caseId, 'luxembourg')], { expectedRevision: 'no-stream' });

    await startRelay({ producer: flaky, checkpoints: watchingCheckpoints });
    await eventually('three events', () => topicExists() && onTopic().length === 3);

    const stored = await store.readStream(`case-${caseId}`, { district: 'luxembourg' });
    expect(onTopic().map((e) => e.id)).toEqual(stored.map((e: RecordedEvent) => e.id));
    expect(saved.length).toBeGreaterThan(0);
  });

  it('given a relay killed after producing but before its checkpoint was saved, when restarted, then it sends the same records again with the same ce_id', async () => {
    const stuckCheckpoints = new (class extends InMemoryCheckpointStore {
      override async save(): Promise<void> {
        throw new Error('database unavailable');
      }
    })();
    const caseId = randomUUID();
    await store.append(`case-${caseId}`, [caseOpened(caseId, 'luxembourg')], { expectedRevision: 'no-stream' });
    const crashing = await startRelay({ checkpoints: stuckCheckpoints });
    await eventually('the first send', () => topicExists() && onTopic().length === 1);
    await crashing.kill();

    await startRelay();
    await eventually('the re-send', () => onTopic().length === 2);

    const [sent, resent] = onTopic();
    expect(resent.id).toBe(sent.id);
    expect(checkpoints.saved.get('cases-relay')).toBeDefined();
  });

  it('given a translator that fails on an event, when the relay reaches it, then the relay stops there instead of skipping it', async () => {
    const caseId = randomUUID();
    await store.append(`case-${caseId}`, [caseOpened(caseId, 'luxembourg')], { expectedRevision: 'no-stream' });
    const relay = await startRelay({
      translate: () => {
        throw new Error('unknown shape');
      },
    });

    await expect(relay.done).rejects.toThrow('unknown shape');
    expect(topicExists()).toBe(false);
    expect(checkpoints.saved.size).toBe(0);
  });

  it('given two instances of one relay sharing a lease, when the active one stops, then the standby takes over from its checkpoint and nothing is sent twice', async () => {
    const lease = new InMemoryLeaseProvider();
    const first = randomUUID();
    await store.append(`case-${first}`, [caseOpened(first, 'luxembourg')], { expectedRevision: 'no-stream' });
    const active = await startRelay({ lease, leaseRetryMs: 5 });
    const standby = new Relay({ name: 'cases-relay', service: 'cases', store, producer: transport.producer, checkpoints, translate: exampleTranslator, admin: transport.admin, lease, leaseRetryMs: 5 });
    relays.push(standby);
    const standbyStarted = standby.start();
    await eventually('the first event', () => topicExists() && onTopic().length === 1);
    expect(standby.active).toBe(false);

    await active.stop();
    await standbyStarted;
    const second = randomUUID();
    await store.append(`case-${second}`, [caseOpened(second, 'luxembourg')], { expectedRevision: 'no-stream' });
    await eventually('the second event', () => onTopic().length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(standby.active).toBe(true);
    expect(onTopic().map((e) => e.data['caseId']).sort()).toEqual([first, second].sort());
  });
});
