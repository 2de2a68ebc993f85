import { startProcessTelemetry } from '@lien/shared-observability/telemetry';

// Imported first by main.ts, once for the four services: one tracer provider and one metrics registry
// for the process. Spans leave it only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector.
startProcessTelemetry({ serviceName: 'lien' });
