// First: OpenTelemetry starts before NestJS, pg and http load, so its instrumentations can patch them.
import './instrumentation';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { createLogger, ObservabilityModule, StructuredNestLogger } from '@lien/shared-observability';
import { infrastructureFromEnv } from '@lien/shared-wiring';
import { assessmentsInfrastructureFromEnv } from './composition/assessments-infrastructure';
import { AssessmentsModule } from './assessments.module';

const infrastructure = infrastructureFromEnv();

@Module({ imports: [ObservabilityModule.forRoot(), AssessmentsModule.forRoot(infrastructure.mode === 'real' ? () => assessmentsInfrastructureFromEnv(infrastructure) : undefined)] })
class AssessmentsServiceModule {}

// Structured JSON logs with trace ids; the level comes from LOG_LEVEL (default info).
void bootstrapService({ name: 'assessments', module: AssessmentsServiceModule, logger: new StructuredNestLogger(createLogger('assessments')) });
