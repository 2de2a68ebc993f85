import { Logger, OnModuleDestroy } from '@nestjs/common';
import { AccessLog } from '@lien/shared-access-log';
import { PgPoolDatabase } from '@lien/shared-event-store-postgres';
import { outsideAnyTrace, sampleOldestTransaction, withInstrumentedStore } from '@lien/shared-observability';
import { IdempotencyStore, PostgresIdempotencyStore } from '@lien/shared-http-conventions';
import { TopicAdmin } from '@lien/shared-messaging';
import { brokerCheck, DependencyCheck, eventStoreCheck } from '@lien/shared-platform';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { Relay } from '@lien/shared-relay';
import { InfrastructureConfig, openEventStore, OpenedEventStore, openRelayCheckpoints, openServiceTransport, ServiceTransport } from '@lien/shared-wiring';
import { DistrictCapacities, REFERRAL_CATEGORY, ReferralProjectionRunner, ReferralsApplication, translateReferralEvent } from '@lien/referrals-application';
import { REFERRALS_PUBLISHER } from '@lien/referrals-contracts';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { openReadModelDatabase } from './read-model-database';

export interface ReferralsRuntimeOptions {
  readonly infrastructure: Extract<InfrastructureConfig, { mode: 'real' }>;
  /** Names the service's schemas (`lien_<name>_events`, `lien_<name>_read`…); a test suite gives its own. */
  readonly name: string;
  readonly capacities: DistrictCapacities;
  /** Given by a host running several services in one process; otherwise Kafka when `KAFKA_BROKERS` is set. */
  readonly transport?: ServiceTransport;
}

/** Everything the service runs on, opened in order and closed in reverse. */
export class ReferralsRuntime implements OnModuleDestroy {
  private readonly logger = new Logger('referrals');
  private projectionFailed = false;
  readonly projection: ReferralProjectionRunner;

  private constructor(
    readonly events: OpenedEventStore,
    readonly pool: Pool,
    readonly dataSource: DataSource,
    database: DistrictScopedDatabase,
    readonly application: ReferralsApplication,
    readonly idempotency: IdempotencyStore,
    readonly accessLog: AccessLog,
    readonly capacities: DistrictCapacities,
    readonly relay: Relay | undefined,
    private readonly closeTransport: () => Promise<void>,
    private readonly brokerAdmin?: TopicAdmin,
  ) {
    this.projection = new ReferralProjectionRunner(events.store, dataSource, database, (error) => this.onProjectionFailure(error));
  }

  static async open(options: ReferralsRuntimeOptions): Promise<ReferralsRuntime> {
    const { infrastructure, name } = options;
    const serviceSchema = `lien_${name}`;
    const events = withInstrumentedStore(await openEventStore(infrastructure, name));
    const pool = new Pool({ connectionString: infrastructure.databaseUrl, max: 4 });
    pool.on('error', () => undefined);
    const stopSampling = sampleOldestTransaction(pool);
    const idempotency = new PostgresIdempotencyStore(new PgPoolDatabase(pool), { schema: serviceSchema });
    await idempotency.migrate();
    const dataSource = await openReadModelDatabase(infrastructure.databaseUrl, `lien_${name}_read`);
    const database = new DistrictScopedDatabase(dataSource);
    const logger = new Logger('referrals');
    const application = new ReferralsApplication({
      store: events.store,
      database,
      capacities: options.capacities,
      onPolicyError: (error) => logger.error(`waiting-list policy failed: ${error instanceof Error ? error.name : 'unknown'}`),
    });
    const opened = await openRelay(options, pool, serviceSchema, events);
    const { relay } = opened;
    const close = () => (stopSampling(), opened.close());
    const runtime = new ReferralsRuntime(events, pool, dataSource, database, application, idempotency, new AccessLog(events.raw), options.capacities, relay, close, opened.admin);
    // The projection's and relay's loops belong to no request: started outside the boot trace.
    await outsideAnyTrace(() => runtime.projection.start());
    await relay?.start();
    return runtime;
  }

  /** Ready when the read model answers and its projection is still following the log. */
  async checkReadModel(): Promise<void> {
    if (this.projectionFailed) throw new Error('the referral projection stopped');
    await this.dataSource.query('SELECT 1');
  }

  /** What readiness checks: the read model and its projection, the event store, and the broker when a relay runs. */
  dependencies(): DependencyCheck[] {
    return [{ name: 'read-model', check: () => this.checkReadModel() }, eventStoreCheck(this.events.raw), ...(this.brokerAdmin ? [brokerCheck(this.brokerAdmin)] : [])];
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop().catch(() => undefined);
    await this.projection.stop();
    await this.closeTransport().catch(() => undefined);
    await this.dataSource.destroy().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
    await this.events.close().catch(() => undefined);
  }

  private onProjectionFailure(error: unknown): void {
    this.projectionFailed = true;
    // The class only: a message could quote event data.
    this.logger.error(`referral projection stopped: ${error instanceof Error ? error.name : 'unknown'}`);
  }
}

/** Contracts go to the given transport, else to Kafka when brokers are configured; alone without either, no relay runs. */
async function openRelay(
  options: ReferralsRuntimeOptions,
  pool: Pool,
  schema: string,
  events: OpenedEventStore,
): Promise<{ relay?: Relay; admin?: TopicAdmin; close: () => Promise<void> }> {
  const shared = options.transport ?? (options.infrastructure.kafkaBrokers ? openServiceTransport(options.infrastructure, 'referrals-relay') : undefined);
  if (!shared) return { close: async () => undefined };
  const { transport } = shared;
  const relay = new Relay({
    name: 'referrals-relay',
    service: REFERRALS_PUBLISHER,
    // The sealed store: the translator reads only non-personal fields, so nothing needs opening.
    store: events.raw,
    producer: transport.producer,
    checkpoints: await openRelayCheckpoints(pool, schema, shared),
    translate: translateReferralEvent,
    admin: transport.admin,
    filter: { categories: [REFERRAL_CATEGORY] },
  });
  return { relay, admin: transport.admin, close: () => transport.close() };
}
