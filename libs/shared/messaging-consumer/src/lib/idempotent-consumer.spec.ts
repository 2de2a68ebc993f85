import { randomUUID } from 'node:crypto';
import { deadLetterTopic, IntegrationEvent, OutgoingMessage, TopicSubscription, toKafkaMessage } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { eventually, InMemoryInbox } from '@lien/shared-messaging-testing';
import { listDeadLetters, redriveDeadLetters } from './dead-letters';
import { ConsumerOutcome, IntegrationEventHandler, startIdempotentConsumer } from './idempotent-consumer';

const topic = 'lien.luxembourg.cases.case-lifecycle.v1';

function caseOpenedEvent(caseId = randomUUID()): IntegrationEvent {
  return { id: randomUUID(), type: 'cases.CaseOpened.v1', source: '/lien/cases/luxembourg', subject: `case-${caseId}`, time: '2026-03-02T09:15:00.000Z', district: 'luxembourg', data: { caseId } };
}

describe('idempotent consumer', () => {
  let transport: ReturnType<typeof createEmbeddedTransport>;
  let inbox: InMemoryInbox;
  let outcomes: ConsumerOutcome[];
  let subscription: TopicSubscription | undefined;

  beforeEach(async () => {
    transport = createEmbeddedTransport();
    inbox = new InMemoryInbox();
    outcomes = [];
    await transport.admin.createTopics([{ name: topic, partitions: 3 }]);
  });

  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
  });

  async function start(handle: IntegrationEventHandler<string[]>['handle']): Promise<void> {
    subscription = await startIdempotentConsumer({
      consumer: transport.consumer,
      producer: transport.producer,
      admin: transport.admin,
      inbox,
      handler: { groupId: 'reporting.case-counts', topics: [topic], handle },
      retry: { attempts: 3, initialDelayMs: 1 },
      onOutcome: (o) => outcomes.push(o),
    });
  }

  const countOpened = async (event: { data: { [key: string]: unknown } }, tx: string[]) => void tx.push(String(event.data['caseId']));
  const send = (...messages: OutgoingMessage[]) => transport.producer.send(messages);
  const dlq = () => transport.log.partitions(deadLetterTopic(topic)).flat();

  it('given a message delivered twice, when both are consumed, then the effect is applied once', async () => {
    const event = caseOpenedEvent();
    await start(countOpened);

    await send(toKafkaMessage(topic, event), toKafkaMessage(topic, event));
    await eventually('both deliveries', () => outcomes.length === 2);

    expect(inbox.effects).toEqual([event.data['caseId']]);
    expect(outcomes.map((o) => o.kind)).toEqual(['handled', 'duplicate']);
  });

  it('given a handler that fails twice and then succeeds, when the message is consumed, then it is retried and applied once', async () => {
    let failures = 2;
    await start(async (event, tx) => {
      if (failures-- > 0) throw new Error('read model busy');
      await countOpened(event, tx);
    });

    await send(toKafkaMessage(topic, caseOpenedEvent()));
    await eventually('the handling', () => outcomes.some((o) => o.kind === 'handled'));

    expect(outcomes.map((o) => o.kind)).toEqual(['retrying', 'retrying', 'handled']);
    expect(inbox.effects).toHaveLength(1);
  });

  it('given a message that always fails, when its retries are spent, then it goes to the dead-letter topic and the next message of the partition is handled', async () => {
    const caseId = randomUUID();
    const poison = caseOpenedEvent(caseId);
    const next = caseOpenedEvent(caseId);
    await start(async (event, tx) => {
      if (event.id === poison.id) throw new Error('cannot count this case');
      await countOpened(event, tx);
    });

    await send(toKafkaMessage(topic, poison), toKafkaMessage(topic, next));
    await eventually('the next message handled', () => inbox.effects.length === 1);

    expect(dlq()).toHaveLength(1);
    expect(dlq()[0].headers).toMatchObject({ ce_id: poison.id, dlq_original_topic: topic, dlq_original_offset: '0', dlq_consumer_group: 'reporting.case-counts', dlq_error: 'cannot count this case', dlq_attempts: '3' });
  });

  it('given a record that is not a CloudEvent, when consumed, then it goes to the dead letters at once, without retries', async () => {
    await start(countOpened);

    await send({ topic, key: 'case-x', value: Buffer.from('hello'), headers: {} });
    await eventually('the dead letter', () => dlq().length === 1);

    expect(outcomes.map((o) => [o.kind, o.attempt])).toEqual([['dead-lettered', 1]]);
    expect(dlq()[0].headers['dlq_error_type']).toBe('InvalidCloudEvent');
  });

  it('given dead letters and a fixed handler, when they are re-driven, then each is handled once and listing still shows them', async () => {
    let broken = true;
    await start(async (event, tx) => {
      if (broken) throw new Error('bug in the projection');
      await countOpened(event, tx);
    });
    await send(toKafkaMessage(topic, caseOpenedEvent()), toKafkaMessage(topic, caseOpenedEvent()));
    await eventually('two dead letters', () => dlq().length === 2);

    broken = false;
    const { redriven } = await redriveDeadLetters(transport, deadLetterTopic(topic));
    await eventually('both handled', () => inbox.effects.length === 2);
    await redriveDeadLetters(transport, deadLetterTopic(topic));
    await eventually('the second re-drive seen as duplicates', () => outcomes.filter((o) => o.kind === 'duplicate').length === 2);

    expect(redriven.map((l) => l.error)).toEqual(['bug in the projection', 'bug in the projection']);
    expect(inbox.effects).toHaveLength(2);
    expect(await listDeadLetters(transport, deadLetterTopic(topic))).toHaveLength(2);
  });
});
