export * from './lib/translator';
export * from './lib/relay';
