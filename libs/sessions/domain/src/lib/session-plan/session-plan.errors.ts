import { DomainError } from '@lien/shared-kernel';

export class SessionPlanNotOpened extends DomainError {
  readonly code = 'SESSION_PLAN_NOT_OPENED';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No session plan is open for this case');
  }
}

export class InvalidSessionPlan extends DomainError {
  readonly code = 'INVALID_SESSION_PLAN';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string, reason: string) {
    super(`The case cannot open a session plan: ${reason}`, { field });
  }
}

export class PhaseTransitionNotAllowed extends DomainError {
  readonly code = 'PHASE_TRANSITION_NOT_ALLOWED';
  readonly kind = 'rule-violation' as const;
  constructor(readonly from: string, readonly to: string) {
    super(`A case in phase ${from} cannot move to ${to}: only to the next phase, or to the last one`, { field: 'to', from, to });
  }
}

export class SessionNotFound extends DomainError {
  readonly code = 'SESSION_NOT_FOUND';
  readonly kind = 'not-found' as const;
  constructor(readonly sessionId: string) {
    super('No such session in this case', { sessionId });
  }
}

/** A session id is reused with other details: a retry would have carried the same ones. */
export class SessionIdAlreadyUsed extends DomainError {
  readonly code = 'SESSION_ID_ALREADY_USED';
  readonly kind = 'conflict' as const;
  constructor(readonly sessionId: string) {
    super('This session id is already used for another session', { field: 'sessionId', sessionId });
  }
}

export class SessionInThePast extends DomainError {
  readonly code = 'SESSION_IN_THE_PAST';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field = 'startsAt') {
    super(`${field} lies before the time of the request`, { field });
  }
}

export class EndNotAfterStart extends DomainError {
  readonly code = 'END_NOT_AFTER_START';
  readonly kind = 'invalid-input' as const;
  constructor() {
    super('endsAt must come after startsAt', { field: 'endsAt' });
  }
}

export class ParticipantNotLinkedToCase extends DomainError {
  readonly code = 'PARTICIPANT_NOT_LINKED_TO_CASE';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} is not a participant of this case`, { field });
  }
}

/** Who a session type brings together: an interview of the child has no parent in the room, and so on. */
export class ParticipantsDoNotFitSessionType extends DomainError {
  readonly code = 'PARTICIPANTS_DO_NOT_FIT_SESSION_TYPE';
  readonly kind = 'invalid-input' as const;
  constructor(readonly sessionType: string, rule: string) {
    super(`A ${sessionType} needs ${rule}`, { field: 'participantIds', sessionType });
  }
}

export class SessionTypeNotAllowedInPhase extends DomainError {
  readonly code = 'SESSION_TYPE_NOT_ALLOWED_IN_PHASE';
  readonly kind = 'rule-violation' as const;
  constructor(readonly sessionType: string, readonly phase: string) {
    super(`A ${sessionType} cannot be planned while the case is in phase ${phase}`, { field: 'sessionType', sessionType, phase });
  }
}

export class SupervisedMeetingsAreSuspended extends DomainError {
  readonly code = 'SUPERVISED_MEETINGS_ARE_SUSPENDED';
  readonly kind = 'rule-violation' as const;
  constructor(readonly incidentId: string) {
    super('Supervised meetings of this case are suspended after a serious incident, until a coordinator lifts the suspension', { field: 'sessionType', incidentId });
  }
}

/** A co-signed bond decision (suspend or end) stopped supervised meetings; only a later decision replacing it lifts the stop. */
export class SupervisedMeetingsStoppedByBondDecision extends DomainError {
  readonly code = 'SUPERVISED_MEETINGS_STOPPED_BY_BOND_DECISION';
  readonly kind = 'rule-violation' as const;
  constructor(readonly decisionId: string) {
    super('Supervised meetings of this case are stopped by a co-signed bond decision, until a later decision replaces it', { field: 'sessionType', decisionId });
  }
}

/** Held, no-show or cancelled: the session's outcome is recorded and can no longer change. */
export class SessionAlreadyConcluded extends DomainError {
  readonly code = 'SESSION_ALREADY_CONCLUDED';
  readonly kind = 'rule-violation' as const;
  constructor(readonly sessionId: string, readonly status: string) {
    super(`The session is already ${status}`, { sessionId, status });
  }
}

export class SessionNotStartedYet extends DomainError {
  readonly code = 'SESSION_NOT_STARTED_YET';
  readonly kind = 'rule-violation' as const;
  constructor(readonly sessionId: string) {
    super('This cannot be recorded before the session starts', { sessionId });
  }
}
