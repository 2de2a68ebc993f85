export * from './lib/pg-pool-database';
export * from './lib/postgres-event-store.adapter';
