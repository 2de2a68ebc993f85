import { RecordedEvent, JsonObject, JsonValue } from '@lien/shared-event-store';
import { EventCodec, StoredEventMapping, StoredEventMappings } from '@lien/shared-event-sourcing';
import { personal, readPersonal } from '@lien/shared-personal-data';
import { ObservationRecorded, SessionPlanEvent } from '@lien/sessions-domain';

/** Stored names are public and versioned, independent of the domain's type names. */
export const SESSION_PLAN_STORED_TYPES = {
  SessionPlanOpened: 'sessionplan.SessionPlanOpened.v1',
  PhaseAdvanced: 'sessionplan.PhaseAdvanced.v1',
  SessionScheduled: 'sessionplan.SessionScheduled.v1',
  SessionRescheduled: 'sessionplan.SessionRescheduled.v1',
  SessionCancelled: 'sessionplan.SessionCancelled.v1',
  SessionNoShowRecorded: 'sessionplan.SessionNoShowRecorded.v1',
  AttendanceRecorded: 'sessionplan.AttendanceRecorded.v1',
  ObservationRecorded: 'sessionplan.ObservationRecorded.v1',
  SessionHeld: 'sessionplan.SessionHeld.v1',
  IncidentReported: 'sessionplan.IncidentReported.v1',
  SupervisedMeetingsSuspended: 'sessionplan.SupervisedMeetingsSuspended.v1',
  EscalationTaskRaised: 'sessionplan.EscalationTaskRaised.v1',
  SuspensionLifted: 'sessionplan.SuspensionLifted.v1',
  BondDecisionApplied: 'sessionplan.BondDecisionApplied.v1',
} as const satisfies Record<SessionPlanEvent['type'], string>;

type EventOf<T extends SessionPlanEvent['type']> = Extract<SessionPlanEvent, { type: T }>;

/** Fields every stored version 1 carries; decoding fails (never guesses) when one is missing. */
function requireFields(data: JsonObject, fields: readonly string[]): void {
  for (const field of fields) if (data[field] === undefined) throw new Error(`missing ${field}`);
}

/** Events without personal data are stored as they are, minus their domain type. */
function plainMapping<T extends SessionPlanEvent['type']>(type: T, fields: readonly string[]): StoredEventMapping<EventOf<T>> {
  return {
    storedType: SESSION_PLAN_STORED_TYPES[type],
    encode: ({ type: _type, ...data }) => data as unknown as JsonObject,
    decode: (data) => {
      requireFields(data, ['caseId', ...fields]);
      return { type, ...data } as unknown as EventOf<T>;
    },
  };
}

/**
 * An observation is about a participant, and the child's words belong to the child who said them:
 * each is sealed under that person's own key, so erasing one person leaves the others readable.
 */
const observationMapping: StoredEventMapping<ObservationRecorded> = {
  storedType: SESSION_PLAN_STORED_TYPES.ObservationRecorded,
  encode: (event) => ({
    caseId: event.caseId,
    sessionId: event.sessionId,
    observationId: event.observationId,
    aboutParticipantId: event.aboutParticipantId,
    text: personal(event.aboutParticipantId, event.text as JsonValue),
    childWords: event.childWords.map((quote) => ({ speakerId: quote.speakerId, words: personal(quote.speakerId, quote.words as JsonValue) })),
  }),
  decode: (data) => {
    requireFields(data, ['caseId', 'sessionId', 'observationId', 'aboutParticipantId', 'text', 'childWords']);
    const quotes = data['childWords'] as JsonObject[];
    return {
      type: 'ObservationRecorded',
      caseId: String(data['caseId']),
      sessionId: String(data['sessionId']),
      observationId: String(data['observationId']),
      aboutParticipantId: String(data['aboutParticipantId']),
      text: readPersonal<string>(data['text']),
      childWords: quotes.map((quote) => ({ speakerId: String(quote['speakerId']), words: readPersonal<string>(quote['words']) })),
    };
  },
};

const SESSION = ['sessionId'];

const mappings: StoredEventMappings<SessionPlanEvent> = {
  SessionPlanOpened: plainMapping('SessionPlanOpened', ['template', 'safety', 'participants', 'measures', 'openedFrom']),
  PhaseAdvanced: plainMapping('PhaseAdvanced', ['from', 'to']),
  SessionScheduled: plainMapping('SessionScheduled', [...SESSION, 'sessionType', 'phase', 'participantIds', 'practitionerIds', 'roomId', 'startsAt', 'endsAt', 'separation']),
  SessionRescheduled: plainMapping('SessionRescheduled', [...SESSION, 'roomId', 'startsAt', 'endsAt', 'separation']),
  SessionCancelled: plainMapping('SessionCancelled', [...SESSION, 'sessionType', 'attributedTo', 'attributedParticipantId', 'reason']),
  SessionNoShowRecorded: plainMapping('SessionNoShowRecorded', [...SESSION, 'sessionType', 'attributedTo', 'attributedParticipantId']),
  AttendanceRecorded: plainMapping('AttendanceRecorded', [...SESSION, 'participantId', 'status', 'lateMinutes']),
  ObservationRecorded: observationMapping,
  SessionHeld: plainMapping('SessionHeld', [...SESSION, 'sessionType', 'interrupted']),
  IncidentReported: plainMapping('IncidentReported', [...SESSION, 'sessionType', 'incidentId', 'severity', 'interruptedSession', 'informed']),
  SupervisedMeetingsSuspended: plainMapping('SupervisedMeetingsSuspended', ['incidentId']),
  EscalationTaskRaised: plainMapping('EscalationTaskRaised', ['taskId', 'incidentId', 'dueBy']),
  SuspensionLifted: plainMapping('SuspensionLifted', ['incidentId', 'liftedBy']),
  BondDecisionApplied: plainMapping('BondDecisionApplied', ['decisionId', 'outcome', 'stopsSupervisedMeetings', 'supersedesDecisionId', 'signedAt']),
};

export const sessionPlanCodec = new EventCodec<SessionPlanEvent>(mappings);

export function decodeSessionPlanEvent(event: RecordedEvent): SessionPlanEvent {
  return sessionPlanCodec.decode(event);
}
