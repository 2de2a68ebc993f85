import { join } from 'node:path';
import { InfrastructureConfig, infrastructureFromEnv, ServiceTransport } from '@lien/shared-wiring';
import { DistrictCapacities } from '@lien/referrals-application';
import { ConfiguredDistrictCapacities, DEFAULT_DISTRICT_CAPACITY } from './district-capacities';

export interface ReferralsOptions {
  readonly infrastructure: InfrastructureConfig;
  /** Names the service's schemas; the default is `referrals`. */
  readonly name: string;
  readonly capacities: DistrictCapacities;
  /** Given by a host running several services in one process; otherwise Kafka when `KAFKA_BROKERS` is set. */
  readonly transport?: ServiceTransport;
  /** Hosted beside other services: the host mounts authentication and one health endpoint for all. */
  readonly hosted?: boolean;
}

/**
 * From the environment: the real parts (`DATABASE_URL`, `KAFKA_BROKERS`), the districts' capacities
 * from `LIEN_DISTRICTS_FILE` (default `config/districts.json`), and `LIEN_DEFAULT_DISTRICT_CAPACITY`
 * for districts that file does not list.
 */
export function referralsOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReferralsOptions {
  const fallback = Number(env['LIEN_DEFAULT_DISTRICT_CAPACITY'] ?? DEFAULT_DISTRICT_CAPACITY);
  const file = env['LIEN_DISTRICTS_FILE'] ?? join(process.cwd(), 'config', 'districts.json');
  return {
    infrastructure: infrastructureFromEnv(env),
    name: 'referrals',
    capacities: ConfiguredDistrictCapacities.fromFile(file, Number.isInteger(fallback) && fallback >= 0 ? fallback : DEFAULT_DISTRICT_CAPACITY),
  };
}
