import { Adult, AdultRole, AmendmentKind, CalendarDate, Child, LegalBasis, Mandate, MandantType, Modality, Personal, ProtectiveMeasure, ReportDeadline } from './mandate.types';

export const DECLINE_REASONS = ['OUT_OF_SCOPE', 'NO_VIOLENCE_CONTEXT', 'OTHER_SERVICE_BETTER_PLACED', 'INCOMPLETE_MANDATE'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const CASE_OUTCOMES = ['BOND_RESUMED', 'BOND_ENDED', 'MANDATE_EXPIRED', 'MANDATE_WITHDRAWN', 'REFERRED_ELSEWHERE', 'OTHER'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** Who decided: a coordinator, or the waiting-list policy when capacity freed. */
export type AcceptanceMode = 'BY_COORDINATOR' | 'FROM_WAITING_LIST';

export interface ReferralRegistered {
  readonly type: 'ReferralRegistered';
  readonly referralId: string;
  readonly division?: string;
  readonly mandate: Mandate;
  readonly children: readonly Child[];
  readonly adults: readonly Adult[];
  readonly protectiveMeasures: readonly ProtectiveMeasure[];
}

export interface ReferralWaitlisted {
  readonly type: 'ReferralWaitlisted';
  readonly referralId: string;
}

export interface ReferralAccepted {
  readonly type: 'ReferralAccepted';
  readonly referralId: string;
  readonly caseId: string;
  readonly mode: AcceptanceMode;
}

/** A measure restraining one person of the case towards others, without its address (which stays personal). */
export interface CaseRestraint {
  readonly kind: 'NO_CONTACT_ORDER' | 'ADDRESS_BAN';
  readonly restrainedPersonId: string;
  readonly protectedPersonIds: readonly string[];
}

/** Carries what other services need to start work on the case, by pseudonymous ids only. */
export interface CaseOpened {
  readonly type: 'CaseOpened';
  readonly referralId: string;
  readonly caseId: string;
  readonly mandantType: MandantType;
  readonly legalBasis: LegalBasis;
  readonly division?: string;
  readonly childIds: readonly string[];
  readonly adultIds: readonly string[];
  /** The adults' roles towards the child, in the order of `adultIds`. */
  readonly adultRoles: readonly AdultRole[];
  /** The no-contact orders and address bans in force at acceptance (sessions keeps the households apart with them). */
  readonly protectiveMeasures: readonly CaseRestraint[];
  /** The mandate, as amended at acceptance, orders supervised meetings: contact with a restrained parent is allowed when supervised. */
  readonly supervisedContactAllowed: boolean;
  /**
   * The mandate's decision date and report deadlines as amended at acceptance (assessments tracks the
   * deadlines). Absent on cases opened before they were recorded: nothing is guessed for those.
   */
  readonly mandateDecisionDate?: CalendarDate;
  readonly reportDeadlines?: readonly ReportDeadline[];
}

export interface ReferralDeclined {
  readonly type: 'ReferralDeclined';
  readonly referralId: string;
  readonly reason: DeclineReason;
  readonly note: Personal<string>;
}

export interface ReferralWithdrawn {
  readonly type: 'ReferralWithdrawn';
  readonly referralId: string;
  readonly note?: Personal<string>;
}

export interface MandateAmended {
  readonly type: 'MandateAmended';
  readonly referralId: string;
  /** The open case the amendment changes; absent before acceptance, when case-opened will carry the amended mandate. */
  readonly caseId?: string;
  readonly kind: AmendmentKind;
  readonly decisionDate: CalendarDate;
  /** The full new list when it changed; absent when unchanged. */
  readonly modalities?: readonly Modality[];
  readonly reportDeadlines?: readonly ReportDeadline[];
}

export interface CaseClosed {
  readonly type: 'CaseClosed';
  readonly referralId: string;
  readonly caseId: string;
  readonly outcome: CaseOutcome;
  readonly note?: Personal<string>;
}

export type ReferralEvent =
  | ReferralRegistered
  | ReferralWaitlisted
  | ReferralAccepted
  | CaseOpened
  | ReferralDeclined
  | ReferralWithdrawn
  | MandateAmended
  | CaseClosed;
