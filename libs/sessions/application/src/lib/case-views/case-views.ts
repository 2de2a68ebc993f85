import { HouseholdWindows, OpenPlan, PlannedSession, SessionNotFound, SessionPlanNotOpened } from '@lien/sessions-domain';
import { shownTime, ShownTime } from '../read-models/sessions-read-model.queries';
import { PlanRevision, SessionPlanRepository, StoredPlanEvent } from '../plan-store/session-plan.repository';

export interface PlanView {
  readonly caseId: string;
  readonly templateId: string;
  readonly phase: string;
  readonly phases: readonly string[];
  readonly supervisedMeetingsSuspendedBy: string | null;
  /** The co-signed bond decision (assessments) that stops supervised meetings, if any. */
  readonly supervisedMeetingsStoppedByDecision: string | null;
  readonly escalationTasks: OpenPlan['escalationTasks'];
  readonly participants: readonly { participantId: string; role: string; household: string }[];
  readonly measures: OpenPlan['measures'];
  readonly safety: OpenPlan['safety'];
  readonly sessions: readonly { sessionId: string; sessionType: string; status: string; startsAt: ShownTime; endsAt: ShownTime }[];
  readonly revision: PlanRevision;
}

export interface SessionView {
  readonly sessionId: string;
  readonly sessionType: string;
  readonly status: string;
  readonly roomId: string;
  readonly participantIds: readonly string[];
  readonly practitionerIds: readonly string[];
  readonly startsAt: ShownTime;
  readonly endsAt: ShownTime;
  readonly separation: readonly { household: string; arrives: { from: ShownTime; by: ShownTime }; leaves: { from: ShownTime; by: ShownTime } }[];
  readonly attendance: PlannedSession['attendance'];
  readonly interrupted: boolean;
  /** Read from the event store, opened with each person's key (or shown as erased). */
  readonly observations: readonly { observationId: string; aboutParticipantId: string; text: unknown; childWords: readonly { speakerId: string; words: unknown }[]; recordedAt: string; recordedBy: string }[];
  readonly incidents: readonly { incidentId: string; severity: string; interruptedSession: boolean; informed: readonly string[]; reportedAt: string }[];
  readonly revision: PlanRevision;
}

export function separationView(windows: readonly HouseholdWindows[]): SessionView['separation'] {
  return windows.map((w) => ({ household: w.household, arrives: { from: shownTime(new Date(w.arrivesFrom)), by: shownTime(new Date(w.arrivesBy)) }, leaves: { from: shownTime(new Date(w.leavesFrom)), by: shownTime(new Date(w.leavesBy)) } }));
}

async function openPlan(plans: SessionPlanRepository, district: string, caseId: string): Promise<{ plan: OpenPlan; revision: PlanRevision; events: StoredPlanEvent[] }> {
  const events = await plans.readEvents(district, caseId);
  const { state, revision } = SessionPlanRepository.fold(events);
  if (state.status !== 'open') throw new SessionPlanNotOpened();
  return { plan: state, revision, events };
}

export async function viewSessionPlan(plans: SessionPlanRepository, district: string, caseId: string): Promise<PlanView> {
  const { plan, revision } = await openPlan(plans, district, caseId);
  return {
    caseId: plan.caseId,
    templateId: plan.template.templateId,
    phase: plan.phase,
    phases: plan.template.phases.map((p) => p.code),
    supervisedMeetingsSuspendedBy: plan.suspendedBy,
    supervisedMeetingsStoppedByDecision: plan.stoppedByDecision,
    escalationTasks: plan.escalationTasks,
    participants: Object.values(plan.participants),
    measures: plan.measures,
    safety: plan.safety,
    sessions: Object.values(plan.sessions)
      .sort((a, b) => a.startsAt - b.startsAt)
      .map((s) => ({ sessionId: s.sessionId, sessionType: s.sessionType, status: s.status, startsAt: shownTime(new Date(s.startsAt)), endsAt: shownTime(new Date(s.endsAt)) })),
    revision,
  };
}

export async function viewSession(plans: SessionPlanRepository, district: string, caseId: string, sessionId: string): Promise<SessionView> {
  const { plan, revision, events } = await openPlan(plans, district, caseId);
  const session = plan.sessions[sessionId];
  if (!session) throw new SessionNotFound(sessionId);
  const ofSession = events.filter(({ event }) => 'sessionId' in event && event.sessionId === sessionId);
  return {
    sessionId,
    sessionType: session.sessionType,
    status: session.status,
    roomId: session.roomId,
    participantIds: session.participantIds,
    practitionerIds: session.practitionerIds,
    startsAt: shownTime(new Date(session.startsAt)),
    endsAt: shownTime(new Date(session.endsAt)),
    separation: separationView(session.separation),
    attendance: session.attendance,
    interrupted: session.interrupted,
    observations: ofSession.flatMap(({ event, recorded }) =>
      event.type === 'ObservationRecorded'
        ? [{ observationId: event.observationId, aboutParticipantId: event.aboutParticipantId, text: event.text, childWords: event.childWords, recordedAt: recorded.metadata.occurredAt, recordedBy: recorded.metadata.actor.userId }]
        : [],
    ),
    incidents: ofSession.flatMap(({ event, recorded }) =>
      event.type === 'IncidentReported'
        ? [{ incidentId: event.incidentId, severity: event.severity, interruptedSession: event.interruptedSession, informed: event.informed, reportedAt: recorded.metadata.occurredAt }]
        : [],
    ),
    revision,
  };
}
