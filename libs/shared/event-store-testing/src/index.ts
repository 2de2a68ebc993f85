export type { EventStoreFactory, EventStoreUnderTest, TamperWithStoredEvent } from './lib/contract/contract-context';
export * from './lib/contract/describe-event-store-contract';
export * from './lib/eventually';
export * from './lib/test-events';
