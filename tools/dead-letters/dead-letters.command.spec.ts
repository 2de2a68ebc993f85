import { IntegrationEvent, toKafkaMessage } from '@lien/shared-messaging';
import { startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { eventually, InMemoryInbox } from '@lien/shared-messaging-testing';
import { runDeadLettersCommand } from './dead-letters.command';

const topic = 'lien.luxembourg.cases.case-lifecycle.v1';
const event = (id: string): IntegrationEvent => ({ id, type: 'cases.CaseOpened.v1', source: '/lien/cases/luxembourg', subject: `case-${id}`, time: '2026-03-02T09:15:00.000Z', district: 'luxembourg', data: { caseId: id, childName: 'Marie Dupont' } });

describe('dead-letters command', () => {
  it('given two dead letters, when listed and one is re-driven by id, then the listing shows both without payload and only that one goes back to its topic', async () => {
    const transport = createEmbeddedTransport();
    await transport.admin.createTopics([{ name: topic, partitions: 1 }]);
    const subscription = await startIdempotentConsumer({
      consumer: transport.consumer, producer: transport.producer, admin: transport.admin, inbox: new InMemoryInbox(),
      handler: { groupId: 'reporting.case-counts', topics: [topic], handle: async () => { throw new Error('projection bug'); } },
      retry: { attempts: 1 },
    });
    await transport.producer.send([toKafkaMessage(topic, event('a1')), toKafkaMessage(topic, event('b2'))]);
    await eventually('two dead letters', () => transport.log.partitions(`${topic}.dlq`).flat().length === 2);
    await subscription.stop();

    const listed: string[] = [];
    expect(await runDeadLettersCommand(['list', topic], transport, (l) => listed.push(l))).toBe(0);
    const redriven: string[] = [];
    expect(await runDeadLettersCommand(['redrive', `${topic}.dlq`, '--id', 'b2'], transport, (l) => redriven.push(l))).toBe(0);

    expect(listed).toHaveLength(3);
    expect(listed[0]).toContain('a1  cases.CaseOpened.v1  from lien.luxembourg.cases.case-lifecycle.v1/0@0  group reporting.case-counts');
    expect(listed[0]).toContain('Error: projection bug');
    expect(listed.join('\n')).not.toContain('Marie');
    expect(redriven.at(-1)).toBe('1 dead letter(s) re-driven to their original topics');
    expect(transport.log.partitions(topic).flat().map((m) => m.headers['ce_id'])).toEqual(['a1', 'b2', 'b2']);
  });

  it('given no topic, when run, then it prints the usage and exits with 2', async () => {
    const lines: string[] = [];
    expect(await runDeadLettersCommand(['list'], createEmbeddedTransport(), (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^usage:/);
  });
});
