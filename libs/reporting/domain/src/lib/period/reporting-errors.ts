import { DomainError } from '@lien/shared-kernel';

/** `from` without `to` (or the reverse): an open range would grow every day, and differencing two days of it reveals one day. */
export class PeriodMustBeClosed extends DomainError {
  readonly code = 'PERIOD_OPEN_ENDED';
  readonly kind = 'invalid-input' as const;
  constructor(missing: 'from' | 'to') {
    super(`La période doit avoir un début et une fin : « ${missing} » manque.`, { missing });
  }
}

export class PeriodMustNotBeInverted extends DomainError {
  readonly code = 'PERIOD_INVERTED';
  readonly kind = 'invalid-input' as const;
  constructor(from: string, to: string) {
    super(`La période commence (${from}) après sa fin (${to}).`, { from, to });
  }
}

/** Only whole calendar periods: a range that starts or ends mid-period could be subtracted from another. */
export class PeriodMustBeAligned extends DomainError {
  readonly code = 'PERIOD_NOT_ALIGNED';
  readonly kind = 'invalid-input' as const;
  constructor(field: 'from' | 'to', value: string, granularity: string, expected: string) {
    super(`« ${field} » doit être une période calendaire entière de granularité ${granularity} (format ${expected}).`, { field, value, granularity, expected });
  }
}

export class GranularityMustBeAllowed extends DomainError {
  readonly code = 'GRANULARITY_NOT_ALLOWED';
  readonly kind = 'forbidden' as const;
  constructor(granularity: string, allowed: readonly string[]) {
    super(`La granularité « ${granularity} » est plus fine que ce que votre rôle permet (${allowed.join(', ')}).`, { granularity, allowed: allowed.join(',') });
  }
}

export class PeriodRangeMustBeShort extends DomainError {
  readonly code = 'PERIOD_RANGE_TOO_LONG';
  readonly kind = 'invalid-input' as const;
  constructor(count: number, max: number) {
    super(`La période couvre ${count} intervalles ; au plus ${max} par requête.`, { count, max });
  }
}

/** The ministry sees a period only once it is closed and settled: a still-growing period could be differenced day by day. */
export class PeriodMustBePublishable extends DomainError {
  readonly code = 'PERIOD_NOT_YET_PUBLISHABLE';
  readonly kind = 'invalid-input' as const;
  constructor(period: string, publishableFrom: string) {
    super(`La période ${period} n'est pas encore publiable pour le ministère (à partir du ${publishableFrom}).`, { period, publishableFrom });
  }
}

export class DistrictMustBeKnown extends DomainError {
  readonly code = 'DISTRICT_UNKNOWN';
  readonly kind = 'invalid-input' as const;
  constructor(district: string) {
    super(`Arrondissement inconnu : « ${district.slice(0, 40)} ».`, { district: district.slice(0, 40) });
  }
}
