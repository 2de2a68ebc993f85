import { eventually } from '@lien/shared-messaging-testing';
import { OwnKafkaBroker } from '../lib/kafka-tools';
import { PipelineFixture } from '../lib/pipeline-fixture';
import { requiredEnv } from '@lien/shared-testing';

jest.setTimeout(300_000);

describe('broker stopped and restarted under a running relay and consumer', () => {
  let broker: OwnKafkaBroker;
  let pipeline: PipelineFixture;

  beforeAll(async () => {
    // Its own broker (own ports and data dir): stopping it leaves the test run's shared broker alone.
    broker = await OwnKafkaBroker.start();
    pipeline = await PipelineFixture.open(requiredEnv('DATABASE_URL'), broker.brokers);
  });

  afterAll(async () => {
    await pipeline?.close();
    await broker?.destroy();
  });

  it('given events before, during and after a broker outage, when the broker is back, then no event is lost and no effect is doubled', async () => {
    await pipeline.startConsumer();
    await pipeline.startRelay();
    const before = await pipeline.openCases(10);
    await eventually('the first ten effects', async () => (await pipeline.effectsPerEvent()).size === 10, 60_000);

    await broker.stop();
    const during = await pipeline.openCases(10);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Proof that the outage was real: nothing appended meanwhile got through.
    expect((await pipeline.effectsPerEvent()).size).toBe(10);
    await broker.restart();
    const restartedAt = Date.now();
    const after = await pipeline.openCases(10);

    const all = [...before, ...during, ...after];
    await eventually('thirty effects', async () => (await pipeline.effectsPerEvent()).size === 30, 120_000);
    // Recovery time, for the record: session timeout (10 s) plus backoff bound it.
    console.info(`all effects ${Math.round((Date.now() - restartedAt) / 1000)} s after the broker was back; consumer rejoins: ${pipeline.faults.consumerReconnects}`);
    const effects = await pipeline.effectsPerEvent();
    expect(all.map((id) => effects.get(id))).toEqual(all.map(() => 1));
    expect(effects.size).toBe(30);
  });
});
