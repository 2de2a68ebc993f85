import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { READINESS_INDICATORS, ReadinessIndicator } from './readiness-indicator';

export interface HealthModuleOptions {
  /** Providers resolving to `ReadinessIndicator`s; their tokens are injected and collected. */
  readonly indicators?: Array<Provider & { provide: string | symbol }>;
  readonly imports?: DynamicModule['imports'];
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const indicatorProviders = options.indicators ?? [];
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        ...indicatorProviders,
        {
          provide: READINESS_INDICATORS,
          inject: indicatorProviders.map((p) => p.provide),
          useFactory: (...indicators: ReadinessIndicator[]) => indicators,
        },
      ],
    };
  }
}
