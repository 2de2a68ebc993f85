import { Granularity, PeriodRules, SuppressionPolicy } from '@lien/reporting-domain';

/**
 * Who may see which grain. District staff read their own cases anyway: raw figures by month, quarter
 * or year. The ministry reads suppressed aggregates of one single grain (years by default) and only
 * once a period is closed and settled: offering two grains, or a period still filling up, would let
 * one table be subtracted from another (docs/adr/0010-disclosure-control.md).
 */
export interface ReportingPolicy extends SuppressionPolicy {
  readonly ministryGranularity: Granularity;
  readonly publicationDelayDays: number;
  readonly maxMinistryPeriods: number;
  readonly maxDistrictPeriods: number;
}

export const DEFAULT_REPORTING_POLICY: ReportingPolicy = { threshold: 5, ministryGranularity: 'year', publicationDelayDays: 30, maxMinistryPeriods: 10, maxDistrictPeriods: 36 };

export function ministryRules(policy: ReportingPolicy, today: string): PeriodRules {
  return { allowed: [policy.ministryGranularity], today, maxPeriods: policy.maxMinistryPeriods, publicationDelayDays: policy.publicationDelayDays };
}

export function districtRules(policy: ReportingPolicy, today: string): PeriodRules {
  return { allowed: ['year', 'quarter', 'month'], today, maxPeriods: policy.maxDistrictPeriods };
}
