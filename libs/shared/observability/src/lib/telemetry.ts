import { context, propagation, ROOT_CONTEXT, trace, Span, SpanKind, SpanStatusCode, Attributes } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { SimpleSpanProcessor, SpanExporter, SpanProcessor, BatchSpanProcessor } from '@opentelemetry/sdk-trace';

export interface TelemetryOptions {
  readonly serviceName: string;
  /** Tests pass an in-memory exporter; otherwise OTLP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, else nothing. */
  readonly exporter?: SpanExporter;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Starts OpenTelemetry; must run before NestJS and `pg` are loaded, so the instrumentations can patch
 * them. With no exporter configured nothing leaves the process, but trace context still propagates.
 */
export function startTelemetry(options: TelemetryOptions): NodeSDK {
  const env = options.env ?? process.env;
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor({ exporter: options.exporter } as never));
  else if (env['OTEL_EXPORTER_OTLP_ENDPOINT']) processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() } as never));
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, 'service.namespace': 'lien' }),
    spanProcessors: processors,
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      // Statement text only, never bound values: parameters carry case data.
      // Without a parent, a query is a polling loop (relay, projections): no span, or each poll would be a trace.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  return sdk;
}

const tracer = () => trace.getTracer('lien');

/** The W3C `traceparent` of the active span, to store in event metadata. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/**
 * Runs `work` in a span that continues the trace of a stored or received `traceparent` (an event's
 * metadata, a Kafka header), so one trace follows a command from HTTP to the read model.
 */
export async function inSpan<T>(name: string, kind: SpanKind, traceparent: string | undefined, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
  return tracer().startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

export interface StartedSpan {
  readonly span: Span;
  /** The span's own W3C `traceparent`, to carry on to the next hop (a Kafka header). */
  readonly traceparent: string | undefined;
}

/**
 * Starts a span that continues `traceparent` without making it active: for work that ends later than
 * the call, such as a record whose span ends when the broker acknowledges its batch.
 */
export function startSpan(name: string, kind: SpanKind, traceparent: string | undefined, attributes: Attributes): StartedSpan {
  const parent = traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
  const span = tracer().startSpan(name, { kind, attributes }, parent);
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), carrier);
  return { span, traceparent: carrier['traceparent'] };
}

/** Ends a span as failed, naming only the error's class: messages can quote data. */
export function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
  span.end();
}

/**
 * Runs `work` outside any trace. Loops started while the application boots (relay, consumers,
 * projections) would otherwise inherit the boot span and add every poll to one endless trace.
 */
export function outsideAnyTrace<T>(work: () => T): T {
  return context.with(ROOT_CONTEXT, work);
}
