import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AccessLog, AuditedCaseReadInterceptor } from '@lien/shared-access-log';
import { IdempotencyInterceptor, IdempotencyStore, IfMatchInterceptor, PostgresIdempotencyStore } from '@lien/shared-http-conventions';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { CaseFileRepository } from '@lien/assessments-application';
import { ASSESSMENTS_INFRASTRUCTURE } from './composition/assessments.tokens';
import { AssessmentsInfrastructure } from './composition/assessments-infrastructure';
import { AssessmentsRuntime } from './composition/assessments-runtime';
import { AssessmentsController } from './http/assessments.controller';
import { BondDecisionsController } from './http/bond-decisions.controller';
import { CommandContextFactory } from './http/command-context.factory';
import { ReportsController } from './http/reports.controller';

const INFRA = [ASSESSMENTS_INFRASTRUCTURE];

/** The table of contents of the assessments service: what is built from what. */
const providers: Provider[] = [
  { provide: DistrictScopedDatabase, inject: INFRA, useFactory: (i: AssessmentsInfrastructure) => new DistrictScopedDatabase(i.dataSource, i.tables.role) },
  { provide: CaseFileRepository, inject: INFRA, useFactory: (i: AssessmentsInfrastructure) => new CaseFileRepository(i.store) },
  { provide: AccessLog, inject: INFRA, useFactory: (i: AssessmentsInfrastructure) => new AccessLog(i.store) },
  {
    provide: IdempotencyStore,
    inject: INFRA,
    useFactory: async (i: AssessmentsInfrastructure) => {
      const store = new PostgresIdempotencyStore({ query: async (text, params) => (await i.pool.query(text, params as unknown[])).rows }, { schema: i.operationalSchema });
      await store.migrate();
      return store;
    },
  },
  AuditedCaseReadInterceptor,
  IdempotencyInterceptor,
  IfMatchInterceptor,
  CommandContextFactory,
  AssessmentsRuntime,
];

@Module({})
export class AssessmentsApiModule {
  /** `open` opens the real parts (or a test's own schemas); they are closed when the application shuts down. */
  static forRoot(open: () => Promise<AssessmentsInfrastructure>): DynamicModule {
    return {
      module: AssessmentsApiModule,
      controllers: [AssessmentsController, BondDecisionsController, ReportsController],
      providers: [{ provide: ASSESSMENTS_INFRASTRUCTURE, useFactory: open }, ...providers],
      exports: [ASSESSMENTS_INFRASTRUCTURE, AssessmentsRuntime],
    };
  }
}
