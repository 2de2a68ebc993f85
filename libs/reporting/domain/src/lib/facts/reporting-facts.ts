/**
 * What the reporting read model keeps, one record per thing counted: pseudonymous ids, codes, dates.
 * No name, no free text. Instants are ISO-8601 UTC; `…On` fields are calendar dates `YYYY-MM-DD`.
 * Any field may still be missing: contracts of different services arrive in no particular order.
 */
export interface ReferralFact {
  readonly referralId: string;
  readonly division: string | null;
  readonly mandantType: string | null;
  readonly receivedAt: string | null;
  readonly waitlistedAt: string | null;
  readonly acceptedAt: string | null;
  readonly caseId: string | null;
  readonly declinedAt: string | null;
  readonly declineReason: string | null;
  readonly withdrawnAt: string | null;
}

export interface CaseFact {
  readonly caseId: string;
  readonly division: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly closeOutcome: string | null;
}

export type SessionOutcome = 'held' | 'cancelled' | 'no-show';

export interface SessionFact {
  readonly sessionId: string;
  readonly caseId: string;
  readonly sessionType: string;
  readonly outcome: SessionOutcome;
  /** Who caused a cancellation or a no-show (`parent`, `child`, `service`, `force-majeure`); null when held. */
  readonly attributedTo: string | null;
  readonly occurredAt: string;
}

export interface IncidentFact {
  readonly incidentId: string;
  readonly caseId: string;
  readonly severity: string;
  readonly occurredAt: string;
}

export interface BondDecisionFact {
  readonly decisionId: string;
  readonly caseId: string;
  readonly outcome: string;
  readonly signedAt: string;
}

/** One wellbeing assessment of one child, reduced to a single score where higher means doing better. */
export interface WellbeingFact {
  readonly assessmentId: string;
  readonly caseId: string;
  readonly childId: string;
  readonly assessedOn: string;
  readonly score: number;
}

export interface ReportFact {
  readonly reportId: string;
  readonly version: number;
  readonly caseId: string;
  readonly dueOn: string | null;
  readonly sentOn: string;
}

/** Everything one district's indicators are computed from. */
export interface DistrictFacts {
  readonly district: string;
  readonly referrals: readonly ReferralFact[];
  readonly cases: readonly CaseFact[];
  readonly sessions: readonly SessionFact[];
  readonly incidents: readonly IncidentFact[];
  readonly bondDecisions: readonly BondDecisionFact[];
  readonly wellbeing: readonly WellbeingFact[];
  readonly reports: readonly ReportFact[];
}

export function emptyDistrictFacts(district: string): DistrictFacts {
  return { district, referrals: [], cases: [], sessions: [], incidents: [], bondDecisions: [], wellbeing: [], reports: [] };
}
