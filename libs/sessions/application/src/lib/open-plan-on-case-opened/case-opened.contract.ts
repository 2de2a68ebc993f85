/**
 * Consumer-side mirror of the referrals service's case-opened contract (`@lien/referrals-contracts`
 * was still being written when this consumer was: see docs/adr/0008-sessions-safety.md). Same style as
 * the producer's: primitives only, lists as comma-separated pseudonymous ids. Sessions needs more than
 * the ids to keep people safe, so it reads the roles and the measures too, and refuses a contract
 * without them rather than open a plan that would not know whom to protect.
 */
export const CASE_OPENED_CONTRACT_TYPE = 'referrals.CaseOpened.v1';
export const REFERRALS_SERVICE = 'referrals';
export const REFERRAL_LIFECYCLE_FAMILY = 'referral-lifecycle';
export const REFERRAL_LIFECYCLE_VERSION = 1;

export interface CaseOpenedContract {
  readonly caseId: string;
  readonly referralId: string;
  readonly mandantType: string;
  readonly legalBasis: string;
  readonly division: string | null;
  /** Person ids of the children, comma-separated. */
  readonly childIds: string;
  /** Person ids of the adults, comma-separated. */
  readonly adultIds: string;
  /** The adults' roles towards the child, in the order of `adultIds`: `MOTHER`, `FATHER`, `OTHER_PARENT_FIGURE`, `GUARDIAN`, `OTHER`. */
  readonly adultRoles: string;
  /** Person id of the adult the child lives with (custodial), if any. */
  readonly custodialAdultId: string | null;
  /**
   * Protective measures, `;`-separated, each `<KIND>:<restrained id>><protected id>|<protected id>`,
   * e.g. `NO_CONTACT_ORDER:f…>m…|c…`. Only measures between people of the case.
   */
  readonly protectiveMeasures: string;
  /** The mandate allows contact with a restrained parent when it is supervised (it orders supervised meetings). */
  readonly supervisedContactAllowed: boolean;
  readonly openedAt: string;
}
