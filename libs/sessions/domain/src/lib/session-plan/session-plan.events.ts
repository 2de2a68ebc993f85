import { ProtocolTemplate, SafetySettings, SessionType } from '../protocol/protocol-template';
import { Attribution, CaseParticipant, Household, Personal, ProtectiveMeasure } from './participants';
import { AttendanceStatus, IncidentSeverity, InformedParty } from './session-plan.commands';

/** Separation windows as stored: ISO-8601 UTC. */
export interface StoredHouseholdWindows {
  readonly household: Household;
  readonly arrivesFrom: string;
  readonly arrivesBy: string;
  readonly leavesFrom: string;
  readonly leavesBy: string;
}

export interface SessionPlanOpened {
  readonly type: 'SessionPlanOpened';
  readonly caseId: string;
  readonly template: ProtocolTemplate;
  readonly safety: SafetySettings;
  readonly participants: readonly CaseParticipant[];
  readonly measures: readonly ProtectiveMeasure[];
  readonly openedFrom: string;
}

export interface PhaseAdvanced {
  readonly type: 'PhaseAdvanced';
  readonly caseId: string;
  readonly from: string;
  readonly to: string;
}

export interface SessionScheduled {
  readonly type: 'SessionScheduled';
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: SessionType;
  readonly phase: string;
  readonly participantIds: readonly string[];
  readonly practitionerIds: readonly string[];
  readonly roomId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly separation: readonly StoredHouseholdWindows[];
}

export interface SessionRescheduled {
  readonly type: 'SessionRescheduled';
  readonly caseId: string;
  readonly sessionId: string;
  readonly roomId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly separation: readonly StoredHouseholdWindows[];
}

/**
 * `safety-suspension`: the service called it off because a serious incident suspended supervised meetings;
 * `bond-decision`: because a co-signed bond decision stopped them (the `BondDecisionApplied` of the same append).
 */
export type CancellationReason = 'requested' | 'safety-suspension' | 'bond-decision';

export interface SessionCancelled {
  readonly type: 'SessionCancelled';
  readonly caseId: string;
  readonly sessionId: string;
  /** Repeated from the scheduling so the event can be published on its own. */
  readonly sessionType: SessionType;
  readonly attributedTo: Attribution;
  readonly attributedParticipantId: string | null;
  readonly reason: CancellationReason;
}

export interface SessionNoShowRecorded {
  readonly type: 'SessionNoShowRecorded';
  readonly caseId: string;
  readonly sessionId: string;
  /** Repeated from the scheduling so the event can be published on its own. */
  readonly sessionType: SessionType;
  readonly attributedTo: Attribution;
  readonly attributedParticipantId: string | null;
}

export interface AttendanceRecorded {
  readonly type: 'AttendanceRecorded';
  readonly caseId: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly status: AttendanceStatus;
  readonly lateMinutes: number | null;
}

export interface ObservationRecorded {
  readonly type: 'ObservationRecorded';
  readonly caseId: string;
  readonly sessionId: string;
  readonly observationId: string;
  readonly aboutParticipantId: string;
  readonly text: Personal<string>;
  readonly childWords: readonly { readonly speakerId: string; readonly words: Personal<string> }[];
}

export interface SessionHeld {
  readonly type: 'SessionHeld';
  readonly caseId: string;
  readonly sessionId: string;
  /** Repeated from the scheduling so the event can be published on its own. */
  readonly sessionType: SessionType;
  readonly interrupted: boolean;
}

export interface IncidentReported {
  readonly type: 'IncidentReported';
  readonly caseId: string;
  readonly sessionId: string;
  /** Repeated from the scheduling so the event can be published on its own. */
  readonly sessionType: SessionType;
  readonly incidentId: string;
  readonly severity: IncidentSeverity;
  readonly interruptedSession: boolean;
  readonly informed: readonly InformedParty[];
}

export interface SupervisedMeetingsSuspended {
  readonly type: 'SupervisedMeetingsSuspended';
  readonly caseId: string;
  readonly incidentId: string;
}

export interface EscalationTaskRaised {
  readonly type: 'EscalationTaskRaised';
  readonly caseId: string;
  readonly taskId: string;
  readonly incidentId: string;
  readonly dueBy: string;
}

export interface SuspensionLifted {
  readonly type: 'SuspensionLifted';
  readonly caseId: string;
  readonly incidentId: string;
  readonly liftedBy: string;
}

/**
 * A co-signed bond decision was applied to the plan: with `stopsSupervisedMeetings` no supervised meeting
 * is planned until a later decision replaces this one; without it, a stop by the decision it replaces ends.
 */
export interface BondDecisionApplied {
  readonly type: 'BondDecisionApplied';
  readonly caseId: string;
  readonly decisionId: string;
  readonly outcome: string;
  readonly stopsSupervisedMeetings: boolean;
  readonly supersedesDecisionId: string | null;
  /** When it was co-signed, ISO-8601 UTC: meetings planned after it are called off. */
  readonly signedAt: string;
}

export type SessionPlanEvent =
  | SessionPlanOpened
  | PhaseAdvanced
  | SessionScheduled
  | SessionRescheduled
  | SessionCancelled
  | SessionNoShowRecorded
  | AttendanceRecorded
  | ObservationRecorded
  | SessionHeld
  | IncidentReported
  | SupervisedMeetingsSuspended
  | EscalationTaskRaised
  | SuspensionLifted
  | BondDecisionApplied;
