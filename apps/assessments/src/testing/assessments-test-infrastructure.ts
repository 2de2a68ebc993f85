import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from '@lien/shared-event-store-postgres';
import { MessageTransport } from '@lien/shared-messaging';
import { createEmbeddedTransport } from '@lien/shared-messaging-embedded';
import { PersonalDataProtector, PostgresKeyStore, ProtectedEventStore } from '@lien/shared-personal-data';
import { AssessmentsInfrastructure, openAssessmentsInfrastructure } from '../composition/assessments-infrastructure';

/** A clock the tests move by hand: the time every command of the service carries. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => this.current;
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/**
 * The assessments service on the real PostgreSQL, in schemas and a service role of its own (so suites
 * run side by side), with the embedded transport unless a test brings Kafka. For the service's int-specs.
 */
export class AssessmentsTestInfrastructure {
  readonly suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  readonly schemas = { events: `assess_es_${this.suffix}`, keys: `assess_keys_${this.suffix}`, read: `assess_read_${this.suffix}`, operational: `assess_op_${this.suffix}` };
  readonly role = `lien_assess_${this.suffix}`;
  readonly clock = new TestClock(new Date('2026-04-02T08:00:00.000Z'));
  readonly transport: MessageTransport & { readonly log?: unknown };
  opened?: AssessmentsInfrastructure;

  constructor(
    private readonly databaseUrl: string,
    transport?: MessageTransport,
    readonly districts: readonly string[] = ['luxembourg', 'namur'],
  ) {
    this.transport = transport ?? createEmbeddedTransport();
  }

  open = async (): Promise<AssessmentsInfrastructure> => {
    const raw = await PostgresEventStore.connect({ connection: { connectionString: this.databaseUrl, max: 4 }, schema: this.schemas.events, pollIntervalMs: 100 });
    const keyPool = new Pool({ connectionString: this.databaseUrl, max: 2 });
    const keys = new PostgresKeyStore({ query: async (text, params) => (await keyPool.query(text, params as unknown[])).rows }, this.schemas.keys);
    await keys.migrate();
    this.opened = await openAssessmentsInfrastructure({
      eventStore: {
        store: new ProtectedEventStore(raw, new PersonalDataProtector(keys)),
        raw,
        close: async () => {
          await raw.close();
          await keyPool.end();
        },
      },
      databaseUrl: this.databaseUrl,
      readSchema: this.schemas.read,
      operationalSchema: this.schemas.operational,
      serviceRole: this.role,
      instrumentsDirectory: join(__dirname, '../../../../config/instruments'),
      districts: this.districts,
      transport: this.transport,
      clock: this.clock.now,
    });
    return this.opened;
  };

  async dropSchemas(): Promise<void> {
    const pool = new Pool({ connectionString: this.databaseUrl, max: 1 });
    try {
      for (const schema of Object.values(this.schemas)) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.query(`DROP ROLE IF EXISTS ${this.role}`);
    } finally {
      await pool.end();
    }
  }
}
