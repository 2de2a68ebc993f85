import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandTelemetryInterceptor } from './command-telemetry.interceptor';
import { LienMetrics } from './lien-metrics';
import { MetricsController } from './metrics.controller';
import { processMetrics } from './process-telemetry';

/**
 * `/metrics` and the command span and timing of every state-changing request. Mount it once per
 * process, at the top: a service process mounts it beside its service module, the single-process
 * host once for the four (a second mount would count each command twice).
 */
@Module({})
export class ObservabilityModule {
  static forRoot(metrics: LienMetrics = processMetrics()): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: LienMetrics, useValue: metrics }, { provide: APP_INTERCEPTOR, useClass: CommandTelemetryInterceptor }],
      exports: [LienMetrics],
    };
  }
}
