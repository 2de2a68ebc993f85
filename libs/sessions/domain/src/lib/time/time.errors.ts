import { DomainError } from '@lien/shared-kernel';

/** A timestamp without offset cannot be placed on the time line: which of the two 02:30 of the autumn change? */
export class TimeZoneMissing extends DomainError {
  readonly code = 'TIME_ZONE_MISSING';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} must carry a time zone offset (Z or ±hh:mm)`, { field });
  }
}

export class InvalidTimestamp extends DomainError {
  readonly code = 'INVALID_TIMESTAMP';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} is not an ISO-8601 timestamp with offset`, { field });
  }
}
