import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import { LienMetrics } from './lien-metrics';
import { startTelemetry } from './telemetry';

/**
 * One tracer provider and one metrics registry per process, whether it runs one service or the four
 * (the single-process host): a second start is a no-op, so every entry point may call it.
 */
interface ProcessTelemetry {
  sdk?: NodeSDK;
  metrics?: LienMetrics;
  serviceName: string;
}

const KEY = Symbol.for('lien.process-telemetry');
const holder = globalThis as unknown as { [KEY]?: ProcessTelemetry };

function state(): ProcessTelemetry {
  return (holder[KEY] ??= { serviceName: 'lien' });
}

export interface ProcessTelemetryOptions {
  readonly serviceName: string;
  readonly exporter?: SpanExporter;
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts tracing for this process once; must run before NestJS, `pg` and `http` are loaded. */
export function startProcessTelemetry(options: ProcessTelemetryOptions): NodeSDK {
  const current = state();
  if (current.sdk) return current.sdk;
  if (!current.metrics) current.serviceName = options.serviceName;
  current.sdk = startTelemetry(options);
  return current.sdk;
}

/** Stops tracing (flushing what is left); the next start begins afresh. */
export async function stopProcessTelemetry(): Promise<void> {
  const current = state();
  const sdk = current.sdk;
  current.sdk = undefined;
  await sdk?.shutdown();
}

/** The process's metrics: relays, consumers, the event store and commands all record here. */
export function processMetrics(): LienMetrics {
  const current = state();
  return (current.metrics ??= new LienMetrics(current.serviceName));
}
