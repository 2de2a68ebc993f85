/**
 * Integration events the referrals service publishes. Public API: primitives only, pseudonymous ids,
 * never a name, an address or a free text. A breaking change gets a new `.v<n>` type name. Type names
 * follow the platform's CloudEvents rule `<service>.<EventName>.v<n>` (as sessions' contracts do).
 * All travel on one topic per district, `lien.<district>.referrals.referral-lifecycle.v1`, keyed by the
 * referral's stream, so the events of one referral arrive in order.
 */
export const REFERRALS_PUBLISHER = 'referrals';
export const REFERRAL_LIFECYCLE_FAMILY = 'referral-lifecycle';
export const REFERRAL_LIFECYCLE_FAMILY_VERSION = 1;

export const REFERRAL_RECEIVED_V1 = 'referrals.ReferralReceived.v1';
export const REFERRAL_ACCEPTED_V1 = 'referrals.ReferralAccepted.v1';
export const REFERRAL_DECLINED_V1 = 'referrals.ReferralDeclined.v1';
export const REFERRAL_WAITLISTED_V1 = 'referrals.ReferralWaitlisted.v1';
export const REFERRAL_WITHDRAWN_V1 = 'referrals.ReferralWithdrawn.v1';
export const CASE_OPENED_V1 = 'referrals.CaseOpened.v1';
export const CASE_CLOSED_V1 = 'referrals.CaseClosed.v1';
export const MANDATE_AMENDED_V1 = 'referrals.MandateAmended.v1';

/** A mandate was registered. Timestamps are ISO-8601 UTC; dates are `YYYY-MM-DD`. */
export type ReferralReceivedV1 = {
  readonly referralId: string;
  /** `FAMILY_COURT` | `SPJ` | `SAJ` */
  readonly mandantType: string;
  /** `CONSTRAINED` | `CONSENT_BASED` */
  readonly legalBasis: string;
  readonly division: string | null;
  readonly decisionDate: string;
  readonly childCount: number;
  readonly adultCount: number;
  readonly protectiveMeasureCount: number;
  readonly receivedAt: string;
};

export type ReferralAcceptedV1 = {
  readonly referralId: string;
  readonly caseId: string;
  /** `BY_COORDINATOR` | `FROM_WAITING_LIST` */
  readonly mode: string;
  readonly acceptedAt: string;
};

export type ReferralDeclinedV1 = {
  readonly referralId: string;
  /** `OUT_OF_SCOPE` | `NO_VIOLENCE_CONTEXT` | `OTHER_SERVICE_BETTER_PLACED` | `INCOMPLETE_MANDATE` */
  readonly reason: string;
  readonly declinedAt: string;
};

export type ReferralWaitlistedV1 = {
  readonly referralId: string;
  readonly waitlistedAt: string;
};

export type ReferralWithdrawnV1 = {
  readonly referralId: string;
  readonly withdrawnAt: string;
};

/**
 * A case opened on an accepted referral; the people concerned by pseudonymous id, comma-separated. The
 * optional fields were added to v1 (so no reader or writer of the first shape breaks); this producer
 * sends them (the mandate's two for every case opened since they were recorded), and a consumer that
 * needs them refuses a case-opened without them (sessions) or reads them as unknown (assessments).
 */
