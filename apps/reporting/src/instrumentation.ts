import { startProcessTelemetry } from '@lien/shared-observability/telemetry';

// Imported first by main.ts. Spans leave the process only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector.
startProcessTelemetry({ serviceName: 'reporting' });
