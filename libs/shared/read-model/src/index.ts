export * from './lib/district-isolation.sql';
export * from './lib/district-scoped-database';
