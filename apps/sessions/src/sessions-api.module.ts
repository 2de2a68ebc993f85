import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AccessLog, AuditedCaseReadInterceptor } from '@lien/shared-access-log';
import { IdempotencyInterceptor, IdempotencyStore, PostgresIdempotencyStore } from '@lien/shared-http-conventions';
import { DistrictScopedDatabase } from '@lien/shared-read-model';
import { PlanCommandRunner, RescheduleSession, ResourceBookings, ScheduleSession, SessionPlanRepository, SessionsReadModels } from '@lien/sessions-application';
import { SESSIONS_INFRASTRUCTURE } from './composition/sessions.tokens';
import { SessionsInfrastructure } from './composition/sessions-infrastructure';
import { SessionsRuntime } from './composition/sessions-runtime';
import { BondDecisionConsumer } from './composition/bond-decision-consumer';
import { CalendarController } from './http/calendar.controller';
import { CasePlanController } from './http/case-plan.controller';
import { CommandContextFactory } from './http/command-context.factory';
import { RecordingController } from './http/recording.controller';
import { SessionsController } from './http/sessions.controller';

const INFRA = [SESSIONS_INFRASTRUCTURE];

/** The table of contents of the sessions service: what is built from what. */
const providers: Provider[] = [
  { provide: DistrictScopedDatabase, inject: INFRA, useFactory: (i: SessionsInfrastructure) => new DistrictScopedDatabase(i.dataSource, i.tables.role) },
  { provide: PlanCommandRunner, inject: INFRA, useFactory: (i: SessionsInfrastructure) => new PlanCommandRunner(new SessionPlanRepository(i.store), new ResourceBookings(i.store)) },
  { provide: SessionsReadModels, inject: [DistrictScopedDatabase, ...INFRA], useFactory: (db: DistrictScopedDatabase, i: SessionsInfrastructure) => new SessionsReadModels(db, i.tables) },
  {
    provide: ScheduleSession,
    inject: [PlanCommandRunner, SessionsReadModels, ...INFRA],
    useFactory: (runner: PlanCommandRunner, directory: SessionsReadModels, i: SessionsInfrastructure) => new ScheduleSession(runner, i.settings, directory),
  },
  { provide: RescheduleSession, inject: [PlanCommandRunner, ...INFRA], useFactory: (runner: PlanCommandRunner, i: SessionsInfrastructure) => new RescheduleSession(runner, i.settings) },
  { provide: AccessLog, inject: INFRA, useFactory: (i: SessionsInfrastructure) => new AccessLog(i.store) },
  {
    provide: IdempotencyStore,
    inject: INFRA,
    useFactory: async (i: SessionsInfrastructure) => {
      const store = new PostgresIdempotencyStore({ query: async (text, params) => (await i.pool.query(text, params as unknown[])).rows }, { schema: i.operationalSchema });
      await store.migrate();
      return store;
    },
  },
  AuditedCaseReadInterceptor,
  IdempotencyInterceptor,
  CommandContextFactory,
  SessionsRuntime,
  BondDecisionConsumer,
];

@Module({})
export class SessionsApiModule {
  /** `open` opens the real parts (or a test's own schemas); they are closed when the application shuts down. */
  static forRoot(open: () => Promise<SessionsInfrastructure>): DynamicModule {
    return {
      module: SessionsApiModule,
      controllers: [CasePlanController, SessionsController, RecordingController, CalendarController],
      providers: [{ provide: SESSIONS_INFRASTRUCTURE, useFactory: open }, ...providers],
      exports: [SESSIONS_INFRASTRUCTURE, SessionsRuntime],
    };
  }
}
