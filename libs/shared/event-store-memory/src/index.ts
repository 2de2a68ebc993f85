export * from './lib/in-memory-event-store.adapter';
