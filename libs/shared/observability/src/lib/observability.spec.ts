import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { Writable } from 'node:stream';
import { LienMetrics } from './lien-metrics';
import { createLogger } from './structured-logger';
import { currentTraceparent, inSpan, startTelemetry } from './telemetry';
import { LienAttributes } from './span-attributes';

describe('tracing, logs and metrics', () => {
  const exporter = new InMemorySpanExporter();
  let sdk: NodeSDK;

  beforeAll(() => {
    sdk = startTelemetry({ serviceName: 'test', exporter, env: {} });
  });
  afterAll(async () => sdk.shutdown());
  beforeEach(() => exporter.reset());

  /** Export is asynchronous even with the simple processor: flush before looking. */
  async function finishedSpans() {
    const provider = trace.getTracerProvider() as unknown as { getDelegate?: () => { forceFlush?: () => Promise<void> } };
    await provider.getDelegate?.().forceFlush?.();
    return exporter.getFinishedSpans();
  }

  it('given a traceparent stored with an event, when a consumer continues it, then its span joins the same trace as a child', async () => {
    const stored = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await inSpan('consume referral.case-opened', SpanKind.CONSUMER, stored, { [LienAttributes.district]: 'namur' }, async () => undefined);
    const [span] = await finishedSpans();
    expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span?.attributes[LienAttributes.district]).toBe('namur');
  });

  it('given a command handled in a span, when its events are stamped, then their traceparent names that span', async () => {
    let stamped: string | undefined;
    await inSpan('command RegisterReferral', SpanKind.INTERNAL, undefined, {}, async () => {
      stamped = currentTraceparent();
    });
    const [span] = await finishedSpans();
    expect(stamped).toBe(`00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`);
  });

  it('given a failing step, when traced, then the span is marked as an error without the message', async () => {
    await expect(inSpan('append', SpanKind.INTERNAL, undefined, {}, async () => Promise.reject(new TypeError('Zoé Fictive')))).rejects.toThrow();
    const [span] = await finishedSpans();
    expect(span?.status).toEqual({ code: 2, message: 'TypeError' });
  });

  it('given a log line inside a span, when written, then it is JSON with trace ids and personal fields redacted', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger('test', 'info', sink);
    await inSpan('work', SpanKind.INTERNAL, undefined, {}, async () => logger.info({ child: { name: 'Zoé Fictive', id: 'c-1' } }, 'child registered'));
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ service: 'test', msg: 'child registered', child: { name: '[redacted]', id: 'c-1' } });
    expect(line.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('given commands handled, when Prometheus scrapes, then durations and outcomes by command type are exposed', async () => {
    const metrics = new LienMetrics('referrals');
    await metrics.timeCommand('RegisterReferral', async () => undefined);
    await expect(metrics.timeCommand('AcceptReferral', async () => Promise.reject(Object.assign(new Error('x'), { code: 'REFERRAL_DECLINED' })))).rejects.toThrow();
    const text = await metrics.registry.metrics();
    expect(text).toContain('lien_command_duration_seconds_count{service="referrals",command="RegisterReferral",outcome="ok"} 1');
    expect(text).toContain('outcome="REFERRAL_DECLINED"');
  });
});
