import { Module, Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { MessageTransport } from '@lien/shared-messaging';
import { DEFAULT_REPORTING_POLICY, DistrictCatalogue } from '@lien/reporting-application';
import { ReportingModule } from '../reporting.module';

export interface ReportingTestModule {
  readonly module: Type<unknown>;
  readonly schema: string;
  dropSchema(): Promise<void>;
}

/** The workspace's districts (`config/districts.json`), as the service reads them. */
export function workspaceCatalogue(): DistrictCatalogue {
  return DistrictCatalogue.fromJson(JSON.parse(readFileSync(join(__dirname, '../../../../config/districts.json'), 'utf8')));
}

/** The real service on its own schema of the test database, at a fixed date, on the given transport. */
export interface ReportingTestOptions {
  readonly transport?: MessageTransport;
  readonly now?: string;
  /** Real Kafka: the service opens its own transport, as in production. */
  readonly kafkaBrokers?: readonly string[];
  readonly catalogue?: DistrictCatalogue;
  readonly consumerGroup?: string;
}

export function reportingTestModule(databaseUrl: string, options: ReportingTestOptions = {}): ReportingTestModule {
  const schema = `reporting_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const now = new Date(options.now ?? '2026-03-02T09:00:00.000Z');

  @Module({
    imports: [
      ReportingModule.forRoot({
        infrastructure: { mode: 'real', databaseUrl, ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}) },
        schema,
        catalogue: options.catalogue ?? workspaceCatalogue(),
        ...(options.consumerGroup ? { consumerGroup: options.consumerGroup } : {}),
        policy: DEFAULT_REPORTING_POLICY,
        clock: () => now,
        ...(options.transport ? { transport: options.transport } : {}),
      }),
    ],
  })
  class ReportingUnderTest {}

  return {
    module: ReportingUnderTest,
    schema,
    async dropSchema() {
      const pool = new Pool({ connectionString: databaseUrl, max: 1 });
      try {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
