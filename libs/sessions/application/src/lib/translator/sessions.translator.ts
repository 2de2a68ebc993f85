import { RecordedEvent } from '@lien/shared-event-store';
import { IntegrationContract } from '@lien/shared-relay';
import {
  IncidentReportedV1, SESSION_CONTRACT_TYPES, SESSION_LIFECYCLE_FAMILY, SESSION_LIFECYCLE_VERSION, SessionCancelledV1, SessionHeldV1, SessionNoShowV1, SessionRescheduledV1,
  SessionScheduledV1, SuspensionLiftedV1,
} from '@lien/sessions-contracts';
import { SESSION_PLAN_STORED_TYPES, sessionPlanCodec } from '../plan-store/session-plan.codec';

type ContractData = IntegrationContract['data'];

const PUBLISHED: ReadonlySet<string> = new Set([
  SESSION_PLAN_STORED_TYPES.SessionScheduled,
  SESSION_PLAN_STORED_TYPES.SessionRescheduled,
  SESSION_PLAN_STORED_TYPES.SessionHeld,
  SESSION_PLAN_STORED_TYPES.SessionCancelled,
  SESSION_PLAN_STORED_TYPES.SessionNoShowRecorded,
  SESSION_PLAN_STORED_TYPES.IncidentReported,
  SESSION_PLAN_STORED_TYPES.SuspensionLifted,
]);

function contract(type: string, data: ContractData): IntegrationContract {
  return { family: SESSION_LIFECYCLE_FAMILY, familyVersion: SESSION_LIFECYCLE_VERSION, type, data };
}

/**
 * Stored session-plan events → session-lifecycle contracts. Observations, attendance and the plan's
 * participants stay inside: only what other services need, by role and pseudonymous case id, leaves.
 * Pure, so a relay restarted after a crash sends byte-identical records.
 */
export function translateSessionEvent(stored: RecordedEvent): IntegrationContract | undefined {
  // Checked before decoding: events that stay inside (some with sealed personal fields) are never opened here.
  if (!PUBLISHED.has(stored.type)) return undefined;
  const event = sessionPlanCodec.decode(stored);
  switch (event.type) {
    case 'SessionScheduled': {
      const data: SessionScheduledV1 = { caseId: event.caseId, sessionId: event.sessionId, sessionType: event.sessionType, phase: event.phase, startsAt: event.startsAt, endsAt: event.endsAt };
      return contract(SESSION_CONTRACT_TYPES.sessionScheduled, { ...data });
    }
    case 'SessionRescheduled': {
      const data: SessionRescheduledV1 = { caseId: event.caseId, sessionId: event.sessionId, startsAt: event.startsAt, endsAt: event.endsAt };
      return contract(SESSION_CONTRACT_TYPES.sessionRescheduled, { ...data });
    }
    case 'SessionHeld': {
      const data: SessionHeldV1 = { caseId: event.caseId, sessionId: event.sessionId, sessionType: event.sessionType, interrupted: event.interrupted };
      return contract(SESSION_CONTRACT_TYPES.sessionHeld, { ...data });
    }
    case 'SessionCancelled': {
      const data: SessionCancelledV1 = { caseId: event.caseId, sessionId: event.sessionId, sessionType: event.sessionType, attributedTo: event.attributedTo, reason: event.reason };
      return contract(SESSION_CONTRACT_TYPES.sessionCancelled, { ...data });
    }
    case 'SessionNoShowRecorded': {
      const data: SessionNoShowV1 = { caseId: event.caseId, sessionId: event.sessionId, sessionType: event.sessionType, attributedTo: event.attributedTo };
      return contract(SESSION_CONTRACT_TYPES.noShow, { ...data });
    }
    case 'IncidentReported': {
      const data: IncidentReportedV1 = {
        caseId: event.caseId,
        sessionId: event.sessionId,
        sessionType: event.sessionType,
        incidentId: event.incidentId,
        severity: event.severity,
        interruptedSession: event.interruptedSession,
      };
      return contract(SESSION_CONTRACT_TYPES.incidentReported, { ...data });
    }
    case 'SuspensionLifted': {
      const data: SuspensionLiftedV1 = { caseId: event.caseId, incidentId: event.incidentId };
      return contract(SESSION_CONTRACT_TYPES.suspensionLifted, { ...data });
    }
    default:
      return undefined;
  }
}
