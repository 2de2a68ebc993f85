import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@lien/shared-event-store';
import { SessionPlanEvent } from '@lien/sessions-domain';
import { SessionsReadModelTables } from './sessions-read-model.schema';

type Details = Record<string, string | number | boolean | null | readonly string[]>;

/**
 * What the timeline shows of each event. Observations and the child's words are not copied here: they
 * stay sealed in the event store, where erasing a person's key erases them; the timeline only says that
 * an observation was recorded.
 */
function detailsOf(event: SessionPlanEvent): Details {
  switch (event.type) {
    case 'SessionPlanOpened':
      return { templateId: event.template.templateId, phase: event.template.phases[0]?.code ?? null };
    case 'PhaseAdvanced':
      return { from: event.from, to: event.to };
    case 'SessionScheduled':
      return { sessionType: event.sessionType, roomId: event.roomId, startsAt: event.startsAt, endsAt: event.endsAt };
    case 'SessionRescheduled':
      return { roomId: event.roomId, startsAt: event.startsAt, endsAt: event.endsAt };
    case 'SessionCancelled':
      return { sessionType: event.sessionType, attributedTo: event.attributedTo, reason: event.reason };
    case 'SessionNoShowRecorded':
      return { sessionType: event.sessionType, attributedTo: event.attributedTo };
    case 'AttendanceRecorded':
      return { participantId: event.participantId, status: event.status, lateMinutes: event.lateMinutes };
    case 'ObservationRecorded':
      return { observationId: event.observationId, childWordsCount: event.childWords.length };
    case 'SessionHeld':
      return { sessionType: event.sessionType, interrupted: event.interrupted };
    case 'IncidentReported':
      return { incidentId: event.incidentId, severity: event.severity, interruptedSession: event.interruptedSession, informed: event.informed };
    case 'SupervisedMeetingsSuspended':
      return { incidentId: event.incidentId };
    case 'EscalationTaskRaised':
      return { taskId: event.taskId, incidentId: event.incidentId, dueBy: event.dueBy };
    case 'SuspensionLifted':
      return { incidentId: event.incidentId, liftedBy: event.liftedBy };
    case 'BondDecisionApplied':
      return { decisionId: event.decisionId, outcome: event.outcome, stopsSupervisedMeetings: event.stopsSupervisedMeetings, supersedesDecisionId: event.supersedesDecisionId };
  }
}

/** One row per event, keyed by the event id: applying an event again inserts nothing. */
export async function projectCaseTimeline(event: SessionPlanEvent, recorded: RecordedEvent, manager: EntityManager, tables: SessionsReadModelTables): Promise<void> {
  await manager.query(
    `INSERT INTO ${tables.timeline} (district, event_id, case_id, plan_revision, occurred_at, entry, session_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (district, event_id) DO NOTHING`,
    [recorded.metadata.district, recorded.id, event.caseId, recorded.revision.toString(), recorded.metadata.occurredAt, event.type, 'sessionId' in event ? event.sessionId : null, JSON.stringify(detailsOf(event))],
  );
}

/** The district's people by pseudonymous id, to tell "not linked to this case" from "unknown". */
export async function projectParticipants(event: SessionPlanEvent, recorded: RecordedEvent, manager: EntityManager, tables: SessionsReadModelTables): Promise<void> {
  if (event.type !== 'SessionPlanOpened') return;
  for (const participant of event.participants) {
    await manager.query(`INSERT INTO ${tables.participants} (district, participant_id, case_id, role) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      recorded.metadata.district,
      participant.participantId,
      event.caseId,
      participant.role,
    ]);
  }
}
