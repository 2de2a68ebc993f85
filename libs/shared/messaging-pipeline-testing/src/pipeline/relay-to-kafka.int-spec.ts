import { CloudEvent, Kafka, KafkaMessage } from 'cloudevents';
import { readWithConsoleConsumer } from '../lib/kafka-tools';
import { PipelineFixture } from '../lib/pipeline-fixture';
import { requiredEnv } from '@lien/shared-testing';

jest.setTimeout(120_000);

describe('relay to a real Kafka broker, read by Kafka’s own console consumer', () => {
  let pipeline: PipelineFixture;

  beforeAll(async () => {
    pipeline = await PipelineFixture.open(requiredEnv('DATABASE_URL'), requiredEnv('KAFKA_BROKERS'));
  });

  afterAll(async () => {
    await pipeline.close();
  });

  it('given cases opened in the PostgreSQL event store, when the relay runs, then the console consumer reads CloudEvents the official SDK accepts, keyed by stream, without personal data outside the value', async () => {
    const eventIds = await pipeline.openCases(3);
    const relay = await pipeline.startRelay();

    const records = await readWithConsoleConsumer(requiredEnv('KAFKA_BROKERS'), pipeline.topic, 3);
    await relay.stop();

    const events = records.map((r) => {
      const message: KafkaMessage<string> = { key: r.key, value: r.value, headers: r.headers, body: undefined };
      return Kafka.toEvent(message) as CloudEvent<{ caseId: string; urgency: string }>;
    });
    expect(events.map((e) => e.id).sort()).toEqual([...eventIds].sort());
    for (const [i, event] of events.entries()) {
      expect(event.validate()).toBe(true);
      expect(event).toMatchObject({ specversion: '1.0', type: 'cases.CaseOpened.v1', source: `/lien/cases/${pipeline.district}`, district: pipeline.district, datacontenttype: 'application/json' });
      expect(event.subject).toBe(records[i].key);
      expect(records[i].key).toBe(`case-${event.data?.caseId}`);
      expect(JSON.stringify(records[i].headers) + records[i].key).not.toContain('Marie');
    }
    expect(await pipeline.checkpoints.load('cases-relay')).toBeDefined();
  });
});
