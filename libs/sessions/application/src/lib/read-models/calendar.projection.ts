import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@lien/shared-event-store';
import { SessionPlanEvent } from '@lien/sessions-domain';
import { SessionsReadModelTables } from './sessions-read-model.schema';

/**
 * The district calendar: one row per session. Every change is guarded by the plan revision, so an
 * event applied twice (a replay, a redelivery) finds its change already there and does nothing.
 */
export async function projectCalendar(event: SessionPlanEvent, recorded: RecordedEvent, manager: EntityManager, tables: SessionsReadModelTables): Promise<void> {
  const district = recorded.metadata.district;
  const revision = recorded.revision.toString();
  const update = (set: string, values: unknown[]) =>
    manager.query(`UPDATE ${tables.calendar} SET ${set}, plan_revision = $3 WHERE district = $1 AND session_id = $2 AND plan_revision < $3`, [district, sessionIdOf(event), revision, ...values]);
  switch (event.type) {
    case 'SessionScheduled':
      await manager.query(
        `INSERT INTO ${tables.calendar} (district, session_id, case_id, session_type, phase, room_id, starts_at, ends_at, practitioner_ids, participant_ids, separation, status, plan_revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'scheduled', $12) ON CONFLICT (district, session_id) DO NOTHING`,
        [district, event.sessionId, event.caseId, event.sessionType, event.phase, event.roomId, event.startsAt, event.endsAt, event.practitionerIds, event.participantIds, JSON.stringify(event.separation), revision],
      );
      return;
    case 'SessionRescheduled':
      await update('room_id = $4, starts_at = $5, ends_at = $6, separation = $7', [event.roomId, event.startsAt, event.endsAt, JSON.stringify(event.separation)]);
      return;
    case 'SessionCancelled':
      await update(`status = 'cancelled'`, []);
      return;
    case 'SessionNoShowRecorded':
      await update(`status = 'no-show'`, []);
      return;
    case 'SessionHeld':
      await update(`status = 'held', interrupted = $4`, [event.interrupted]);
      return;
    case 'IncidentReported':
      if (event.interruptedSession) await update('interrupted = true', []);
      return;
    default:
      return;
  }
}

function sessionIdOf(event: SessionPlanEvent): string | null {
  return 'sessionId' in event ? event.sessionId : null;
}
