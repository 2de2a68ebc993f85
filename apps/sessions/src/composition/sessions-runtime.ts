import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PoolClient } from 'pg';
import { TopicSubscription } from '@lien/shared-messaging';
import { startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { PostgresInbox } from '@lien/shared-messaging-postgres';
import { openRelayCheckpoints } from '@lien/shared-wiring';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { Relay } from '@lien/shared-relay';
import { caseOpenedHandler, PlanCommandRunner, referralTopics, SessionsProjector, translateSessionEvent, UnreadableCaseOpened } from '@lien/sessions-application';
import { SESSIONS_SERVICE } from '@lien/sessions-contracts';
import { InvalidCloudEvent } from '@lien/shared-messaging';
import { SESSIONS_INFRASTRUCTURE } from './sessions.tokens';
import type { SessionsInfrastructure } from './sessions-infrastructure';

/**
 * The service's background work: the projector (read models), the relay (own events → contracts on
 * Kafka, checkpoint after ack) and the consumer of case-opened contracts (idempotent, with dead letters).
 */
@Injectable()
export class SessionsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionsRuntime');
  private projector?: SessionsProjector;
  private relay?: Relay;
  private consumer?: TopicSubscription;

  constructor(
    @Inject(SESSIONS_INFRASTRUCTURE) private readonly infra: SessionsInfrastructure,
    private readonly db: DistrictScopedDatabase,
    private readonly runner: PlanCommandRunner,
  ) {}

  get projectorHealthy(): boolean {
    return this.projector !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { infra } = this;
    this.projector = new SessionsProjector(infra.store, infra.dataSource, this.db, infra.tables);
    await this.projector.start();
    this.projector.done.catch((error: unknown) => this.logger.error(`projector stopped: ${error instanceof Error ? error.name : 'error'}`));

    const checkpoints = await openRelayCheckpoints(infra.pool, infra.operationalSchema, { transport: infra.transport, durable: infra.durableTransport });
    this.relay = new Relay({ name: 'sessions-relay', service: SESSIONS_SERVICE, store: infra.rawStore, producer: infra.transport.producer, checkpoints, translate: translateSessionEvent, admin: infra.transport.admin, filter: { categories: ['sessionplan'] } });
    await this.relay.start();

    const inbox = new PostgresInbox(infra.pool, { schema: infra.operationalSchema });
    await inbox.migrate();
    await infra.transport.admin.createTopics(referralTopics(infra.districts).map((name) => ({ name, partitions: 3 })));
    this.consumer = await startIdempotentConsumer<PoolClient>({
      consumer: infra.transport.consumer,
      producer: infra.transport.producer,
      admin: infra.transport.admin,
      inbox,
      handler: caseOpenedHandler<PoolClient>(this.runner, infra.settings, infra.districts),
      // A contract that lacks whom to protect will not become readable by retrying.
      isPermanent: (error) => error instanceof InvalidCloudEvent || error instanceof UnreadableCaseOpened,
      retry: { attempts: 5, initialDelayMs: 200 },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.projector?.stop();
    await this.infra.close();
  }
}
