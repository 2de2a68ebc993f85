export * from './lib/collect-messages';
export * from './lib/message-transport.contract';
export * from './lib/example-contract';
