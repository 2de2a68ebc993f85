import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AccessLog, AuditedCaseReadInterceptor } from '@lien/shared-access-log';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { IdempotencyInterceptor, IdempotencyStore, IfMatchInterceptor } from '@lien/shared-http-conventions';
import { dependenciesReadiness, HealthModule, ReadinessIndicator } from '@lien/shared-platform';
import { ReferralProjectionRunner, ReferralsApplication } from '@lien/referrals-application';
import { DistrictIntakeController } from './http/district-intake.controller';
import { ReferralCommandsController } from './http/referral-commands.controller';
import { ReferralQueriesController } from './http/referral-queries.controller';
import { ReferralsOptions, referralsOptionsFromEnv } from './runtime/referrals-options';
import { ReferralsRuntime } from './runtime/referrals-runtime';

/** The service's readiness, exported when a host mounts the service beside others and serves one health endpoint. */
export const REFERRALS_READINESS = Symbol('referrals-read-model-readiness');
const READ_MODEL_READINESS = REFERRALS_READINESS;

/** Holds the runtime, so that the health module and the API share one instance. */
@Module({})
class ReferralsRuntimeModule {
  static forRoot(options: ReferralsOptions & { infrastructure: { mode: 'real' } }): DynamicModule {
    const runtime: Provider = { provide: ReferralsRuntime, useFactory: () => ReferralsRuntime.open({ ...options, infrastructure: options.infrastructure }) };
    return { module: ReferralsRuntimeModule, providers: [runtime], exports: [ReferralsRuntime] };
  }
}

@Module({})
export class ReferralsModule {
  static forRoot(options: ReferralsOptions = referralsOptionsFromEnv()): DynamicModule {
    const auth = AuthModule.forRoot(authConfigFromEnv());
    const infrastructure = options.infrastructure;
    if (infrastructure.mode !== 'real') {
      // TypeORM has no PGlite driver here: without PostgreSQL the read model, hence the API, cannot run.
      const unavailable: ReadinessIndicator = { name: 'referrals-read-model', check: async () => Promise.reject(new Error('the referrals API needs DATABASE_URL (PostgreSQL read model)')) };
      return { module: ReferralsModule, imports: [auth, HealthModule.forRoot({ indicators: [{ provide: READ_MODEL_READINESS, useValue: unavailable }] })] };
    }
    const runtimeModule = ReferralsRuntimeModule.forRoot({ ...options, infrastructure });
    const readiness: Provider & { provide: symbol } = {
      provide: READ_MODEL_READINESS,
      inject: [ReferralsRuntime],
      useFactory: (runtime: ReferralsRuntime): ReadinessIndicator => dependenciesReadiness('referrals-read-model', runtime.dependencies()),
    };
    // Hosted, authentication and health belong to the host: one guard, one /health for the whole process.
    const own = options.hosted ? [] : [auth, HealthModule.forRoot({ imports: [runtimeModule], indicators: [readiness] })];
    return {
      module: ReferralsModule,
      imports: [...own, runtimeModule],
      exports: options.hosted ? [READ_MODEL_READINESS] : [],
      controllers: [ReferralCommandsController, ReferralQueriesController, DistrictIntakeController],
      providers: [
        { provide: ReferralsApplication, inject: [ReferralsRuntime], useFactory: (runtime: ReferralsRuntime) => runtime.application },
        { provide: ReferralProjectionRunner, inject: [ReferralsRuntime], useFactory: (runtime: ReferralsRuntime) => runtime.projection },
        { provide: IdempotencyStore, inject: [ReferralsRuntime], useFactory: (runtime: ReferralsRuntime) => runtime.idempotency },
        { provide: AccessLog, inject: [ReferralsRuntime], useFactory: (runtime: ReferralsRuntime) => runtime.accessLog },
        IdempotencyInterceptor,
        IfMatchInterceptor,
        AuditedCaseReadInterceptor,
        ...(options.hosted ? [readiness] : []),
      ],
    };
  }
}
