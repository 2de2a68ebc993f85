export * from './lib/kurrentdb-event-store.adapter';
export { MalformedKurrentDbUrl, parseKurrentDbUrl } from './lib/kurrentdb-connection-url';
export type { KurrentDbConnection } from './lib/kurrentdb-connection-url';
export { MalformedCheckpoint } from './lib/kurrentdb-checkpoint';
