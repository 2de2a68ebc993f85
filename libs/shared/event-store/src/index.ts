export * from './lib/event-envelope';
export * from './lib/expected-revision';
export * from './lib/event-store.errors';
export * from './lib/event-store.port';
export * from './lib/event-hash';
export * from './lib/new-event-validation';
export * from './lib/stream-name';
