export * from './lib/personal-field';
export * from './lib/key-store.port';
export * from './lib/field-cipher';
export * from './lib/personal-data-protector';
export * from './lib/protected-event-store';
export * from './lib/in-memory-key-store';
export * from './lib/postgres-key-store';
