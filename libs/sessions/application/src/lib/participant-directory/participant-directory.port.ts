import { DomainError } from '@lien/shared-kernel';

/**
 * Which pseudonymous person ids the district knows, from the plans its cases opened. It tells an id
 * that belongs to another case ("not linked to this case") from one nobody knows (a typo, an invention).
 */
export abstract class ParticipantDirectory {
  abstract isKnownInDistrict(district: string, participantId: string): Promise<boolean>;
}

export class UnknownParticipant extends DomainError {
  readonly code = 'UNKNOWN_PARTICIPANT';
  readonly kind = 'invalid-input' as const;
  constructor(readonly field: string) {
    super(`${field} is not a known participant`, { field });
  }
}

/** Refuses ids the district has never seen; ids of other cases are left for the plan to refuse as not linked. */
export async function refuseUnknownParticipants(directory: ParticipantDirectory, district: string, caseParticipantIds: ReadonlySet<string>, participantIds: readonly string[]): Promise<void> {
  for (const [index, id] of participantIds.entries()) {
    if (caseParticipantIds.has(id)) continue;
    if (!(await directory.isKnownInDistrict(district, id))) throw new UnknownParticipant(`participantIds[${index}]`);
  }
}
