/* eslint-disable @nx/enforce-module-boundaries -- the all-in-one host is the one place that mounts the four service apps together (ADR 0013) */
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AuthModule, authConfigFromEnv } from '@lien/shared-auth';
import { ObservabilityModule } from '@lien/shared-observability';
import { HealthModule, ReadinessIndicator } from '@lien/shared-platform';
import { InfrastructureConfig, ServiceTransport, sharedTransport } from '@lien/shared-wiring';
import { assessmentsInfrastructureFromEnv } from '../../assessments/src/composition/assessments-infrastructure';
import { ASSESSMENTS_READINESS, AssessmentsModule } from '../../assessments/src/assessments.module';
import { REFERRALS_READINESS, ReferralsModule } from '../../referrals/src/referrals.module';
import { referralsOptionsFromEnv } from '../../referrals/src/runtime/referrals-options';
import { REPORTING_READINESS, ReportingModule } from '../../reporting/src/reporting.module';
import { reportingOptionsFromEnv } from '../../reporting/src/runtime/reporting-options';
import { sessionsInfrastructureFromEnv } from '../../sessions/src/composition/sessions-infrastructure';
import { SESSIONS_READINESS, SessionsModule } from '../../sessions/src/sessions.module';

export interface LienHostParts {
  readonly infrastructure: Extract<InfrastructureConfig, { mode: 'real' }>;
  /** One transport for the four services; the host closes it after they have all stopped. */
  readonly transport: ServiceTransport;
  readonly env?: NodeJS.ProcessEnv;
}

/** One service's readiness under the service's name, so that /health/ready lists the four. */
function readinessOf(service: string, token: string | symbol): Provider & { provide: string } {
  return {
    provide: `lien-host-${service}-ready`,
    inject: [token],
    useFactory: (inner: ReadinessIndicator): ReadinessIndicator => ({ ...inner, name: service, check: () => inner.check() }),
  };
}

/**
 * The four services in one NestJS application: one port, one authentication guard, one health
 * endpoint, one API document, one `/metrics` (and command telemetry), and one transport on which
 * their contracts flow.
 */
@Module({})
export class LienHostModule {
  static forRoot(parts: LienHostParts): DynamicModule {
    const env = parts.env ?? process.env;
    const shared = sharedTransport(parts.transport);
    const referrals = ReferralsModule.forRoot({ ...referralsOptionsFromEnv(env), transport: shared, hosted: true });
    const sessions = SessionsModule.forRoot(() => sessionsInfrastructureFromEnv(parts.infrastructure, env, shared), { hosted: true });
    const assessments = AssessmentsModule.forRoot(() => assessmentsInfrastructureFromEnv(parts.infrastructure, env, shared), { hosted: true });
    const auth = AuthModule.forRoot(authConfigFromEnv(env));
    const reporting = ReportingModule.forRoot({ ...reportingOptionsFromEnv(env), transport: shared.transport, hosted: { auth } });
    const services = [referrals, sessions, assessments, reporting];
    const indicators = [
      readinessOf('referrals', REFERRALS_READINESS),
      readinessOf('sessions', SESSIONS_READINESS),
      readinessOf('assessments', ASSESSMENTS_READINESS),
      readinessOf('reporting', REPORTING_READINESS),
    ];
    // Observability once for the four: a mount per service would count each command twice.
    return { module: LienHostModule, imports: [ObservabilityModule.forRoot(), auth, ...services, HealthModule.forRoot({ imports: services, indicators })] };
  }
}
