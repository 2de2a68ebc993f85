/**
 * The people of a case, by pseudonymous id only. The child arrives and leaves with the protected
 * household (the parent the measures protect, or the custodial parent); the other parent is the other
 * household. Staggering keeps the two apart.
 */
export type ParticipantRole = 'child' | 'parent';
export type Household = 'protected' | 'other';

export interface CaseParticipant {
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly household: Household;
}

/** A protective measure in force, e.g. a no-contact order of the restricted person towards the protected ones. */
export interface ProtectiveMeasure {
  readonly measureId: string;
  readonly kind: string;
  readonly restrictedParticipantId: string;
  readonly protectedParticipantIds: readonly string[];
  /** The mandate allows contact when it is supervised (a supervised meeting); any other encounter stays forbidden. */
  readonly supervisedContactAllowed: boolean;
}

/** Who caused a cancellation or a no-show. */
export const ATTRIBUTIONS = ['parent', 'child', 'service', 'force-majeure'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** Personal data as the domain reads it back: the value, or the fact that its owner was erased (crypto-shredding). */
export type Personal<T> = T | { readonly erased: true };
