import { EventStore, Subscription } from '@lien/shared-event-store';

/** Alters the data of a stored event behind the store's back, as someone with database access could. */
export type TamperWithStoredEvent = (streamName: string, revision: bigint) => Promise<void>;

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Needed by the hash-chain test; an adapter without it fails that test rather than skipping it. */
  readonly tamper?: TamperWithStoredEvent;
  readonly dispose: () => Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreUnderTest>;

/** What each part of the contract gets: the store under test, created once per suite. */
export interface ContractContext {
  store(): EventStore;
  tamper(): TamperWithStoredEvent | undefined;
  /** Stops the subscription after the test, even when the test failed half-way. */
  track(subscription: Subscription): Subscription;
}
