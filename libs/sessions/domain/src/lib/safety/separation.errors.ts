import { DomainError } from '@lien/shared-kernel';

/** The two households' arrival (or departure) windows overlap: they could meet at the door. */
export class HouseholdWindowsOverlap extends DomainError {
  readonly code = 'HOUSEHOLD_WINDOWS_OVERLAP';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string, readonly moment: 'arrival' | 'departure') {
    super(`The two households' ${moment} windows overlap`, { field, moment });
  }
}

export class StaggerShorterThanDistrictSetting extends DomainError {
  readonly code = 'STAGGER_SHORTER_THAN_DISTRICT_SETTING';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string, readonly staggerMinutes: number) {
    super(`The households must be staggered by at least ${staggerMinutes} minutes`, { field, staggerMinutes });
  }
}

export class ProtectedHouseholdDepartureOrder extends DomainError {
  readonly code = 'PROTECTED_HOUSEHOLD_DEPARTURE_ORDER';
  readonly kind = 'invalid-input' as const;
  constructor(readonly required: 'first' | 'last') {
    super(`The district requires the protected household to leave ${required}`, { field: 'separation', required });
  }
}

/** Proposed windows must name exactly the households that come to this session. */
export class SeparationPlanMismatch extends DomainError {
  readonly code = 'SEPARATION_PLAN_MISMATCH';
  readonly kind = 'invalid-input' as const;
  constructor() {
    super('The separation plan must give windows for exactly the households attending', { field: 'separation' });
  }
}

/** Arrival ends by the start, departure starts at the end, and every window is a real interval. */
export class WindowOutsideSession extends DomainError {
  readonly code = 'WINDOW_OUTSIDE_SESSION';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} does not fit the session: arrivals end by its start, departures begin at its end`, { field });
  }
}

/** Two sessions of the case put the two households in the building at the same time. */
export class HouseholdsWouldMeet extends DomainError {
  readonly code = 'HOUSEHOLDS_WOULD_MEET';
  readonly kind = 'rule-violation' as const;
  constructor(readonly otherSessionId: string) {
    super('Another session of this case brings the other household to the building at an overlapping time', { field: 'startsAt', otherSessionId });
  }
}
