export * from './lib/postgres-checkpoint-store.adapter';
export * from './lib/postgres-inbox.adapter';
export * from './lib/postgres-lease.adapter';
