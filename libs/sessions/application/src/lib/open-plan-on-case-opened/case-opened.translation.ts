import { CaseParticipant, ProtectiveMeasure } from '@lien/sessions-domain';
import type { CaseOpenedV1 } from '@lien/referrals-contracts';

/** A contract that cannot be read safely: retrying will not fix it, so it goes to the dead letters. */
export class UnreadableCaseOpened extends Error {
  constructor(reason: string) {
    super(`case-opened contract unreadable: ${reason}`);
    this.name = 'UnreadableCaseOpened';
  }
}

const PARENT_ROLES = ['MOTHER', 'FATHER', 'OTHER_PARENT_FIGURE'];

const ids = (list: unknown, field: string): string[] => {
  if (typeof list !== 'string') throw new UnreadableCaseOpened(`${field} is missing`);
  return list === '' ? [] : list.split(',');
};

export interface CaseForSessions {
  readonly caseId: string;
  readonly participants: CaseParticipant[];
  readonly measures: ProtectiveMeasure[];
}

/**
 * Reads the producer's `CaseOpenedV1`. Its adult roles, custodial adult, protective measures and
 * supervised-contact flag are optional for readers of the first v1 shape; sessions needs them to know
 * whom to protect, so a contract without them is refused (dead-lettered), never guessed
 * (docs/adr/0008-sessions-safety.md).
 *
 * Who belongs to which household. The protected household is the one the measures protect (else the
 * custodial adult's): the child comes and goes with it. An adult restrained by a measure is always in
 * the other household. Only parents take part in sessions; other adults are not participants here.
 */
export function caseForSessions(data: Readonly<Record<string, unknown>>): CaseForSessions {
  const contract = data as unknown as Partial<CaseOpenedV1>;
  if (typeof contract.caseId !== 'string' || contract.caseId === '') throw new UnreadableCaseOpened('caseId is missing');
  const childIds = ids(contract.childIds, 'childIds');
  const adultIds = ids(contract.adultIds, 'adultIds');
  const roles = ids(contract.adultRoles, 'adultRoles');
  if (roles.length !== adultIds.length) throw new UnreadableCaseOpened('adultRoles does not match adultIds');
  if (typeof contract.supervisedContactAllowed !== 'boolean') throw new UnreadableCaseOpened('supervisedContactAllowed is missing');
  const allMeasures = measuresOf(contract.protectiveMeasures, contract.supervisedContactAllowed);
  const restrained = new Set(allMeasures.map((m) => m.restrictedParticipantId));
  const parents = adultIds.filter((_, index) => PARENT_ROLES.includes(roles[index] as string));
  const protectedParent = protectedParentOf(parents, allMeasures, restrained, contract.custodialAdultId ?? null);
  const household = (id: string) => (id === protectedParent && !restrained.has(id) ? ('protected' as const) : ('other' as const));
  // Only a no-contact order forbids a session; an address ban still decides who is in which household.
  const measures = allMeasures.filter((m) => m.kind === 'no-contact-order');
  const participants: CaseParticipant[] = [
    ...childIds.map((participantId) => ({ participantId, role: 'child' as const, household: 'protected' as const })),
    ...parents.map((participantId) => ({ participantId, role: 'parent' as const, household: household(participantId) })),
  ];
  const known = new Set(participants.map((p) => p.participantId));
  return { caseId: contract.caseId, participants, measures: measures.map((m) => ({ ...m, protectedParticipantIds: m.protectedParticipantIds.filter((id) => known.has(id)) })).filter((m) => known.has(m.restrictedParticipantId)) };
}

/** The parent the measures protect; else the custodial one; else the first listed, so the two parents are never one household. */
function protectedParentOf(parents: readonly string[], measures: readonly ProtectiveMeasure[], restrained: ReadonlySet<string>, custodial: string | null): string | undefined {
  const candidates = parents.filter((id) => !restrained.has(id));
  return (
    candidates.find((id) => measures.some((m) => m.protectedParticipantIds.includes(id))) ??
    candidates.find((id) => id === custodial) ??
    candidates[0]
  );
}

function measuresOf(encoded: unknown, supervisedContactAllowed: boolean): ProtectiveMeasure[] {
  if (typeof encoded !== 'string') throw new UnreadableCaseOpened('protectiveMeasures is missing');
  if (encoded === '') return [];
  return encoded.split(';').map((measure, index) => {
    const match = /^([A-Z_]+):([^>|]+)>([^>]+)$/.exec(measure);
    if (!match) throw new UnreadableCaseOpened(`protectiveMeasures[${index}] is malformed`);
    const [, kind, restrained, protectedList] = match as unknown as [string, string, string, string];
    return { measureId: `measure-${index + 1}`, kind: kind.toLowerCase().replace(/_/g, '-'), restrictedParticipantId: restrained, protectedParticipantIds: protectedList.split('|'), supervisedContactAllowed };
  });
}
