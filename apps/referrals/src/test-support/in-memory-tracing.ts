import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace';
import { startProcessTelemetry } from '@lien/shared-observability/telemetry';

/**
 * Imported first by a test file: tracing starts, with every finished span kept in memory, before NestJS,
 * `pg` and `http` load, as the service's own `instrumentation.ts` does.
 */
export const spanExporter = new InMemorySpanExporter();
startProcessTelemetry({ serviceName: 'referrals', exporter: spanExporter, env: {} });

/** Export is asynchronous even with the simple processor: flush before looking. */
export async function finishedSpans(): Promise<ReadableSpan[]> {
  const provider = trace.getTracerProvider() as unknown as { getDelegate?: () => { forceFlush?: () => Promise<void> } };
  await provider.getDelegate?.().forceFlush?.();
  return spanExporter.getFinishedSpans();
}
