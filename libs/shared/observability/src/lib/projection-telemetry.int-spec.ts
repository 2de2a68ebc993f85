import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { NewEvent } from '@lien/shared-event-store';
import { PostgresEventStore } from '@lien/shared-event-store-postgres';
import { requiredEnv } from '@lien/shared-testing';
import { Pool } from 'pg';
import { LienMetrics } from './lien-metrics';
import { followProjection } from './projection-telemetry';
import { startTelemetry } from './telemetry';

jest.setTimeout(60_000);

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const anEvent = (): NewEvent => ({
  type: 'test.ThingHappened.v1',
  data: { note: 'Zoé Fictive' },
  metadata: { district: 'namur', correlationId: 'c', causationId: 'c', actor: { userId: 'u-1', role: 'practitioner' }, occurredAt: '2026-01-01T00:00:00Z', traceparent: TRACEPARENT },
});

async function eventually(what: string, predicate: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a projection following the real PostgreSQL event store, measured', () => {
  const schema = `projection_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const exporter = new InMemorySpanExporter();
  let sdk: NodeSDK;
  let store: PostgresEventStore;

  beforeAll(async () => {
    sdk = startTelemetry({ serviceName: 'test', exporter, env: {} });
    store = await PostgresEventStore.connect({ connection: { connectionString: requiredEnv('DATABASE_URL'), max: 2 }, schema, pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await store?.close();
    const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL'), max: 1 });
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
    await sdk.shutdown();
  });

  it('given a slow projection, when events are appended, then its lag rises to the events left, falls to zero, and each write continues the stored trace', async () => {
    const metrics = new LienMetrics('test');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const applied: string[] = [];
    const subscription = followProjection('things', store, { handler: async (event) => void (await held, applied.push(event.id)) }, metrics);
    const lag = async () => {
      const text = await metrics.scrape();
      const line = text.split('\n').find((l) => l.startsWith('lien_projection_lag_events{') && l.includes('projection="things"'));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
    };
    try {
      for (let i = 0; i < 3; i++) await store.append(`thing-${randomUUID()}`, [anEvent()], { expectedRevision: 'no-stream' });
      await eventually('lag 3', async () => (await lag()) === 3);
      release();
      await eventually('lag 0', async () => (await lag()) === 0);
      expect(applied).toHaveLength(3);
      expect((await metrics.scrape()).split('\n').find((l) => l.startsWith('lien_projection_lag_seconds_count{') && l.includes('projection="things"'))).toMatch(/ 3$/);
      const provider = trace.getTracerProvider() as unknown as { getDelegate?: () => { forceFlush?: () => Promise<void> } };
      await provider.getDelegate?.().forceFlush?.();
      const spans = exporter.getFinishedSpans().filter((s) => s.name === 'project things');
      expect(spans).toHaveLength(3);
      expect(spans.every((s) => s.spanContext().traceId === '4bf92f3577b34da6a3ce929d0e0e4736' && s.parentSpanContext?.spanId === '00f067aa0ba902b7')).toBe(true);
      expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('Zoé');
    } finally {
      release();
      await subscription.stop();
    }
  });
});
