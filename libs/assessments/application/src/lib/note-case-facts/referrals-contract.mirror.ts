import { CASE_OPENED_V1 } from '@lien/referrals-contracts';

/**
 * What assessments reads from the referrals service. `CaseOpenedV1` is the producer's committed contract.
 * The rest is a consumer-side mirror of what the referrals domain records but does not publish yet (see
 * docs/adr/0009-assessments.md): the mandate's report deadlines and decision date on case-opened, and a
 * mandate-amended contract carrying the case id.
 */
export const CASE_OPENED_TYPES: readonly string[] = [CASE_OPENED_V1];
export const MANDATE_AMENDED_TYPES: readonly string[] = ['referrals.MandateAmended.v1'];

/** Optional fields read from case-opened when the producer sends them. */
export interface CaseOpenedMandateMirror {
  /** `YYYY-MM-DD`. */
  readonly mandateDecisionDate?: string;
  /** `<KIND>:<YYYY-MM-DD>` comma-separated, kinds `INTERIM` | `FINAL`, e.g. `INTERIM:2026-06-01,FINAL:2026-09-30`. */
  readonly reportDeadlines?: string;
}

export interface MandateAmendedMirror {
  readonly caseId: string;
  readonly referralId: string;
  /** `RENEWAL` | `AMENDMENT`. */
  readonly kind: string;
  readonly decisionDate: string;
  /** The full new list in the case-opened format when it changed; null when unchanged. */
  readonly reportDeadlines: string | null;
}
