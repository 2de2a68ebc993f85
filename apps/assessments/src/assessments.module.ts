import { DynamicModule, Logger, Module } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { brokerCheck, dependenciesReadiness, eventStoreCheck, HealthModule, ReadinessIndicator } from '@lien/shared-platform';
import { AssessmentsApiModule } from './assessments-api.module';
import { ASSESSMENTS_INFRASTRUCTURE } from './composition/assessments.tokens';
import { AssessmentsInfrastructure } from './composition/assessments-infrastructure';

/** The service's readiness, exported when a host mounts the service beside others. */
export const ASSESSMENTS_READINESS = 'assessments-read-model-ready';

/** The assessments service: authentication, health, and the API when its real parts are given. */
@Module({})
export class AssessmentsModule {
  /** `hosted`: mounted beside other services, whose host serves authentication and one health endpoint. */
  static forRoot(open?: () => Promise<AssessmentsInfrastructure>, options: { readonly hosted?: boolean } = {}): DynamicModule {
    if (!open) {
      new Logger('assessments').warn('no DATABASE_URL: the assessments API needs PostgreSQL for its read model and starts with health only');
      return { module: AssessmentsModule, imports: [AuthModule.forRoot(authConfigFromEnv()), HealthModule.forRoot()] };
    }
    const api = AssessmentsApiModule.forRoot(open);
    const readiness = {
      provide: ASSESSMENTS_READINESS,
      inject: [ASSESSMENTS_INFRASTRUCTURE],
      useFactory: (infra: AssessmentsInfrastructure): ReadinessIndicator =>
        dependenciesReadiness('read-model', [{ name: 'read-model', check: async () => void (await infra.dataSource.query('SELECT 1')) }, eventStoreCheck(infra.rawStore), brokerCheck(infra.transport.admin)]),
    };
    if (options.hosted) return { module: AssessmentsModule, imports: [api], providers: [readiness], exports: [ASSESSMENTS_READINESS] };
    return { module: AssessmentsModule, imports: [AuthModule.forRoot(authConfigFromEnv()), api, HealthModule.forRoot({ imports: [api], indicators: [readiness] })] };
  }
}
