export const MANDANT_TYPES = ['FAMILY_COURT', 'SPJ', 'SAJ'] as const;
export type MandantType = (typeof MANDANT_TYPES)[number];

export const LEGAL_BASES = ['CONSTRAINED', 'CONSENT_BASED'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const MODALITY_KINDS = ['SUPERVISED_MEETINGS', 'CHILD_INTERVIEWS', 'PARENT_INTERVIEWS', 'NETWORK_MEETINGS', 'BOND_ASSESSMENT', 'OTHER'] as const;
export type ModalityKind = (typeof MODALITY_KINDS)[number];

export const REPORT_KINDS = ['INTERIM', 'FINAL'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ADULT_ROLES = ['MOTHER', 'FATHER', 'OTHER_PARENT_FIGURE', 'GUARDIAN', 'OTHER'] as const;
export type AdultRole = (typeof ADULT_ROLES)[number];
/** The roles that count as "a parent" for the rule that a mandate concerns a child and a parent. */
export const PARENT_ROLES: readonly AdultRole[] = ['MOTHER', 'FATHER', 'OTHER_PARENT_FIGURE'];

export const PROTECTIVE_MEASURE_KINDS = ['NO_CONTACT_ORDER', 'ADDRESS_BAN', 'VICTIM_ADDRESS_CONFIDENTIAL'] as const;
export type ProtectiveMeasureKind = (typeof PROTECTIVE_MEASURE_KINDS)[number];

export const AMENDMENT_KINDS = ['RENEWAL', 'AMENDMENT'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

/** What a reader gets for personal data whose owner was erased (crypto-shredding). */
export interface Erased {
  readonly erased: true;
}
/** Personal data as the domain sees it: the value, or the fact that it was erased. */
export type Personal<T> = T | Erased;

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

/** What the mandant ordered, e.g. supervised meetings twice a month for six months. */
export interface Modality {
  readonly kind: ModalityKind;
  readonly sessionsPerMonth?: number;
  readonly durationMonths?: number;
  /** Free text; treated as personal data of the referral (it may name people). */
  readonly note?: Personal<string>;
}

export interface ReportDeadline {
  readonly kind: ReportKind;
  readonly dueOn: CalendarDate;
}

export interface Mandate {
  readonly mandantType: MandantType;
  /** Docket number or file reference of the mandant, as written on the decision. */
  readonly reference: string;
  readonly decisionDate: CalendarDate;
  readonly legalBasis: LegalBasis;
  readonly modalities: readonly Modality[];
  readonly reportDeadlines: readonly ReportDeadline[];
}

/** Every person carries a pseudonymous id; names, birth dates and addresses are personal data. */
export interface Child {
  readonly personId: string;
  readonly firstName: Personal<string>;
  readonly lastName: Personal<string>;
  readonly birthDate: Personal<CalendarDate>;
}

export interface Adult {
  readonly personId: string;
  /** Role towards the child(ren) of the mandate. */
  readonly role: AdultRole;
  readonly firstName: Personal<string>;
  readonly lastName: Personal<string>;
  readonly birthDate?: Personal<CalendarDate>;
  readonly address?: Personal<string>;
}

export type ProtectiveMeasure =
  | { readonly kind: 'NO_CONTACT_ORDER'; readonly restrainedPersonId: string; readonly protectedPersonIds: readonly string[]; readonly until?: CalendarDate }
  | { readonly kind: 'ADDRESS_BAN'; readonly restrainedPersonId: string; readonly protectedPersonId: string; readonly address: Personal<string>; readonly until?: CalendarDate }
  | { readonly kind: 'VICTIM_ADDRESS_CONFIDENTIAL'; readonly protectedPersonId: string };

export function isErased(value: unknown): value is Erased {
  return typeof value === 'object' && value !== null && (value as { erased?: unknown }).erased === true;
}
