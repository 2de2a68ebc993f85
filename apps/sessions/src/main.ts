// First: OpenTelemetry starts before NestJS, pg and http load, so its instrumentations can patch them.
import './instrumentation';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { createLogger, ObservabilityModule, StructuredNestLogger } from '@lien/shared-observability';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { sessionsInfrastructureFromEnv } from './composition/sessions-infrastructure';
import { SessionsModule } from './sessions.module';

const infrastructure = infrastructureFromEnv();

@Module({ imports: [ObservabilityModule.forRoot(), SessionsModule.forRoot(infrastructure.mode === 'real' ? () => sessionsInfrastructureFromEnv(infrastructure) : undefined)] })
class SessionsServiceModule {}

// Structured JSON logs with trace ids; the level comes from LOG_LEVEL (default info).
void bootstrapService({ name: 'sessions', module: SessionsServiceModule, logger: new StructuredNestLogger(createLogger('sessions')) });
