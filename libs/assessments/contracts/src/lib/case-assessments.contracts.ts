/**
 * What the assessments service tells the other services, on `lien.<district>.assessments.case-assessments.v1`,
 * keyed by the case's assessment-file stream so one case's contracts keep their order. Primitives only,
 * pseudonymous ids only: never an observation, the child's words, a rationale or a reason. A breaking
 * change gets a new `.v<n>` type.
 */
export const ASSESSMENTS_SERVICE = 'assessments';
export const CASE_ASSESSMENTS_FAMILY = 'case-assessments';
export const CASE_ASSESSMENTS_VERSION = 1;

export const ASSESSMENT_CONTRACT_TYPES = {
  assessmentRecorded: 'assessments.AssessmentRecorded.v1',
  riskLevelChanged: 'assessments.RiskLevelChanged.v1',
  bondDecisionSigned: 'assessments.BondDecisionSigned.v1',
  reportSent: 'assessments.ReportSent.v1',
} as const;

/** `critical` | `fragile` | `stable` | `good`, from worst to best. */
export type WellbeingLevelV1 = string;

/** A wellbeing assessment was recorded: levels and instrument scores only. */
export interface AssessmentRecordedV1 {
  readonly caseId: string;
  readonly assessmentId: string;
  readonly childId: string;
  /** `YYYY-MM-DD`. */
  readonly assessedOn: string;
  readonly psychologicalLevel: WellbeingLevelV1;
  readonly physicalLevel: WellbeingLevelV1;
  readonly emotionalLevel: WellbeingLevelV1;
  /** Scores of the standardised instruments used, encoded as `instrument-scores.encoding.ts` says; `''` for none. */
  readonly instrumentScores: string;
}

/** The risk level in force changed (or was set for the first time). */
export interface RiskLevelChangedV1 {
  readonly caseId: string;
  readonly assessmentId: string;
  /** `standard` | `medium` | `high`; null for the first assessment. */
  readonly previousLevel: string | null;
  readonly level: string;
  /** Professional judgement overrode the structured assessment's level. */
  readonly overridden: boolean;
  readonly assessedOn: string;
}

/**
 * A bond-pertinence decision was co-signed and takes effect. With `stopsSupervisedMeetings` (a suspend
 * or end decision), the sessions service stops scheduling supervised meetings for the case.
 */
export interface BondDecisionSignedV1 {
  readonly caseId: string;
  readonly decisionId: string;
  readonly childId: string;
  /** `continue` | `adapt` | `suspend` | `end`. */
  readonly outcome: string;
  readonly stopsSupervisedMeetings: boolean;
  /** The decision this one replaces, if any. */
  readonly supersedesDecisionId: string | null;
  readonly assessmentCount: number;
  /** ISO-8601 UTC. */
  readonly signedAt: string;
}

/** A signed-off version of the report went to the mandant. */
export interface ReportSentV1 {
  readonly caseId: string;
  readonly reportId: string;
  readonly version: number;
  /** `interim` | `final`. */
  readonly kind: string;
  /** The mandate's deadline the report answers, if any (`YYYY-MM-DD`). */
  readonly deadlineDueOn: string | null;
  readonly sentOn: string;
}

export interface AssessmentContractTypes {
  readonly [ASSESSMENT_CONTRACT_TYPES.assessmentRecorded]: AssessmentRecordedV1;
  readonly [ASSESSMENT_CONTRACT_TYPES.riskLevelChanged]: RiskLevelChangedV1;
  readonly [ASSESSMENT_CONTRACT_TYPES.bondDecisionSigned]: BondDecisionSignedV1;
  readonly [ASSESSMENT_CONTRACT_TYPES.reportSent]: ReportSentV1;
}

export type AssessmentContractType = keyof AssessmentContractTypes;
