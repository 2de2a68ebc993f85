import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamRevisionConflict } from '@lien/shared-event-store';
import { EVENT_STORE_MIGRATIONS } from '@lien/shared-event-store-sql';
import { anEvent, aStreamName } from '@lien/shared-event-store-testing';
import { PgliteEventStore } from './lib/pglite-event-store.adapter';
import { requireVmModulesFlag } from './require-vm-modules-flag';

// Starting PGlite (initdb in WebAssembly) takes seconds on a busy 2-core machine.
jest.setTimeout(60_000);

const DISTRICT = 'namur';
const RACERS = 50;
let store: PgliteEventStore;

beforeAll(async () => {
  requireVmModulesFlag();
  store = await PgliteEventStore.open();
});

afterAll(async () => {
  await store?.close();
});

describe('one embedded session shared by concurrent callers', () => {
  it('given a stream at revision 0, when fifty appends race with expected revision 0, then exactly one wins and the others get StreamRevisionConflict', async () => {
    const stream = aStreamName();
    await store.append(stream, [anEvent({ metadata: { district: DISTRICT } })], { expectedRevision: 'no-stream' });
    const results = await Promise.allSettled(Array.from({ length: RACERS }, () => store.append(stream, [anEvent({ metadata: { district: DISTRICT } })], { expectedRevision: 0n })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected' && result.reason instanceof StreamRevisionConflict)).toHaveLength(RACERS - 1);
    expect((await store.readStream(stream, { district: DISTRICT })).map((event) => event.revision)).toEqual([0n, 1n]);
  });

  it('given twenty writers that each read the head and append with it as expected revision, retrying on conflict, then no update is lost and revisions are contiguous', async () => {
    const stream = aStreamName();
    const writers = 20;
    await store.append(stream, [anEvent({ metadata: { district: DISTRICT }, data: { writer: -1 } })], { expectedRevision: 'no-stream' });
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (;;) {
          const [head] = await store.readStream(stream, { district: DISTRICT, direction: 'backwards', maxCount: 1 });
          try {
            await store.append(stream, [anEvent({ metadata: { district: DISTRICT }, data: { writer } })], { expectedRevision: head?.revision ?? 'no-stream' });
            return;
          } catch (error) {
            if (!(error instanceof StreamRevisionConflict)) throw error;
            conflicts += 1;
          }
        }
      }),
    );
    const events = await store.readStream(stream, { district: DISTRICT });
    expect(events.map((event) => event.revision)).toEqual(Array.from({ length: writers + 1 }, (_, index) => BigInt(index)));
    expect(events.map((event) => event.data['writer']).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: writers + 1 }, (_, index) => index - 1));
    expect(conflicts).toBeGreaterThan(0);
    expect((await store.verifyStream(stream, { district: DISTRICT })).firstBreak).toBeUndefined();
  });

  it('given fifty appends to distinct streams at once, then all land, each once in the global log', async () => {
    const streams = Array.from({ length: RACERS }, () => aStreamName());
    const before = await store.readAll({ filter: { districts: ['dinant'] } });
    await Promise.all(streams.map((stream) => store.append(stream, [anEvent({ metadata: { district: 'dinant' } })], { expectedRevision: 'no-stream' })));
    const after = await store.readAll({ after: before.checkpoint, filter: { districts: ['dinant'] } });
    expect(after.events.map((event) => event.streamName).sort()).toEqual([...streams].sort());
  });

  it('given a transaction in progress, when another caller queries meanwhile, then it waits and never sees the uncommitted row', async () => {
    const db = store.database();
    await db.exec('CREATE TABLE queue_probe (n int)');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO queue_probe VALUES (1)');
        await held;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    const count = db.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_probe');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await transaction).toBe('roll back');
    expect(await count).toEqual([{ n: 0 }]);
  });
});

describe('persistence in a data directory', () => {
  it('given events appended and the store closed, when reopened on the same directory, then they read back with an intact hash chain and migrations are not re-run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lien-pglite-'));
    try {
      const stream = aStreamName();
      const first = await PgliteEventStore.open({ dataDir });
      await first.append(stream, [anEvent({ metadata: { district: DISTRICT } }), anEvent({ metadata: { district: DISTRICT } })], { expectedRevision: 'no-stream' });
      await first.close();
      const reopened = await PgliteEventStore.open({ dataDir });
      expect((await reopened.readStream(stream, { district: DISTRICT })).map((event) => event.revision)).toEqual([0n, 1n]);
      expect(await reopened.verifyStream(stream, { district: DISTRICT })).toEqual({ streamName: stream, eventsChecked: 2 });
      const [{ count }] = (await reopened.database().query<{ count: number }>('SELECT count(*)::int AS count FROM lien_events.schema_migrations')) as [{ count: number }];
      expect(count).toBe(EVENT_STORE_MIGRATIONS.length);
      await reopened.append(stream, [anEvent({ metadata: { district: DISTRICT } })], { expectedRevision: 1n });
      await reopened.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Two PGlite starts (initdb, then a reopen) in WebAssembly: minutes on a loaded 2-core machine.
  }, 240_000);
});
