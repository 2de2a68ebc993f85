export * from './lib/embedded-log';
export * from './lib/embedded-transport';
