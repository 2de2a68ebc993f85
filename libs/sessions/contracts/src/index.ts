export * from './lib/session-lifecycle.contracts';
