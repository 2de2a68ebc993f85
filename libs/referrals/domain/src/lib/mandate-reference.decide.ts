import { Decider, DomainError } from '@lien/shared-kernel';

/**
 * One reservation stream per mandate reference and district. Appending to it with the revision read
 * is what makes "one active referral per reference" hold under concurrency: two registrations that
 * read the same revision cannot both append.
 */
export interface MandateReferenceReserved {
  readonly type: 'MandateReferenceReserved';
  readonly referralId: string;
  /** ISO-8601 instant; lets a later registration take over a reservation whose referral was never written. */
  readonly reservedAt: string;
}

export type MandateReferenceEvent = MandateReferenceReserved;

/** What the caller found when it looked at the referral currently holding the reference. */
export type HolderStatus = 'ACTIVE' | 'ENDED' | 'MISSING';

export interface ReserveMandateReference {
  readonly type: 'ReserveMandateReference';
  readonly referralId: string;
  readonly at: string;
  /** Status of the current holder's referral; ignored when nobody holds the reference. */
  readonly holderStatus: HolderStatus;
}

export interface MandateReferenceState {
  readonly holder?: { readonly referralId: string; readonly reservedAt: string };
}

/** A registration that reserved the reference has this long to write its referral before another may take it over. */
export const RESERVATION_GRACE_MS = 2 * 60 * 1000;

export class DuplicateMandateReference extends DomainError {
  readonly code = 'DUPLICATE_MANDATE_REFERENCE';
  readonly kind = 'conflict' as const;
  constructor(readonly existingReferralId: string) {
    super('Une demande active porte déjà cette référence du mandant dans cet arrondissement.', { existingReferralId });
  }
}

export function decideMandateReference(command: ReserveMandateReference, state: MandateReferenceState): readonly MandateReferenceEvent[] {
  const reserved: MandateReferenceReserved = { type: 'MandateReferenceReserved', referralId: command.referralId, reservedAt: command.at };
  const holder = state.holder;
  if (!holder) return [reserved];
  if (holder.referralId === command.referralId) return [];
  if (command.holderStatus === 'ENDED') return [reserved];
  // A missing referral is most likely a registration still in flight; only a stale one is abandoned.
  const abandoned = command.holderStatus === 'MISSING' && Date.parse(command.at) - Date.parse(holder.reservedAt) > RESERVATION_GRACE_MS;
  if (abandoned) return [reserved];
  throw new DuplicateMandateReference(holder.referralId);
}

export const mandateReferenceDecider: Decider<ReserveMandateReference, MandateReferenceEvent, MandateReferenceState> = {
  decide: decideMandateReference,
  evolve: (_, event) => ({ holder: { referralId: event.referralId, reservedAt: event.reservedAt } }),
  initialState: () => ({}),
};

/** Case, accents, spacing and separators vary between copies of one decision; they do not make another reference. */
export function normaliseMandateReference(reference: string): string {
  return reference
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[\s\-./]+/g, '');
}
