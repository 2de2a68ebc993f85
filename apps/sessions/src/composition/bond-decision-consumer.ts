import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { PoolClient } from 'pg';
import { InvalidCloudEvent, TopicSubscription } from '@lien/shared-messaging';
import { startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { PostgresInbox } from '@lien/shared-messaging-postgres';
import { assessmentTopics, bondDecisionHandler, PlanCommandRunner, UnreadableBondDecision } from '@lien/sessions-application';
import { SESSIONS_INFRASTRUCTURE } from './sessions.tokens';
import type { SessionsInfrastructure } from './sessions-infrastructure';

/**
 * Consumes the assessments service's co-signed bond decisions (idempotent, with dead letters), beside
 * the case-opened consumer of `SessionsRuntime`, in the same inbox table under its own group.
 */
@Injectable()
export class BondDecisionConsumer implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer?: TopicSubscription;
  private readonly inbox: PostgresInbox;

  constructor(
    @Inject(SESSIONS_INFRASTRUCTURE) private readonly infra: SessionsInfrastructure,
    private readonly runner: PlanCommandRunner,
  ) {
    this.inbox = new PostgresInbox(infra.pool, { schema: infra.operationalSchema });
  }

  /** Nest runs every init hook before any bootstrap hook: the inbox table exists before the runtime migrates it again, never both at once. */
  async onModuleInit(): Promise<void> {
    await this.inbox.migrate();
  }

  async onApplicationBootstrap(): Promise<void> {
    const { infra } = this;
    await infra.transport.admin.createTopics(assessmentTopics(infra.districts).map((name) => ({ name, partitions: 3 })));
    this.consumer = await startIdempotentConsumer<PoolClient>({
      consumer: infra.transport.consumer,
      producer: infra.transport.producer,
      admin: infra.transport.admin,
      inbox: this.inbox,
      handler: bondDecisionHandler<PoolClient>(this.runner, infra.districts),
      isPermanent: (error) => error instanceof InvalidCloudEvent || error instanceof UnreadableBondDecision,
      retry: { attempts: 5, initialDelayMs: 200 },
    });
  }

  /** Before the runtime's shutdown closes the transport and the pool this consumer uses. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
