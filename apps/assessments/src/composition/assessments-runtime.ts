import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PoolClient } from 'pg';
import { InvalidCloudEvent, TopicSubscription } from '@lien/shared-messaging';
import { startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { PostgresInbox } from '@lien/shared-messaging-postgres';
import { openRelayCheckpoints } from '@lien/shared-wiring';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { Relay } from '@lien/shared-relay';
import { ASSESSMENTS_SERVICE } from '@lien/assessments-contracts';
import {
  CaseFileRepository, caseFactsHandler, caseFactTopics, raiseDueReportTasks, ReportDeadlinesProjector, ReportTrackerRun, translateCaseFileEvent, UnreadableContract,
} from '@lien/assessments-application';
import { ASSESSMENTS_INFRASTRUCTURE } from './assessments.tokens';
import type { AssessmentsInfrastructure } from './assessments-infrastructure';

const TRACKER_EVERY_MS = 6 * 3600 * 1000;

/**
 * The service's background work: the deadlines projector, the relay (own events → contracts, checkpoint
 * after ack), the consumer of referrals and sessions contracts, and the report due-date tracker.
 */
@Injectable()
export class AssessmentsRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AssessmentsRuntime');
  private projector?: ReportDeadlinesProjector;
  private relay?: Relay;
  private consumer?: TopicSubscription;
  private tracker?: NodeJS.Timeout;

  constructor(
    @Inject(ASSESSMENTS_INFRASTRUCTURE) private readonly infra: AssessmentsInfrastructure,
    private readonly db: DistrictScopedDatabase,
    private readonly files: CaseFileRepository,
  ) {}

  get projectorRunning(): boolean {
    return this.projector !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { infra } = this;
    this.projector = new ReportDeadlinesProjector(infra.rawStore, infra.dataSource, this.db, infra.tables);
    await this.projector.start();
    this.projector.done.catch((error: unknown) => this.logger.error(`deadlines projector stopped: ${error instanceof Error ? error.name : 'error'}`));

    const checkpoints = await openRelayCheckpoints(infra.pool, infra.operationalSchema, { transport: infra.transport, durable: infra.durableTransport });
    this.relay = new Relay({ name: 'assessments-relay', service: ASSESSMENTS_SERVICE, store: infra.rawStore, producer: infra.transport.producer, checkpoints, translate: translateCaseFileEvent, admin: infra.transport.admin, filter: { categories: ['assessmentfile'] } });
    await this.relay.start();

    const inbox = new PostgresInbox(infra.pool, { schema: infra.operationalSchema });
    await inbox.migrate();
    await infra.transport.admin.createTopics(caseFactTopics(infra.districts).map((name) => ({ name, partitions: 3 })));
    this.consumer = await startIdempotentConsumer<PoolClient>({
      consumer: infra.transport.consumer,
      producer: infra.transport.producer,
      admin: infra.transport.admin,
      inbox,
      handler: caseFactsHandler<PoolClient>(this.files, infra.districts),
      isPermanent: (error) => error instanceof InvalidCloudEvent || error instanceof UnreadableContract,
      retry: { attempts: 5, initialDelayMs: 200 },
    });

    this.tracker = setInterval(() => void this.runReportTracker().catch((error: unknown) => this.logger.error(`report tracker failed: ${error instanceof Error ? error.name : 'error'}`)), TRACKER_EVERY_MS);
    this.tracker.unref();
  }

  /** One pass of the due-date tracker; also what the tests call instead of waiting hours. */
  runReportTracker(): Promise<ReportTrackerRun> {
    return raiseDueReportTasks(this.files, this.db, this.infra.tables, this.infra.districts, this.infra.clock(), this.infra.reportLeadDays);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.tracker) clearInterval(this.tracker);
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.projector?.stop();
    await this.infra.close();
  }
}
