export * from './lib/message';
export * from './lib/messaging.port';
export * from './lib/topic-name';
export * from './lib/cloud-event';
export * from './lib/dead-letter';
export * from './lib/checkpoint-store.port';
export * from './lib/inbox.port';
export * from './lib/lease.port';
