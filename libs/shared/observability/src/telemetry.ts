/**
 * The entry a service's main file imports first: tracing and metrics without NestJS, `pg` or `http`,
 * which must load only after `startProcessTelemetry` so the instrumentations can patch them.
 */
export * from './lib/process-telemetry';
export * from './lib/span-attributes';
