export * from './lib/span-attributes';
export * from './lib/telemetry';
export * from './lib/lien-metrics';
export * from './lib/structured-logger';
export * from './lib/metrics.controller';
