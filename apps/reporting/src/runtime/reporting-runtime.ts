import { Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageTransport } from '@lien/shared-messaging';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { InfrastructureConfig, openServiceTransport } from '@lien/shared-wiring';
import { openReportingDatabase, ReportingProjection, ReportingQueries } from '@lien/reporting-application';
import { ReportingOptions } from './reporting-options';

export type RealReportingOptions = ReportingOptions & { readonly infrastructure: Extract<InfrastructureConfig, { mode: 'real' }> };

/** The read model, its consumer and its queries, opened in order and closed in reverse. */
export class ReportingRuntime implements OnModuleDestroy {
  private readonly logger = new Logger('reporting');

  private constructor(
    readonly dataSource: DataSource,
    readonly transport: MessageTransport,
    readonly projection: ReportingProjection,
    readonly queries: ReportingQueries,
    private readonly ownsTransport: boolean,
  ) {}

  static async open(options: RealReportingOptions): Promise<ReportingRuntime> {
    const { infrastructure } = options;
    const dataSource = await openReportingDatabase(infrastructure.databaseUrl, options.schema);
    const database = new DistrictScopedDatabase(dataSource);
    const ownsTransport = options.transport === undefined;
    const transport = options.transport ?? openServiceTransport(infrastructure, 'lien-reporting').transport;
    const logger = new Logger('reporting');
    const projection = new ReportingProjection({
      dataSource,
      schema: options.schema,
      transport,
      districts: options.catalogue.codes,
      ...(options.consumerGroup ? { consumerGroup: options.consumerGroup } : {}),
      // Which record and what happened to it; never its payload.
      onOutcome: (o) => o.kind === 'dead-lettered' && logger.warn(`dead-lettered ${o.topic}#${o.partition}@${o.offset}`),
    });
    const queries = new ReportingQueries({ dataSource, database, schema: options.schema, catalogue: options.catalogue, policy: options.policy, clock: options.clock });
    await projection.start();
    return new ReportingRuntime(dataSource, transport, projection, queries, ownsTransport);
  }

  /** Ready when the read model answers and its consumer runs. */
  async checkReadModel(): Promise<void> {
    if (!this.projection.running) throw new Error('the reporting consumer is not running');
    await this.dataSource.query('SELECT 1');
  }

  async onModuleDestroy(): Promise<void> {
    await this.projection.stop().catch((error: unknown) => this.logger.warn(`consumer stop: ${error instanceof Error ? error.name : 'error'}`));
    if (this.ownsTransport) await this.transport.close().catch(() => undefined);
    await this.dataSource.destroy().catch(() => undefined);
  }
}
