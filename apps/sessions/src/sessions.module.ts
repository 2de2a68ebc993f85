import { DynamicModule, Logger, Module } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { HealthModule, ReadinessIndicator } from '@lien/shared-platform';
import { SESSIONS_INFRASTRUCTURE } from './composition/sessions.tokens';
import { SessionsInfrastructure } from './composition/sessions-infrastructure';
import { SessionsApiModule } from './sessions-api.module';

/** The sessions service: authentication, health, and the API when its real parts are given. */
@Module({})
export class SessionsModule {
  static forRoot(open?: () => Promise<SessionsInfrastructure>): DynamicModule {
    if (!open) {
      new Logger('sessions').warn('no DATABASE_URL: the sessions API needs PostgreSQL for its read models and starts with health only');
      return { module: SessionsModule, imports: [AuthModule.forRoot(authConfigFromEnv()), HealthModule.forRoot()] };
    }
    const api = SessionsApiModule.forRoot(open);
    const readiness = {
      provide: 'sessions-read-models-ready',
      inject: [SESSIONS_INFRASTRUCTURE],
      useFactory: (infra: SessionsInfrastructure): ReadinessIndicator => ({ name: 'read-models', check: async () => void (await infra.dataSource.query('SELECT 1')) }),
    };
    return { module: SessionsModule, imports: [AuthModule.forRoot(authConfigFromEnv()), api, HealthModule.forRoot({ imports: [api], indicators: [readiness] })] };
  }
}
