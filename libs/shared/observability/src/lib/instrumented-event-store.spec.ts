import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { NewEvent, StreamRevisionConflict } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { InstrumentedEventStore } from './instrumented-event-store';
import { LienMetrics } from './lien-metrics';
import { inSpan, startTelemetry } from './telemetry';

const anEvent = (): NewEvent => ({
  type: 'test.ThingHappened.v1',
  data: { childName: 'Zoé Fictive' },
  metadata: { district: 'namur', correlationId: 'c', causationId: 'c', actor: { userId: 'u-1', role: 'practitioner' }, occurredAt: '2026-01-01T00:00:00Z' },
});

describe('the event store, measured and traced', () => {
  const exporter = new InMemorySpanExporter();
  let sdk: NodeSDK;
  let metrics: LienMetrics;
  let store: InstrumentedEventStore;

  beforeAll(() => {
    sdk = startTelemetry({ serviceName: 'test', exporter, env: {} });
  });
  afterAll(async () => sdk.shutdown());
  beforeEach(() => {
    exporter.reset();
    metrics = new LienMetrics('test');
    store = new InstrumentedEventStore(new InMemoryEventStore(), 'postgresql', metrics);
  });

  async function finishedSpans() {
    const provider = trace.getTracerProvider() as unknown as { getDelegate?: () => { forceFlush?: () => Promise<void> } };
    await provider.getDelegate?.().forceFlush?.();
    return exporter.getFinishedSpans();
  }

  it('given a command span, when its events are appended, then they carry the append span traceparent, a child of the command', async () => {
    await inSpan('command Test', SpanKind.INTERNAL, undefined, {}, () => store.append('thing-1', [anEvent()], { expectedRevision: 'no-stream' }));
    const [stored] = await store.readStream('thing-1', { district: 'namur' });
    const spans = await finishedSpans();
    const append = spans.find((s) => s.name === 'event-store append');
    const command = spans.find((s) => s.name === 'command Test');
    expect(stored.metadata.traceparent).toBe(`00-${append?.spanContext().traceId}-${append?.spanContext().spanId}-01`);
    expect(append?.parentSpanContext?.spanId).toBe(command?.spanContext().spanId);
    expect(append?.attributes).toMatchObject({ 'db.system.name': 'postgresql', 'lien.district': 'namur', 'lien.stream': 'thing-1', 'lien.stream.revision': '0' });
    expect(JSON.stringify(append?.attributes)).not.toContain('Zoé');
  });

  it('given a stale revision, when appended, then the conflict is counted and the append still timed', async () => {
    await store.append('thing-2', [anEvent()], { expectedRevision: 'no-stream' });
    await expect(store.append('thing-2', [anEvent()], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(StreamRevisionConflict);
    const text = await metrics.scrape();
    expect(text).toContain('lien_event_store_append_conflicts_total{service="test"} 1');
    expect(text).toContain('lien_event_store_append_duration_seconds_count{service="test"} 2');
  });

  it('given a sampler that hangs, when scraped, then the scrape still answers within the sample timeout', async () => {
    metrics.addSampler(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(metrics.scrape(100)).resolves.toContain('lien_event_store_append_conflicts_total');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
