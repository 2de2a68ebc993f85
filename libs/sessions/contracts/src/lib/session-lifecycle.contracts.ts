/**
 * What the sessions service tells the other services, on `lien.<district>.sessions.session-lifecycle.v1`.
 * Primitives only, and no personal data: no names, no observations, no child's words, and attribution by
 * role (a parent, the child, the service, force majeure), never by person. Keyed by the case's plan
 * stream, so one case's contracts keep their order.
 */
export const SESSIONS_SERVICE = 'sessions';
export const SESSION_LIFECYCLE_FAMILY = 'session-lifecycle';
export const SESSION_LIFECYCLE_VERSION = 1;

export const SESSION_CONTRACT_TYPES = {
  sessionScheduled: 'sessions.SessionScheduled.v1',
  sessionRescheduled: 'sessions.SessionRescheduled.v1',
  sessionHeld: 'sessions.SessionHeld.v1',
  sessionCancelled: 'sessions.SessionCancelled.v1',
  noShow: 'sessions.SessionNoShow.v1',
  incidentReported: 'sessions.IncidentReported.v1',
  suspensionLifted: 'sessions.SuspensionLifted.v1',
} as const;

/** `child-interview` | `parent-interview` | `supervised-meeting` | `network-meeting`. */
export type SessionTypeV1 = string;
/** `parent` | `child` | `service` | `force-majeure`. */
export type AttributionV1 = string;

export interface SessionScheduledV1 {
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionTypeV1;
  /** The protocol phase the case was in. */
  readonly phase: string;
  /** ISO-8601 UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface SessionRescheduledV1 {
  readonly caseId: string;
  readonly sessionId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface SessionHeldV1 {
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionTypeV1;
  /** A safety incident interrupted it. */
  readonly interrupted: boolean;
}

export interface SessionCancelledV1 {
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionTypeV1;
  readonly attributedTo: AttributionV1;
  /** `requested`; `safety-suspension` when a serious incident called it off; `bond-decision` when a co-signed bond decision stopped supervised meetings. */
  readonly reason: string;
}

export interface SessionNoShowV1 {
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionTypeV1;
  readonly attributedTo: AttributionV1;
}

export interface IncidentReportedV1 {
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionTypeV1;
  readonly incidentId: string;
  /** `minor` | `moderate` | `serious`; a serious one suspends the case's supervised meetings. */
  readonly severity: string;
  readonly interruptedSession: boolean;
}

export interface SuspensionLiftedV1 {
  readonly caseId: string;
  readonly incidentId: string;
}
