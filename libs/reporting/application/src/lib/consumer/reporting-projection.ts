import { DataSource, EntityManager } from 'typeorm';
import { MessageTransport, TopicSubscription } from '@lien/shared-messaging';
import { ConsumerOutcome, RetryPolicy, startIdempotentConsumer } from '@lien/shared-messaging-consumer';
import { InvalidCloudEvent } from '@lien/shared-messaging';
import { FACT_TABLES } from '../read-model/reporting-entities';
import { ConsumerGenerationEntity } from '../read-model/reporting-state.entities';
import { UnreadableContract } from '../projection/contract-fields';
import { ForeignDistrictContract, REPORTING_GROUP, reportingGroupId, reportingHandler } from './reporting.consumer';
import { reportingTopics } from './reporting-topics';
import { TypeOrmInbox } from './typeorm-inbox';

export interface ReportingProjectionOptions {
  readonly dataSource: DataSource;
  readonly schema: string;
  readonly transport: Pick<MessageTransport, 'consumer' | 'producer' | 'admin'>;
  readonly districts: readonly string[];
  readonly retry?: RetryPolicy;
  readonly onOutcome?: (outcome: ConsumerOutcome) => void;
  /** The consumer group's name before its generation suffix (default `reporting.indicators`). */
  readonly consumerGroup?: string;
}

/**
 * Keeps the reporting read model following the three services' contracts, and rebuilds it on demand:
 * the facts and the group's inbox are emptied in one transaction, and the next generation of the
 * consumer group reads every topic again from its beginning.
 */
export class ReportingProjection {
  private subscription?: TopicSubscription;
  private readonly inbox: TypeOrmInbox;
  private currentGeneration = 1;

  constructor(private readonly options: ReportingProjectionOptions) {
    this.inbox = new TypeOrmInbox(options.dataSource, options.schema);
  }

  private get group(): string {
    return this.options.consumerGroup ?? REPORTING_GROUP;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get running(): boolean {
    return this.subscription !== undefined;
  }

  async start(): Promise<void> {
    const { options } = this;
    const row = await options.dataSource.getRepository(ConsumerGenerationEntity).findOneBy({ name: this.group });
    this.currentGeneration = row?.generation ?? 1;
    await options.transport.admin.createTopics(reportingTopics(options.districts).map((name) => ({ name, partitions: 3 })));
    this.subscription = await startIdempotentConsumer<EntityManager>({
      consumer: options.transport.consumer,
      producer: options.transport.producer,
      admin: options.transport.admin,
      inbox: this.inbox,
      handler: reportingHandler(options.districts, this.currentGeneration, this.group),
      // A contract that cannot be read, or that claims another district, will not improve by retrying.
      isPermanent: (error) => error instanceof InvalidCloudEvent || error instanceof UnreadableContract || error instanceof ForeignDistrictContract,
      retry: options.retry ?? { attempts: 5, initialDelayMs: 200 },
      ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** For the operator: empty the facts and replay every topic into them. Published ministry reports stay as published. */
  async rebuild(): Promise<void> {
    await this.stop();
    const schema = this.options.schema;
    await this.options.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE ${FACT_TABLES.map((t) => `${schema}.${t}`).join(', ')}`);
      await this.inbox.forget(reportingGroupId(this.currentGeneration, this.group), manager);
      await manager.getRepository(ConsumerGenerationEntity).upsert({ name: this.group, generation: this.currentGeneration + 1 }, ['name']);
    });
    await this.start();
  }
}
