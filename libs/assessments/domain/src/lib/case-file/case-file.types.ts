/** A calendar date, `YYYY-MM-DD`, in the districts' calendar (Belgium). */
export type CalendarDate = string;

/** What a reader gets for personal data whose owner was erased (crypto-shredding). */
export interface Erased {
  readonly erased: true;
}
/** Personal data as the domain sees it: the value, or the fact that it was erased. */
export type Personal<T> = T | Erased;

export function isErasedValue(value: unknown): value is Erased {
  return typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true;
}

/** Who did it: a pseudonymous user id and the role they acted in, never a name. */
export interface Clinician {
  readonly userId: string;
  readonly role: string;
}

export const MANDANT_TYPES = ['FAMILY_COURT', 'SPJ', 'SAJ'] as const;
export type MandantType = (typeof MANDANT_TYPES)[number];

export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportDeadline {
  readonly kind: ReportKind;
  readonly dueOn: CalendarDate;
}

/** What the assessments service knows of the mandate, from the referrals service's contracts. */
export interface MandateFacts {
  readonly mandantType: string;
  readonly legalBasis: string;
  readonly division: string | null;
  readonly decisionDate: CalendarDate | null;
  readonly reportDeadlines: readonly ReportDeadline[];
}

export const SESSION_OUTCOMES = ['held', 'cancelled', 'no-show'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];
