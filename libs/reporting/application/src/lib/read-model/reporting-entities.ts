import { EntitySchema } from 'typeorm';

/**
 * The reporting read model: one row per thing counted, keyed by district and the producer's id, so a
 * contract applied twice writes the same row. Codes and dates only: never a name or a free text.
 */
const district = { type: 'text', primary: true } as const;
const text = (name: string) => ({ type: 'text', name, nullable: true }) as const;
const instant = (name: string) => ({ type: 'timestamptz', name, nullable: true }) as const;

export interface ReferralRow {
  district: string;
  referralId: string;
  division: string | null;
  mandantType: string | null;
  receivedAt: Date | null;
  waitlistedAt: Date | null;
  acceptedAt: Date | null;
  caseId: string | null;
  declinedAt: Date | null;
  declineReason: string | null;
  withdrawnAt: Date | null;
}

export const ReferralRowEntity = new EntitySchema<ReferralRow>({
  name: 'ReportingReferral',
  tableName: 'referrals',
  columns: {
    district,
    referralId: { type: 'text', name: 'referral_id', primary: true },
    division: text('division'),
    mandantType: text('mandant_type'),
    receivedAt: instant('received_at'),
    waitlistedAt: instant('waitlisted_at'),
    acceptedAt: instant('accepted_at'),
    caseId: text('case_id'),
    declinedAt: instant('declined_at'),
    declineReason: text('decline_reason'),
    withdrawnAt: instant('withdrawn_at'),
  },
});

export interface CaseRow {
  district: string;
  caseId: string;
  division: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  closeOutcome: string | null;
}

export const CaseRowEntity = new EntitySchema<CaseRow>({
  name: 'ReportingCase',
  tableName: 'cases',
  columns: { district, caseId: { type: 'text', name: 'case_id', primary: true }, division: text('division'), openedAt: instant('opened_at'), closedAt: instant('closed_at'), closeOutcome: text('close_outcome') },
});

export interface SessionRow {
  district: string;
  sessionId: string;
  caseId: string;
  sessionType: string;
  outcome: string;
  attributedTo: string | null;
  occurredAt: Date;
}

export const SessionRowEntity = new EntitySchema<SessionRow>({
  name: 'ReportingSession',
  tableName: 'sessions',
  columns: {
    district,
    sessionId: { type: 'text', name: 'session_id', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    sessionType: { type: 'text', name: 'session_type' },
    outcome: { type: 'text' },
    attributedTo: text('attributed_to'),
    occurredAt: { type: 'timestamptz', name: 'occurred_at' },
  },
});

export interface IncidentRow {
  district: string;
  incidentId: string;
  caseId: string;
  severity: string;
  occurredAt: Date;
}

export const IncidentRowEntity = new EntitySchema<IncidentRow>({
  name: 'ReportingIncident',
  tableName: 'incidents',
  columns: { district, incidentId: { type: 'text', name: 'incident_id', primary: true }, caseId: { type: 'text', name: 'case_id' }, severity: { type: 'text' }, occurredAt: { type: 'timestamptz', name: 'occurred_at' } },
});

export interface BondDecisionRow {
  district: string;
  decisionId: string;
  caseId: string;
  outcome: string;
  signedAt: Date;
}

export const BondDecisionRowEntity = new EntitySchema<BondDecisionRow>({
  name: 'ReportingBondDecision',
  tableName: 'bond_decisions',
  columns: { district, decisionId: { type: 'text', name: 'decision_id', primary: true }, caseId: { type: 'text', name: 'case_id' }, outcome: { type: 'text' }, signedAt: { type: 'timestamptz', name: 'signed_at' } },
});

export interface WellbeingRow {
  district: string;
  assessmentId: string;
  caseId: string;
  childId: string;
  assessedOn: string;
  score: number;
}

export const WellbeingRowEntity = new EntitySchema<WellbeingRow>({
  name: 'ReportingWellbeing',
  tableName: 'wellbeing_assessments',
  columns: {
    district,
    assessmentId: { type: 'text', name: 'assessment_id', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    childId: { type: 'text', name: 'child_id' },
    assessedOn: { type: 'date', name: 'assessed_on' },
    score: { type: 'int' },
  },
});

export interface ReportRow {
  district: string;
  reportId: string;
  version: number;
  caseId: string;
  dueOn: string | null;
  sentOn: string;
}

export const ReportRowEntity = new EntitySchema<ReportRow>({
  name: 'ReportingReportSent',
  tableName: 'reports_sent',
  columns: {
    district,
    reportId: { type: 'text', name: 'report_id', primary: true },
    version: { type: 'int', primary: true },
    caseId: { type: 'text', name: 'case_id' },
    dueOn: { type: 'date', name: 'due_on', nullable: true },
    sentOn: { type: 'date', name: 'sent_on' },
  },
});

/** Tables rebuilt from the contracts; anything else in the schema (inbox aside) survives a rebuild. */
export const FACT_TABLES = ['referrals', 'cases', 'sessions', 'incidents', 'bond_decisions', 'wellbeing_assessments', 'reports_sent'] as const;

export const REPORTING_FACT_ENTITIES = [ReferralRowEntity, CaseRowEntity, SessionRowEntity, IncidentRowEntity, BondDecisionRowEntity, WellbeingRowEntity, ReportRowEntity];