export type CaseOpenedV1 = {
  readonly caseId: string;
  readonly referralId: string;
  readonly mandantType: string;
  readonly legalBasis: string;
  readonly division: string | null;
  /** Person ids of the children, comma-separated UUIDs. */
  readonly childIds: string;
  /** Person ids of the adults, comma-separated UUIDs. */
  readonly adultIds: string;
  /** The adults' roles towards the child, comma-separated in the order of `adultIds`: `MOTHER` | `FATHER` | `OTHER_PARENT_FIGURE` | `GUARDIAN` | `OTHER`. */
  readonly adultRoles?: string;
  /** Person id of the adult the child lives with; `null` while the referrals service records no custody (it does not yet). */
  readonly custodialAdultId?: string | null;
  /**
   * The measures restraining someone of the case, `;`-separated, each `<KIND>:<restrained id>><protected id>|<protected id>`,
   * kinds `NO_CONTACT_ORDER` | `ADDRESS_BAN`, e.g. `NO_CONTACT_ORDER:33…>22…|11…`; empty when there is none. Never an address.
   */
  readonly protectiveMeasures?: string;
  /** The mandate orders supervised meetings: contact with a restrained parent is allowed when supervised. */
  readonly supervisedContactAllowed?: boolean;
  /** The mandate's decision date, as amended up to acceptance, `YYYY-MM-DD`. */
  readonly mandateDecisionDate?: string;
  /** The mandate's report deadlines, as amended up to acceptance: see `encodeReportDeadlines`; empty when none. */
  readonly reportDeadlines?: string;
  readonly openedAt: string;
};

/** Encodes restraints for `CaseOpenedV1.protectiveMeasures`. */
export function encodeProtectiveMeasures(measures: readonly { kind: string; restrainedPersonId: string; protectedPersonIds: readonly string[] }[]): string {
  return measures.map((m) => `${m.kind}:${m.restrainedPersonId}>${m.protectedPersonIds.join('|')}`).join(';');
}

/** Encodes report deadlines as `<KIND>:<YYYY-MM-DD>`, comma-separated, kinds `INTERIM` | `FINAL`, e.g. `INTERIM:2026-06-01,FINAL:2026-09-30`. */
export function encodeReportDeadlines(deadlines: readonly { kind: string; dueOn: string }[]): string {
  return deadlines.map((d) => `${d.kind}:${d.dueOn}`).join(',');
}

/**
 * The mandate of an open case was renewed or amended (an amendment before acceptance changes a referral,
 * not a case: case-opened then carries the amended mandate). Assessments tracks the new deadlines and
 * makes a reassessment due.
 */
export type MandateAmendedV1 = {
  readonly caseId: string;
  readonly referralId: string;
  /** `RENEWAL` | `AMENDMENT` */
  readonly kind: string;
  /** The new decision's date, `YYYY-MM-DD`. */
  readonly decisionDate: string;
  /** The full new list, encoded as in case-opened, when the deadlines changed; `null` when they did not. */
  readonly reportDeadlines: string | null;
  readonly amendedAt: string;
};

export type CaseClosedV1 = {
  readonly caseId: string;
  readonly referralId: string;
  /** `BOND_RESUMED` | `BOND_ENDED` | `MANDATE_EXPIRED` | `MANDATE_WITHDRAWN` | `REFERRED_ELSEWHERE` | `OTHER` */
  readonly outcome: string;
  readonly closedAt: string;
};

export interface ReferralContractTypes {
  readonly [REFERRAL_RECEIVED_V1]: ReferralReceivedV1;
  readonly [REFERRAL_ACCEPTED_V1]: ReferralAcceptedV1;
  readonly [REFERRAL_DECLINED_V1]: ReferralDeclinedV1;
  readonly [REFERRAL_WAITLISTED_V1]: ReferralWaitlistedV1;
  readonly [REFERRAL_WITHDRAWN_V1]: ReferralWithdrawnV1;
  readonly [CASE_OPENED_V1]: CaseOpenedV1;
  readonly [CASE_CLOSED_V1]: CaseClosedV1;
  readonly [MANDATE_AMENDED_V1]: MandateAmendedV1;
}

export type ReferralContractType = keyof ReferralContractTypes;

export const REFERRAL_CONTRACT_TYPES: readonly ReferralContractType[] = [
  REFERRAL_RECEIVED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_WAITLISTED_V1,
  REFERRAL_WITHDRAWN_V1,
  CASE_OPENED_V1,
  CASE_CLOSED_V1,
  MANDATE_AMENDED_V1,
];

/** Splits a comma-separated id list of a contract back into ids. */
export function idsOf(list: string): string[] {
  return list === '' ? [] : list.split(',');
}
