import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lien/shared-platform';
import { LienMetrics } from './lien-metrics';

/** Prometheus scrape endpoint; reachable only from the monitoring namespace (NetworkPolicy), so public here. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LienMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
