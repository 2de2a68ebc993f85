import { describeEventStoreContract } from '@lien/shared-event-store-testing';
import { PgliteEventStore } from './lib/pglite-event-store.adapter';
import { requireVmModulesFlag } from './require-vm-modules-flag';

// Starting PGlite (initdb in WebAssembly) takes seconds on a busy 2-core machine.
jest.setTimeout(60_000);

describeEventStoreContract('PGlite', async () => {
  requireVmModulesFlag();
  const store = await PgliteEventStore.open({ pollIntervalMs: 100 });
  return {
    store,
    tamper: async (streamName, revision) => {
      await store.database().query(`UPDATE lien_events.events SET data = data || '{"tampered": true}' WHERE stream_name = $1 AND revision = $2`, [streamName, revision.toString()]);
    },
    dispose: () => store.close(),
  };
});
