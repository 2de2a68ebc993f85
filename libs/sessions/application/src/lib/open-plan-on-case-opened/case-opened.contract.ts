import type { CaseOpenedV1 } from '@lien/referrals-contracts';
import { REFERRAL_LIFECYCLE_FAMILY as PRODUCER_FAMILY, REFERRAL_LIFECYCLE_FAMILY_VERSION, REFERRALS_PUBLISHER } from '@lien/referrals-contracts';

/**
 * The case-opened contract as this consumer reads it: the producer's `CaseOpenedV1` (same fields, same
 * comma-separated id lists), plus what sessions needs to keep people safe and the producer's v1 does not
 * carry yet: the adults' roles, the custodial adult, the protective measures and whether the mandate
 * allows supervised contact. Without them a plan would not know whom to protect, so such a contract is
 * refused (dead-lettered), never guessed. See docs/adr/0008-sessions-safety.md.
 *
 * The type name differs from the producer's `lien.referrals.case-opened.v1` on purpose: CloudEvents
 * `ce_type` headers must read `<service>.<Name>.v<n>` (libs/shared/messaging), which that name fails.
 */
export const CASE_OPENED_CONTRACT_TYPE = 'referrals.CaseOpened.v1';
export const REFERRALS_SERVICE = REFERRALS_PUBLISHER;
export const REFERRAL_LIFECYCLE_FAMILY = PRODUCER_FAMILY;
export const REFERRAL_LIFECYCLE_VERSION = REFERRAL_LIFECYCLE_FAMILY_VERSION;

export type CaseOpenedContract = CaseOpenedV1 & {
  /** The adults' roles towards the child, in the order of `adultIds`: `MOTHER`, `FATHER`, `OTHER_PARENT_FIGURE`, `GUARDIAN`, `OTHER`. */
  readonly adultRoles: string;
  /** Person id of the adult the child lives with (custodial), if any. */
  readonly custodialAdultId: string | null;
  /**
   * Protective measures between people of the case, `;`-separated, each `<KIND>:<restrained id>><protected id>|<protected id>`,
   * e.g. `NO_CONTACT_ORDER:f…>m…|c…`.
   */
  readonly protectiveMeasures: string;
  /** The mandate allows contact with a restrained parent when it is supervised (it orders supervised meetings). */
  readonly supervisedContactAllowed: boolean;
};
