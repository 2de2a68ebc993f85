import { Checkpoint } from '@lien/shared-event-store';
import { CheckpointStore, deadLetterTopic } from '@lien/shared-messaging';
import { redriveDeadLetters } from '@lien/shared-messaging-consumer';
import { eventually } from '@lien/shared-messaging-testing';
import { readWithConsoleConsumer } from '../lib/kafka-tools';
import { PipelineFixture } from '../lib/pipeline-fixture';
import { requiredEnv } from '@lien/shared-testing';

jest.setTimeout(120_000);

/** A checkpoint store whose database is gone: the relay has produced, but cannot record it. */
class UnreachableCheckpoints extends CheckpointStore {
  attempts = 0;
  async load(): Promise<Checkpoint | undefined> {
    return undefined;
  }
  async save(): Promise<void> {
    this.attempts++;
    throw new Error('checkpoint database unreachable');
  }
}

describe('event store → relay → Kafka → idempotent consumer, with faults', () => {
  let pipeline: PipelineFixture;

  beforeEach(async () => {
    pipeline = await PipelineFixture.open(requiredEnv('DATABASE_URL'), requiredEnv('KAFKA_BROKERS'));
  });

  afterEach(async () => {
    await pipeline.close();
  });

  it('given a relay and a consumer running, when cases are opened, then each event has exactly one effect in the read model', async () => {
    await pipeline.startConsumer();
    await pipeline.startRelay();

    const ids = await pipeline.openCases(10);
    await eventually('ten effects', async () => (await pipeline.effectsPerEvent()).size === 10);

    const effects = await pipeline.effectsPerEvent();
    expect(ids.map((id) => effects.get(id))).toEqual(ids.map(() => 1));
  });

  it('given a relay killed after producing but before checkpointing, when it restarts, then the re-sent duplicates are absorbed by the consumer', async () => {
    await pipeline.startConsumer();
    const ids = await pipeline.openCases(5);
    const unreachable = new UnreachableCheckpoints();
    const crashing = await pipeline.startRelay({ checkpoints: unreachable });
    await eventually('a first effect', async () => (await pipeline.effectsPerEvent()).size > 0);
    await eventually('a failed checkpoint save', () => unreachable.attempts > 0);
    await crashing.kill();
    const producedBeforeCrash = crashing.relayedCount;

    await pipeline.startRelay();
    await eventually('five effects', async () => (await pipeline.effectsPerEvent()).size === 5);
    await eventually('every re-sent record seen as a duplicate', () => pipeline.outcomes.filter((o) => o.kind === 'duplicate').length === producedBeforeCrash);

    const effects = await pipeline.effectsPerEvent();
    expect(producedBeforeCrash).toBeGreaterThan(0);
    expect(ids.map((id) => effects.get(id))).toEqual([1, 1, 1, 1, 1]);
    expect(pipeline.outcomes.filter((o) => o.kind === 'handled')).toHaveLength(5);
  });

  it('given a poison record before a good event of the same case, when consumed, then the poison lands in the dead-letter topic and the partition moves on', async () => {
    const [goodId] = await pipeline.openCases(1);
    const [stored] = await pipeline.store.readAll({ filter: { districts: [pipeline.district] } }).then((p) => p.events);
    // Same key as the good event, so the same partition, before it: it must not block it.
    await pipeline.transport.producer.send([{ topic: pipeline.topic, key: stored.streamName, value: Buffer.from('{"caseId":'), headers: { ce_specversion: '1.0', ce_id: 'poison-1', 'content-type': 'application/json' } }]);
    await pipeline.startConsumer();
    await pipeline.startRelay();

    await eventually('the good event handled', async () => (await pipeline.effectsPerEvent()).get(goodId) === 1);
    const [dead] = await readWithConsoleConsumer(requiredEnv('KAFKA_BROKERS'), deadLetterTopic(pipeline.topic), 1);

    expect(dead.key).toBe(stored.streamName);
    expect(dead.value).toBe('{"caseId":');
    expect(dead.headers).toMatchObject({ ce_id: 'poison-1', dlq_original_topic: pipeline.topic, dlq_original_offset: '0', dlq_error_type: 'InvalidCloudEvent', dlq_attempts: '1' });
    expect(pipeline.outcomes.map((o) => o.kind)).toEqual(['dead-lettered', 'handled']);
  });

  it('given events dead-lettered by a handler bug, when the bug is fixed and they are re-driven, then each gets exactly one effect', async () => {
    let buggy = true;
    const readModel = pipeline.readModelHandler();
    await pipeline.startConsumer({
      handler: {
        ...readModel,
        handle: async (event, tx) => {
          if (buggy) throw new Error('projection bug');
          await readModel.handle(event, tx);
        },
      },
    });
    await pipeline.startRelay();
    const ids = await pipeline.openCases(3);
    await eventually('three dead letters', () => pipeline.outcomes.filter((o) => o.kind === 'dead-lettered').length === 3);

    buggy = false;
    const { redriven } = await redriveDeadLetters(pipeline.transport, deadLetterTopic(pipeline.topic));
    await eventually('three effects', async () => (await pipeline.effectsPerEvent()).size === 3);

    expect(redriven.map((l) => l.message.headers['ce_id']).sort()).toEqual([...ids].sort());
    const effects = await pipeline.effectsPerEvent();
    expect(ids.map((id) => effects.get(id))).toEqual([1, 1, 1]);
  });
});
