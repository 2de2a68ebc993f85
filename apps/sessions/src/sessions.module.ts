import { DynamicModule, Logger, Module } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { brokerCheck, dependenciesReadiness, eventStoreCheck, HealthModule, ReadinessIndicator } from '@lien/shared-platform';
import { SESSIONS_INFRASTRUCTURE } from './composition/sessions.tokens';
import { SessionsInfrastructure } from './composition/sessions-infrastructure';
import { SessionsApiModule } from './sessions-api.module';

/** The service's readiness, exported when a host mounts the service beside others. */
export const SESSIONS_READINESS = 'sessions-read-models-ready';

/** The sessions service: authentication, health, and the API when its real parts are given. */
@Module({})
export class SessionsModule {
  /** `hosted`: mounted beside other services, whose host serves authentication and one health endpoint. */
  static forRoot(open?: () => Promise<SessionsInfrastructure>, options: { readonly hosted?: boolean } = {}): DynamicModule {
    if (!open) {
      new Logger('sessions').warn('no DATABASE_URL: the sessions API needs PostgreSQL for its read models and starts with health only');
      return { module: SessionsModule, imports: [AuthModule.forRoot(authConfigFromEnv()), HealthModule.forRoot()] };
    }
    const api = SessionsApiModule.forRoot(open);
    const readiness = {
      provide: SESSIONS_READINESS,
      inject: [SESSIONS_INFRASTRUCTURE],
      useFactory: (infra: SessionsInfrastructure): ReadinessIndicator =>
        dependenciesReadiness('read-models', [{ name: 'read-model', check: async () => void (await infra.dataSource.query('SELECT 1')) }, eventStoreCheck(infra.rawStore), brokerCheck(infra.transport.admin)]),
    };
    if (options.hosted) return { module: SessionsModule, imports: [api], providers: [readiness], exports: [SESSIONS_READINESS] };
    return { module: SessionsModule, imports: [AuthModule.forRoot(authConfigFromEnv()), api, HealthModule.forRoot({ imports: [api], indicators: [readiness] })] };
  }
}
