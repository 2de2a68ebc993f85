import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { personal, readPersonal } from '@lien/shared-personal-data';
import { requiredEnv } from '@lien/shared-testing';
import { infrastructureFromEnv, InfrastructureConfigurationError } from './infrastructure-config';
import { openEventStore } from './open-event-store';

const metadata = { district: 'namur', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'practitioner' }, occurredAt: '2026-02-01T08:00:00.000Z' };

describe('choosing the real parts from the environment', () => {
  it('given nothing configured, when read, then the embedded default in the data folder', () => {
    expect(infrastructureFromEnv({ LIEN_DATA_DIR: '/tmp/lien-data' })).toEqual({ mode: 'embedded', dataDir: '/tmp/lien-data' });
  });

  it('given KAFKA_BROKERS without DATABASE_URL, when read, then a clear configuration error', () => {
    expect(() => infrastructureFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092' })).toThrow(InfrastructureConfigurationError);
  });

  it('given a malformed broker list, when read, then a clear configuration error', () => {
    expect(() => infrastructureFromEnv({ DATABASE_URL: 'postgres://x/y', KAFKA_BROKERS: 'kafka' })).toThrow(/host:port/);
  });

  it('given a database and brokers, when read, then the real parts', () => {
    expect(infrastructureFromEnv({ DATABASE_URL: 'postgres://x/y', KAFKA_BROKERS: 'a:1,b:2' })).toEqual({ mode: 'real', databaseUrl: 'postgres://x/y', kafkaBrokers: ['a:1', 'b:2'] });
  });

  it('given an event store database beside DATABASE_URL, when read, then both, the event stores apart', () => {
    expect(infrastructureFromEnv({ DATABASE_URL: 'postgres://x/read', EVENT_STORE_DATABASE_URL: 'postgres://x/events' })).toEqual({ mode: 'real', databaseUrl: 'postgres://x/read', eventStoreDatabaseUrl: 'postgres://x/events' });
  });

  it('given EVENT_STORE_DATABASE_URL without DATABASE_URL, when read, then a clear configuration error', () => {
    expect(() => infrastructureFromEnv({ EVENT_STORE_DATABASE_URL: 'postgres://x/events' })).toThrow(/EVENT_STORE_DATABASE_URL given without DATABASE_URL/);
  });

  describe('the consumer group prefix the cluster ACLs allow', () => {
    const real = { DATABASE_URL: 'postgres://x/y', KAFKA_BROKERS: 'a:1' };
    const prefixOf = (env: NodeJS.ProcessEnv) => (infrastructureFromEnv(env) as { kafkaGroupPrefix?: string }).kafkaGroupPrefix;

    it('given a district namespace (LIEN_DISTRICT), when read, then its groups go under lien.<district>.', () => {
      expect(prefixOf({ ...real, LIEN_DISTRICT: 'brabant-wallon' })).toBe('lien.brabant-wallon.');
    });

    it('given the central reporting (LIEN_DISTRICT=*), when read, then its groups go under lien.central.', () => {
      expect(prefixOf({ ...real, LIEN_DISTRICT: '*' })).toBe('lien.central.');
    });

    it('given KAFKA_GROUP_PREFIX, when read, then it wins; a malformed one is refused', () => {
      expect(prefixOf({ ...real, LIEN_DISTRICT: 'namur', KAFKA_GROUP_PREFIX: 'lien.staging.' })).toBe('lien.staging.');
      expect(() => infrastructureFromEnv({ ...real, KAFKA_GROUP_PREFIX: 'Lien staging' })).toThrow(/KAFKA_GROUP_PREFIX/);
    });

    it('given no district, several districts or no broker, when read, then no prefix', () => {
      expect(prefixOf(real)).toBeUndefined();
      expect(prefixOf({ ...real, LIEN_DISTRICT: 'namur,liege' })).toBeUndefined();
      expect(prefixOf({ ...real, LIEN_DISTRICT: 'unset' })).toBeUndefined();
      expect(prefixOf({ DATABASE_URL: 'postgres://x/y', LIEN_DISTRICT: 'namur' })).toBeUndefined();
    });
  });
});

describe.each(['embedded', 'postgres'] as const)('the %s event store as services get it', (mode) => {
  const service = `wiring${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'lien-wiring-'));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (mode === 'postgres') {
      const pool = new Pool({ connectionString: requiredEnv('DATABASE_URL') });
      await pool.query(`DROP SCHEMA IF EXISTS lien_${service}_events CASCADE; DROP SCHEMA IF EXISTS lien_${service}_keys CASCADE`);
      await pool.end();
    }
  });

  const config = () => (mode === 'embedded' ? { mode, dataDir } : { mode: 'real' as const, databaseUrl: requiredEnv('DATABASE_URL') });

  it('given a personal field appended, when read back after a reopen, then it is sealed at rest, readable, and erasable', async () => {
    const person = randomUUID();
    const stream = `referral-${randomUUID()}`;
    const first = await openEventStore(config(), service);
    await first.store.append(stream, [{ type: 'referrals.ChildAdded.v1', data: { name: personal(person, 'Zoé Fictive') }, metadata }], { expectedRevision: 'no-stream' });
    expect(JSON.stringify((await first.raw.readStream(stream, { district: 'namur' })).map((e) => e.data))).not.toContain('Zoé');
    await first.close();

    const reopened = await openEventStore(config(), service);
    const [event] = await reopened.store.readStream(stream, { district: 'namur' });
    expect(readPersonal(event?.data['name'])).toBe('Zoé Fictive');
    await reopened.keys.erase(person, 'namur');
    const [erased] = await reopened.store.readStream(stream, { district: 'namur' });
    expect(readPersonal(erased?.data['name'])).toEqual({ erased: true });
    expect((await reopened.raw.verifyStream(stream, { district: 'namur' })).firstBreak).toBeUndefined();
    await reopened.close();
    // PGlite's first start runs initdb in WebAssembly: tens of seconds on a loaded 2-core machine.
  }, 180_000);
});

describe('the event store in a database apart from the read models', () => {
  const service = `wiring${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  // The server's `postgres` database stands for the events database, the test database for the read models.
  const readModelUrl = () => requiredEnv('DATABASE_URL');
  const eventsUrl = () => readModelUrl().replace(/\/[^/?]+(\?|$)/, '/postgres$1');

  async function schemasIn(url: string): Promise<string[]> {
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      const { rows } = await pool.query<{ name: string }>('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE $1 ORDER BY 1', [`lien_${service}_%`]);
      return rows.map((r) => r.name);
    } finally {
      await pool.end();
    }
  }

  afterAll(async () => {
    for (const url of [readModelUrl(), eventsUrl()]) {
      const pool = new Pool({ connectionString: url, max: 1 });
      await pool.query(`DROP SCHEMA IF EXISTS lien_${service}_events CASCADE; DROP SCHEMA IF EXISTS lien_${service}_keys CASCADE`);
      await pool.end();
    }
  });

  it('given eventStoreDatabaseUrl, when an event with a personal field is appended, then the events and their keys are in that database and none in the read models one', async () => {
    const opened = await openEventStore({ mode: 'real', databaseUrl: readModelUrl(), eventStoreDatabaseUrl: eventsUrl() }, service);
    const stream = `referral-${randomUUID()}`;
    await opened.store.append(stream, [{ type: 'referrals.ChildAdded.v1', data: { name: personal(randomUUID(), 'Zoé Fictive') }, metadata }], { expectedRevision: 'no-stream' });
    await opened.close();

    expect(await schemasIn(eventsUrl())).toEqual([`lien_${service}_events`, `lien_${service}_keys`]);
    expect(await schemasIn(readModelUrl())).toEqual([]);
  }, 60_000);
});
