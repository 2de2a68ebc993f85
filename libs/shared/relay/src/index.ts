export * from './lib/translator';
export * from './lib/relay';
export * from './lib/relay-telemetry';
