export * from './lib/infrastructure-config';
export * from './lib/open-event-store';
