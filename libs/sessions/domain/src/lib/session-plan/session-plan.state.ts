import { ProtocolTemplate, SafetySettings, SessionType } from '../protocol/protocol-template';
import { HouseholdWindows } from '../safety/separation-plan';
import { EpochMs, fromUtcIso } from '../time/zoned-instant';
import { CaseParticipant, ProtectiveMeasure } from './participants';
import { AttendanceStatus } from './session-plan.commands';
import { SessionPlanEvent, StoredHouseholdWindows } from './session-plan.events';

export type SessionStatus = 'scheduled' | 'held' | 'cancelled' | 'no-show';

export interface AttendanceEntry {
  readonly status: AttendanceStatus;
  readonly lateMinutes: number | null;
}

export interface PlannedSession {
  readonly sessionId: string;
  readonly sessionType: SessionType;
  readonly participantIds: readonly string[];
  readonly practitionerIds: readonly string[];
  readonly roomId: string;
  readonly startsAt: EpochMs;
  readonly endsAt: EpochMs;
  readonly separation: readonly HouseholdWindows[];
  readonly status: SessionStatus;
  readonly attendance: Readonly<Record<string, AttendanceEntry>>;
  readonly observationIds: readonly string[];
  readonly incidentIds: readonly string[];
  readonly interrupted: boolean;
}

export interface EscalationTask {
  readonly taskId: string;
  readonly incidentId: string;
  readonly dueBy: string;
}

export interface OpenPlan {
  readonly status: 'open';
  readonly caseId: string;
  readonly template: ProtocolTemplate;
  readonly safety: SafetySettings;
  readonly participants: Readonly<Record<string, CaseParticipant>>;
  readonly measures: readonly ProtectiveMeasure[];
  readonly phase: string;
  readonly sessions: Readonly<Record<string, PlannedSession>>;
  /** The serious incident that suspended supervised meetings, until a coordinator lifts it. */
  readonly suspendedBy: string | null;
  readonly escalationTasks: readonly EscalationTask[];
  /** The co-signed bond decision that stops supervised meetings, until a later decision replaces it. */
  readonly stoppedByDecision: string | null;
  /** Bond decisions applied, and those a later one replaced: a late or repeated delivery changes nothing. */
  readonly appliedDecisionIds: readonly string[];
  readonly supersededDecisionIds: readonly string[];
}

export type SessionPlanState = { readonly status: 'not-opened' } | OpenPlan;

export const initialSessionPlanState = (): SessionPlanState => ({ status: 'not-opened' });

export function windowsFromStored(stored: readonly StoredHouseholdWindows[]): HouseholdWindows[] {
  return stored.map((w) => ({ household: w.household, arrivesFrom: fromUtcIso(w.arrivesFrom), arrivesBy: fromUtcIso(w.arrivesBy), leavesFrom: fromUtcIso(w.leavesFrom), leavesBy: fromUtcIso(w.leavesBy) }));
}

function withSession(plan: OpenPlan, sessionId: string, change: (session: PlannedSession) => PlannedSession): OpenPlan {
  const session = plan.sessions[sessionId];
  return session ? { ...plan, sessions: { ...plan.sessions, [sessionId]: change(session) } } : plan;
}

export function evolveSessionPlan(state: SessionPlanState, event: SessionPlanEvent): SessionPlanState {
  if (event.type === 'SessionPlanOpened') {
    return {
      status: 'open',
      caseId: event.caseId,
      template: event.template,
      safety: event.safety,
      participants: Object.fromEntries(event.participants.map((p) => [p.participantId, p])),
      measures: event.measures,
      phase: event.template.phases[0]?.code ?? '',
      sessions: {},
      suspendedBy: null,
      escalationTasks: [],
      stoppedByDecision: null,
      appliedDecisionIds: [],
      supersededDecisionIds: [],
    };
  }
  if (state.status !== 'open') return state;
  return evolveOpenPlan(state, event);
}

function evolveOpenPlan(plan: OpenPlan, event: Exclude<SessionPlanEvent, { type: 'SessionPlanOpened' }>): OpenPlan {
  switch (event.type) {
    case 'PhaseAdvanced':
      return { ...plan, phase: event.to };
    case 'SessionScheduled':
      return {
        ...plan,
        sessions: {
          ...plan.sessions,
          [event.sessionId]: {
            sessionId: event.sessionId,
            sessionType: event.sessionType,
            participantIds: event.participantIds,
            practitionerIds: event.practitionerIds,
            roomId: event.roomId,
            startsAt: fromUtcIso(event.startsAt),
            endsAt: fromUtcIso(event.endsAt),
            separation: windowsFromStored(event.separation),
            status: 'scheduled',
            attendance: {},
            observationIds: [],
            incidentIds: [],
            interrupted: false,
          },
        },
      };
    case 'SessionRescheduled':
      return withSession(plan, event.sessionId, (s) => ({ ...s, roomId: event.roomId, startsAt: fromUtcIso(event.startsAt), endsAt: fromUtcIso(event.endsAt), separation: windowsFromStored(event.separation) }));
    case 'SessionCancelled':
      return withSession(plan, event.sessionId, (s) => ({ ...s, status: 'cancelled' }));
    case 'SessionNoShowRecorded':
      return withSession(plan, event.sessionId, (s) => ({ ...s, status: 'no-show' }));
    case 'AttendanceRecorded':
      return withSession(plan, event.sessionId, (s) => ({ ...s, attendance: { ...s.attendance, [event.participantId]: { status: event.status, lateMinutes: event.lateMinutes } } }));
    case 'ObservationRecorded':
      return withSession(plan, event.sessionId, (s) => ({ ...s, observationIds: [...s.observationIds, event.observationId] }));
    case 'SessionHeld':
      return withSession(plan, event.sessionId, (s) => ({ ...s, status: 'held' }));
    case 'IncidentReported':
      return withSession(plan, event.sessionId, (s) => ({ ...s, incidentIds: [...s.incidentIds, event.incidentId], interrupted: s.interrupted || event.interruptedSession }));
    case 'SupervisedMeetingsSuspended':
      return { ...plan, suspendedBy: event.incidentId };
    case 'EscalationTaskRaised':
      return { ...plan, escalationTasks: [...plan.escalationTasks, { taskId: event.taskId, incidentId: event.incidentId, dueBy: event.dueBy }] };
    case 'SuspensionLifted':
      return { ...plan, suspendedBy: null };
    case 'BondDecisionApplied':
      return {
        ...plan,
        stoppedByDecision: event.stopsSupervisedMeetings ? event.decisionId : plan.stoppedByDecision === event.supersedesDecisionId ? null : plan.stoppedByDecision,
        appliedDecisionIds: [...plan.appliedDecisionIds, event.decisionId],
        supersededDecisionIds: event.supersedesDecisionId === null ? plan.supersededDecisionIds : [...plan.supersededDecisionIds, event.supersedesDecisionId],
      };
  }
}
