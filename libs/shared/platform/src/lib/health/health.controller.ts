import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../http/public-route';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { READINESS_INDICATORS, ReadinessIndicator } from './readiness-indicator';

const DEFAULT_TIMEOUT_MS = 3000;

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicatorService: HealthIndicatorService,
    @Optional() @Inject(READINESS_INDICATORS) private readonly indicators: ReadinessIndicator[] = [],
  ) {}

  /** Liveness says only that the process still serves requests: restarting it would not fix a down database. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([async () => this.indicatorService.check('process').up({ pid: process.pid })]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.indicators.map((indicator) => () => this.probe(indicator)));
  }

  private async probe(indicator: ReadinessIndicator): Promise<HealthIndicatorResult> {
    const session = this.indicatorService.check(indicator.name);
    const timeoutMs = indicator.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        indicator.check(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return session.up();
    } catch (error) {
      // Only the error message: driver errors can echo connection strings, never stack traces.
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }
}
