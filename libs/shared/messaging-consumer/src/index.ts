export * from './lib/idempotent-consumer';
export * from './lib/dead-letters';
