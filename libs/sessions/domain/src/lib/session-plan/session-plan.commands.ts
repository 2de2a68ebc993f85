import { ProtocolTemplate, SafetySettings, SessionType } from '../protocol/protocol-template';
import { ProposedHouseholdWindows } from '../safety/separation-plan';
import { Attribution, CaseParticipant, ProtectiveMeasure } from './participants';

/** Every command that can happen at a time says when, as ISO-8601 UTC: the domain never reads a clock. */
interface Issued {
  readonly issuedAt: string;
}

export interface OpenSessionPlan {
  readonly type: 'OpenSessionPlan';
  readonly caseId: string;
  readonly template: ProtocolTemplate;
  readonly safety: SafetySettings;
  readonly participants: readonly CaseParticipant[];
  readonly measures: readonly ProtectiveMeasure[];
  /** The integration event that opened the case, so a replay can be traced to its cause. */
  readonly openedFrom: string;
}

export interface AdvancePhase extends Issued {
  readonly type: 'AdvancePhase';
  readonly to: string;
}

export interface ScheduleSession extends Issued {
  readonly type: 'ScheduleSession';
  readonly sessionId: string;
  readonly sessionType: SessionType;
  readonly participantIds: readonly string[];
  readonly practitionerIds: readonly string[];
  readonly roomId: string;
  /** ISO-8601 with offset, as the practitioner entered it. */
  readonly startsAt: string;
  readonly endsAt: string;
  /** Windows chosen by hand; computed from the district setting when absent. */
  readonly separation?: readonly ProposedHouseholdWindows[];
}

export interface RescheduleSession extends Issued {
  readonly type: 'RescheduleSession';
  readonly sessionId: string;
  readonly roomId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly separation?: readonly ProposedHouseholdWindows[];
}

export interface CancelSession extends Issued {
  readonly type: 'CancelSession';
  readonly sessionId: string;
  readonly attributedTo: Attribution;
  /** Which parent or child, when one of them caused it. */
  readonly attributedParticipantId?: string;
}

export interface RecordNoShow extends Issued {
  readonly type: 'RecordNoShow';
  readonly sessionId: string;
  readonly attributedTo: Attribution;
  readonly attributedParticipantId?: string;
}

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface RecordAttendance extends Issued {
  readonly type: 'RecordAttendance';
  readonly sessionId: string;
  readonly participantId: string;
  readonly status: AttendanceStatus;
  readonly lateMinutes?: number;
}

/** The child's own words, as said: never rephrased, always attributed to the child who said them. */
export interface ChildWords {
  readonly speakerId: string;
  readonly words: string;
}

export interface RecordObservation extends Issued {
  readonly type: 'RecordObservation';
  readonly sessionId: string;
  readonly observationId: string;
  /** The participant the observation is about: its text is that person's personal data. */
  readonly aboutParticipantId: string;
  /** Neutral and factual: what was seen and heard, not what it is taken to mean. */
  readonly text: string;
  readonly childWords: readonly ChildWords[];
}

export interface MarkSessionHeld extends Issued {
  readonly type: 'MarkSessionHeld';
  readonly sessionId: string;
}

export const INCIDENT_SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

export const INFORMED_PARTIES = ['coordinator', 'mandant', 'prosecutor', 'police', 'protected-parent', 'medical'] as const;
export type InformedParty = (typeof INFORMED_PARTIES)[number];

export interface ReportIncident extends Issued {
  readonly type: 'ReportIncident';
  readonly sessionId: string;
  readonly incidentId: string;
  readonly severity: IncidentSeverity;
  readonly interruptedSession: boolean;
  readonly informed: readonly InformedParty[];
  /** Id for the escalation task a serious incident raises; given by the caller so a retry raises the same one. */
  readonly escalationTaskId: string;
}

export interface LiftSuspension extends Issued {
  readonly type: 'LiftSuspension';
  readonly liftedBy: { readonly userId: string; readonly role: string };
}

/**
 * A bond-pertinence decision co-signed in the assessments service, as its contract tells it. The
 * decision is the assessments service's; the plan only applies what it means for supervised meetings.
 */
export interface ApplyBondDecision extends Issued {
  readonly type: 'ApplyBondDecision';
  readonly decisionId: string;
  /** `continue` | `adapt` | `suspend` | `end`, kept for the timeline; the effect follows `stopsSupervisedMeetings`. */
  readonly outcome: string;
  readonly stopsSupervisedMeetings: boolean;
  /** The decision it replaces: when that one stopped supervised meetings, this one decides again. */
  readonly supersedesDecisionId: string | null;
}

export type SessionPlanCommand =
  | OpenSessionPlan
  | AdvancePhase
  | ScheduleSession
  | RescheduleSession
  | CancelSession
  | RecordNoShow
  | RecordAttendance
  | RecordObservation
  | MarkSessionHeld
  | ReportIncident
  | LiftSuspension
  | ApplyBondDecision;
