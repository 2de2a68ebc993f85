export * from './lib/infrastructure-config';
export * from './lib/open-event-store';
export * from './lib/service-transport';
