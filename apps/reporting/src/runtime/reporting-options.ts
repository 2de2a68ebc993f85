import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { MessageTransport } from '@lien/shared-messaging';
import { InfrastructureConfig, infrastructureFromEnv } from '@lien/shared-wiring';
import { DEFAULT_REPORTING_POLICY, DistrictCatalogue, ReportingPolicy } from '@lien/reporting-application';
import { isGranularity } from '@lien/reporting-domain';

export interface ReportingOptions {
  readonly infrastructure: InfrastructureConfig;
  /** The read model's schema; a test suite gives its own. */
  readonly schema: string;
  readonly catalogue: DistrictCatalogue;
  readonly policy: ReportingPolicy;
  /** Read once per request: today's date decides which periods exist and which are published. */
  readonly clock: () => Date;
  /** Given by tests (embedded); otherwise Kafka when `KAFKA_BROKERS` is set, else the in-process transport. */
  readonly transport?: MessageTransport;
  /** The consumer group's base name; a test suite on a shared broker gives its own. */
  readonly consumerGroup?: string;
  /** Hosted beside other services: the host gives its one authentication module and serves one health endpoint. */
  readonly hosted?: { readonly auth: DynamicModule };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * From the environment: the real parts, the districts (`LIEN_DISTRICTS_FILE`, default
 * `config/districts.json`), and the disclosure policy: `REPORTING_THRESHOLD` (5),
 * `REPORTING_MINISTRY_GRANULARITY` (year), `REPORTING_PUBLICATION_DELAY_DAYS` (30).
 */
export function reportingOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReportingOptions {
  const file = env['LIEN_DISTRICTS_FILE'] ?? join(process.cwd(), 'config', 'districts.json');
  const granularity = env['REPORTING_MINISTRY_GRANULARITY'];
  const threshold = positiveInteger(env['REPORTING_THRESHOLD'], DEFAULT_REPORTING_POLICY.threshold);
  const infrastructure = infrastructureFromEnv(env);
  return {
    infrastructure,
    schema: 'lien_reporting_read',
    // Embedded mode serves no read model (see ReportingModule), so the image starts without the districts file.
    catalogue: infrastructure.mode === 'real' ? DistrictCatalogue.fromJson(JSON.parse(readFileSync(file, 'utf8'))) : new DistrictCatalogue([]),
    policy: {
      ...DEFAULT_REPORTING_POLICY,
      // A threshold under 3 would publish pairs; refuse to weaken the rule below the common floor.
      threshold: Math.max(3, threshold),
      ...(isGranularity(granularity) ? { ministryGranularity: granularity } : {}),
      publicationDelayDays: positiveInteger(env['REPORTING_PUBLICATION_DELAY_DAYS'], DEFAULT_REPORTING_POLICY.publicationDelayDays),
    },
    clock: () => new Date(),
  };
}
