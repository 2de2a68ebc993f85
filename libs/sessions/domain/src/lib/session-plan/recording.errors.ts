import { DomainError } from '@lien/shared-kernel';

export class ParticipantNotInSession extends DomainError {
  readonly code = 'PARTICIPANT_NOT_IN_SESSION';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} does not take part in this session`, { field });
  }
}

export class LateMinutesInvalid extends DomainError {
  readonly code = 'LATE_MINUTES_INVALID';
  readonly kind = 'invalid-input' as const;
  constructor() {
    super('lateMinutes is required for a late arrival (1 to 600), and only then', { field: 'lateMinutes' });
  }
}

/** A parent or child is named when one of them caused it; the service and force majeure name nobody. */
export class AttributionInvalid extends DomainError {
  readonly code = 'ATTRIBUTION_INVALID';
  readonly kind = 'invalid-input' as const;
  constructor(reason: string) {
    super(`The attribution is invalid: ${reason}`, { field: 'attributedParticipantId' });
  }
}

export class AttendanceIncomplete extends DomainError {
  readonly code = 'ATTENDANCE_INCOMPLETE';
  readonly kind = 'rule-violation' as const;
  constructor(readonly missing: number) {
    super(`Attendance is missing for ${missing} participant(s) of the session`, { missing });
  }
}

export class ChildWordsNotFromAChildOfTheSession extends DomainError {
  readonly code = 'CHILD_WORDS_NOT_FROM_A_CHILD_OF_THE_SESSION';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} must be a child taking part in this session`, { field });
  }
}

export class ObservationEmpty extends DomainError {
  readonly code = 'OBSERVATION_EMPTY';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} is empty`, { field });
  }
}

export class OnlyCoordinatorMayLiftSuspension extends DomainError {
  readonly code = 'ONLY_COORDINATOR_MAY_LIFT_SUSPENSION';
  readonly kind = 'forbidden' as const;
  constructor() {
    super('Only a coordinator may lift the suspension of supervised meetings');
  }
}
