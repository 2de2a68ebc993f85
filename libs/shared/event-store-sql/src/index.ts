export * from './lib/append-feed';
export * from './lib/event-store-schema';
export * from './lib/log-position';
export * from './lib/migrations/event-store-migrations';
export * from './lib/migrations/migrate-event-store-schema';
export * from './lib/sql-event-store';
export * from './lib/sql-executor';
