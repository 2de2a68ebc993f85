// First: OpenTelemetry starts before NestJS, pg and http load, so its instrumentations can patch them.
import './instrumentation';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { bootstrapService } from '@lien/shared-platform';
import { createLogger, ObservabilityModule, StructuredNestLogger } from '@lien/shared-observability';
import { ReferralsModule } from './referrals.module';

@Module({ imports: [ObservabilityModule.forRoot(), ReferralsModule.forRoot()] })
class ReferralsService {}

// Structured JSON logs with trace ids; the level comes from LOG_LEVEL (default info).
void bootstrapService({ name: 'referrals', module: ReferralsService, logger: new StructuredNestLogger(createLogger('referrals')) });
