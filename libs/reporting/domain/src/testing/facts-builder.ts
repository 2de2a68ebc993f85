// Test-only builders of read-model facts. Never imported by production code.
import { BondDecisionFact, CaseFact, DistrictFacts, emptyDistrictFacts, IncidentFact, ReferralFact, ReportFact, SessionFact, WellbeingFact } from '../lib/facts/reporting-facts';

let sequence = 0;
const id = (prefix: string) => `${prefix}-${String(++sequence).padStart(6, '0')}`;

export function referral(overrides: Partial<ReferralFact> = {}): ReferralFact {
  return { referralId: id('ref'), division: null, mandantType: 'FAMILY_COURT', receivedAt: null, waitlistedAt: null, acceptedAt: null, caseId: null, declinedAt: null, declineReason: null, withdrawnAt: null, ...overrides };
}

export function caseFact(overrides: Partial<CaseFact> = {}): CaseFact {
  return { caseId: id('case'), division: null, openedAt: null, closedAt: null, closeOutcome: null, ...overrides };
}

export function session(caseId: string, occurredAt: string, overrides: Partial<SessionFact> = {}): SessionFact {
  return { sessionId: id('session'), caseId, sessionType: 'supervised-meeting', outcome: 'held', attributedTo: null, occurredAt, ...overrides };
}

export function incident(caseId: string, occurredAt: string, severity: string): IncidentFact {
  return { incidentId: id('incident'), caseId, severity, occurredAt };
}

export function decision(caseId: string, signedAt: string, outcome: string): BondDecisionFact {
  return { decisionId: id('decision'), caseId, outcome, signedAt };
}

export function wellbeing(caseId: string, assessedOn: string, score: number, childId = 'child-1'): WellbeingFact {
  return { assessmentId: id('assessment'), caseId, childId, assessedOn, score };
}

export function report(caseId: string, sentOn: string, dueOn: string | null): ReportFact {
  return { reportId: id('report'), version: 1, caseId, dueOn, sentOn };
}

export function districtFacts(district: string, parts: Partial<Omit<DistrictFacts, 'district'>>): DistrictFacts {
  return { ...emptyDistrictFacts(district), ...parts };
}

/** `n` referrals received on `day` (noon UTC) from one mandant type. */
export function received(n: number, day: string, mandantType = 'FAMILY_COURT', division: string | null = null): ReferralFact[] {
  return Array.from({ length: n }, () => referral({ receivedAt: `${day}T12:00:00.000Z`, mandantType, division }));
}
