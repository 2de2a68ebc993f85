export * from './lib/etag/revision-etag';
export * from './lib/etag/require-if-match';
export * from './lib/idempotency/idempotency-store.port';
export * from './lib/idempotency/postgres-idempotency-store';
export * from './lib/idempotency/idempotency.interceptor';
