import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@lien/shared-event-store';
import { InMemoryEventStore } from '@lien/shared-event-store-memory';
import { DistrictScopedDatabase, serviceRoleSql } from '@lien/shared-read-model';
import { requiredEnv } from '@lien/shared-testing';
import { DataSource } from 'typeorm';
import { SAMPLE_METADATA, SAMPLE_REFERRAL_EVENTS } from '../../testing/referral-event-samples';
import { referralEventCodec } from '../codec/referral-event.codec';
import { ReferralEvent } from '@lien/referrals-domain';
import { ReferralProjectionRunner } from './referral-projection.runner';
import { ReferralReadModel } from './referral-read-model.queries';
import { REFERRAL_READ_MODEL_MIGRATIONS } from './referral-read-model.migrations';
import { REFERRAL_READ_MODEL_ENTITIES } from './referral-row.entity';
import { ReferralProjection } from './referral.projection';

/** The sample history of one referral, re-keyed to a fresh id: registered, waitlisted, accepted, renewed, closed. */
function historyOf(referralId: string): ReferralEvent[] {
  const [registered, waitlisted, accepted, opened, renewed, closed] = SAMPLE_REFERRAL_EVENTS;
  return [registered, waitlisted, accepted, opened, renewed, closed].map((event) => ({ ...(event as ReferralEvent), referralId }) as ReferralEvent);
}

describe('the referral read model in PostgreSQL', () => {
  const schema = `rm_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let dataSource: DataSource;
  let database: DistrictScopedDatabase;
  let store: InMemoryEventStore;
  const rows = () => dataSource.query(`SELECT * FROM ${schema}.referrals ORDER BY id`);

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: requiredEnv('DATABASE_URL'), schema, entities: REFERRAL_READ_MODEL_ENTITIES, migrations: REFERRAL_READ_MODEL_MIGRATIONS, extra: { max: 4 } });
    await dataSource.initialize();
    await dataSource.query(serviceRoleSql()).catch(() => dataSource.query(serviceRoleSql()));
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    await dataSource.runMigrations();
    database = new DistrictScopedDatabase(dataSource);
  });
  beforeEach(async () => {
    await dataSource.query(`TRUNCATE ${schema}.referrals, ${schema}.projection_checkpoints`);
    store = new InMemoryEventStore();
    for (const district of ['luxembourg', 'namur']) {
      const id = randomUUID();
      const events = historyOf(id).map((event) => ({ ...referralEventCodec.encode(event), metadata: { ...SAMPLE_METADATA, district } }));
      await store.append(`referral-${id}`, events, { expectedRevision: 'no-stream' });
    }
  });
  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource.destroy();
  });

  async function applyAll(events: readonly RecordedEvent[]): Promise<void> {
    const projection = new ReferralProjection();
    for (const event of events) await database.inDistrict(event.metadata.district, (manager) => projection.apply(manager, event));
  }

  it('given the whole log applied, when the same events are applied again, then the rows are exactly the same', async () => {
    const { events } = await store.readAll();
    await applyAll(events);
    const once = await rows();
    await applyAll(events);
    await applyAll([...events].reverse());
    expect(await rows()).toEqual(once);
    expect(once.map((r: { status: string; revision: string }) => [r.status, r.revision])).toEqual([['CLOSED', '5'], ['CLOSED', '5']]);
  });

  it('given two replicas projecting the same log at once, when both finish, then the rows are those of one pass', async () => {
    const { events } = await store.readAll();
    await Promise.all([applyAll(events), applyAll(events)]);
    const concurrent = await rows();
    await dataSource.query(`TRUNCATE ${schema}.referrals`);
    await applyAll(events);
    expect(concurrent).toEqual(await rows());
  });

  it('given a projection that ran, when it is rebuilt from the log, then it reaches the same rows', async () => {
    const runner = new ReferralProjectionRunner(store, dataSource, database);
    await runner.start();
    await runner.whenCaughtUp();
    const built = await rows();
    await runner.rebuild();
    await runner.whenCaughtUp();
    expect(await rows()).toEqual(built);
    expect(built).toHaveLength(2);
    await runner.stop();
  });

  it('given a restart, when the projection resumes from its checkpoint, then it applies only what is new', async () => {
    const runner = new ReferralProjectionRunner(store, dataSource, database);
    await runner.start();
    await runner.whenCaughtUp();
    await runner.stop();
    const id = randomUUID();
    await store.append(`referral-${id}`, [{ ...referralEventCodec.encode(historyOf(id)[0] as ReferralEvent), metadata: SAMPLE_METADATA }], { expectedRevision: 'no-stream' });
    await runner.start();
    await runner.whenCaughtUp();
    await runner.stop();
    expect(await rows()).toHaveLength(3);
  });

  it('given rows of two districts, when one district lists its referrals, then row-level security shows only its own', async () => {
    await applyAll((await store.readAll()).events);
    const readModel = new ReferralReadModel(database);
    const page = await readModel.list('namur', { limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.items.every((item) => item.district === 'namur')).toBe(true);
    expect((await readModel.list('hainaut', { limit: 10, offset: 0 })).total).toBe(0);
  });
});
