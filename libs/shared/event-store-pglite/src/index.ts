export * from './lib/pglite-event-store.adapter';
