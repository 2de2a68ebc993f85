import { describeEventStoreContract } from '@lien/shared-event-store-testing';
import { InMemoryEventStore } from './lib/in-memory-event-store.adapter';

/** Alters stored data the way a person with access to the storage could, to prove verification notices. */
class TamperableInMemoryEventStore extends InMemoryEventStore {
  async tamper(streamName: string, revision: bigint): Promise<void> {
    const index = this.log.findIndex((event) => event.streamName === streamName && event.revision === revision);
    const stored = this.log[index];
    if (!stored) throw new Error(`no stored event at ${streamName}@${revision}`);
    this.log[index] = { ...stored, data: { ...stored.data, altered: true } };
  }
}

describeEventStoreContract('in-memory', async () => {
  const store = new TamperableInMemoryEventStore();
  return { store, tamper: (streamName, revision) => store.tamper(streamName, revision), dispose: () => store.close() };
});
