import { DynamicModule, MiddlewareConsumer, Module, NestModule, Provider } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { brokerCheck, dependenciesReadiness, HealthModule, ReadinessIndicator } from '@lien/shared-platform';
import { ReportingQueries } from '@lien/reporting-application';
import { DashboardController } from './http/dashboard.controller';
import { IndicatorsController } from './http/indicators.controller';
import { LoginController } from './http/login.controller';
import { SessionCookieMiddleware } from './http/session-cookie';
import { ReportingOptions, reportingOptionsFromEnv } from './runtime/reporting-options';
import { RealReportingOptions, ReportingRuntime } from './runtime/reporting-runtime';

/** The service's readiness, exported when a host mounts the service beside others and serves one health endpoint. */
export const REPORTING_READINESS = Symbol('reporting-read-model-readiness');
const READ_MODEL_READINESS = REPORTING_READINESS;

/** Holds the runtime, so that the health module and the HTTP layer share one instance. */
@Module({})
class ReportingRuntimeModule {
  static forRoot(options: RealReportingOptions): DynamicModule {
    const runtime: Provider = { provide: ReportingRuntime, useFactory: () => ReportingRuntime.open(options) };
    return { module: ReportingRuntimeModule, providers: [runtime], exports: [ReportingRuntime] };
  }
}

@Module({})
export class ReportingModule implements NestModule {
  static forRoot(options: ReportingOptions = reportingOptionsFromEnv()): DynamicModule {
    const auth = options.hosted?.auth ?? AuthModule.forRoot(authConfigFromEnv());
    const infrastructure = options.infrastructure;
    if (infrastructure.mode !== 'real') {
      // TypeORM has no PGlite driver here: without PostgreSQL the read model, hence the dashboards, cannot run.
      const unavailable: ReadinessIndicator = { name: 'reporting-read-model', check: async () => Promise.reject(new Error('reporting needs DATABASE_URL (PostgreSQL read model)')) };
      return { module: ReportingModule, imports: [auth, HealthModule.forRoot({ indicators: [{ provide: READ_MODEL_READINESS, useValue: unavailable }] })] };
    }
    const runtimeModule = ReportingRuntimeModule.forRoot({ ...options, infrastructure });
    const readiness: Provider & { provide: symbol } = {
      provide: READ_MODEL_READINESS,
      inject: [ReportingRuntime],
      useFactory: (runtime: ReportingRuntime): ReadinessIndicator =>
        dependenciesReadiness('reporting-read-model', [{ name: 'read-model', check: () => runtime.checkReadModel() }, brokerCheck(runtime.transport.admin)]),
    };
    // Hosted, health belongs to the host (one /health for the whole process), and `auth` is the host's one
    // authentication module, imported here for the token verifier the sign-in pages need.
    const own = options.hosted ? [auth] : [auth, HealthModule.forRoot({ imports: [runtimeModule], indicators: [readiness] })];
    return {
      module: ReportingModule,
      imports: [...own, runtimeModule],
      exports: options.hosted ? [READ_MODEL_READINESS] : [],
      controllers: [IndicatorsController, DashboardController, LoginController],
      providers: [
        { provide: ReportingQueries, inject: [ReportingRuntime], useFactory: (runtime: ReportingRuntime) => runtime.queries },
        ...(options.hosted ? [readiness] : []),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionCookieMiddleware).forRoutes(IndicatorsController, DashboardController);
  }
}
