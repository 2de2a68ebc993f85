import { DomainError } from '@lien/shared-kernel';
import { SessionType } from '../protocol/protocol-template';
import { ProtectiveMeasure } from '../session-plan/participants';

/**
 * The measure that forbids bringing these people together, if any: a restricted person may meet a
 * protected one only in a supervised meeting, and only when the mandate allows supervised contact.
 */
export function measureForbidding(sessionType: SessionType, participantIds: readonly string[], measures: readonly ProtectiveMeasure[]): ProtectiveMeasure | undefined {
  const present = new Set(participantIds);
  return measures.find((measure) => {
    if (!present.has(measure.restrictedParticipantId)) return false;
    if (!measure.protectedParticipantIds.some((id) => present.has(id))) return false;
    return !(measure.supervisedContactAllowed && sessionType === 'supervised-meeting');
  });
}

export class ProtectiveMeasureForbidsSession extends DomainError {
  readonly code = 'PROTECTIVE_MEASURE_FORBIDS_SESSION';
  readonly kind = 'rule-violation' as const;
  constructor(readonly measureId: string, readonly measureKind: string) {
    super(`A protective measure (${measureKind}) forbids this session`, { field: 'participants', measureId, measureKind });
  }
}
