import { BondOutcome } from '../bond-decision/bond-decision.types';
import { ReassessmentTrigger, RiskFactor, RiskLevel } from '../risk/risk.types';
import { InstrumentScores } from '../wellbeing/instrument.types';
import { WellbeingDimensions } from '../wellbeing/wellbeing.types';
import { CalendarDate, Clinician, MandateFacts, Personal, ReportDeadline, ReportKind, SessionOutcome } from './case-file.types';

/** The referrals service opened the case; `sourceEventId` is the contract's id, so a redelivery changes nothing. */
export interface AssessmentFileOpened {
  readonly type: 'AssessmentFileOpened';
  readonly caseId: string;
  readonly referralId: string;
  readonly childIds: readonly string[];
  readonly mandate: MandateFacts;
  readonly sourceEventId: string;
}

export interface MandateChangeNoted {
  readonly type: 'MandateChangeNoted';
  readonly caseId: string;
  /** `renewal` | `amendment`. */
  readonly kind: string;
  readonly decisionDate: CalendarDate;
  /** The full new list when it changed; null when unchanged. */
  readonly reportDeadlines: readonly ReportDeadline[] | null;
  readonly sourceEventId: string;
}

export interface SessionOutcomeNoted {
  readonly type: 'SessionOutcomeNoted';
  readonly caseId: string;
  readonly sessionId: string;
  readonly sessionType: string;
  readonly outcome: SessionOutcome;
  /** Who caused a cancellation or a no-show, by role (`parent`, `child`, `service`, `force-majeure`). */
  readonly attributedTo: string | null;
  readonly reason: string | null;
  readonly interrupted: boolean;
  /** When sessions recorded it, ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly sourceEventId: string;
}

export interface IncidentNoted {
  readonly type: 'IncidentNoted';
  readonly caseId: string;
  readonly incidentId: string;
  readonly sessionId: string;
  readonly sessionType: string;
  /** `minor` | `moderate` | `serious`. */
  readonly severity: string;
  readonly interruptedSession: boolean;
  readonly occurredAt: string;
  readonly sourceEventId: string;
}

export interface RiskReassessmentBecameDue {
  readonly type: 'RiskReassessmentBecameDue';
  readonly caseId: string;
  readonly trigger: ReassessmentTrigger;
  /** The incident id, or the contract id of the mandate change. */
  readonly triggerId: string;
  readonly dueSince: string;
}

export interface WellbeingAssessed {
  readonly type: 'WellbeingAssessed';
  readonly caseId: string;
  readonly assessmentId: string;
  readonly childId: string;
  readonly assessedOn: CalendarDate;
  readonly assessedBy: Clinician;
  readonly dimensions: WellbeingDimensions;
  readonly instruments: readonly InstrumentScores[];
}

export interface RiskAssessed {
  readonly type: 'RiskAssessed';
  readonly caseId: string;
  readonly assessmentId: string;
  readonly childId: string;
  readonly assessedOn: CalendarDate;
  readonly assessedBy: Clinician;
  readonly factors: readonly RiskFactor[];
  /** The level the structured assessment gave. */
  readonly scoredLevel: RiskLevel;
  /** Professional judgement overriding the scored level, always with its written reason. */
  readonly override: { readonly level: RiskLevel; readonly reason: Personal<string> } | null;
  /** The level in force: the override's, else the scored one. */
  readonly level: RiskLevel;
  readonly previousLevel: RiskLevel | null;
  /** The reassessments this one answers. */
  readonly resolvesTriggers: readonly string[];
}

export interface BondDecisionDrafted {
  readonly type: 'BondDecisionDrafted';
  readonly caseId: string;
  readonly decisionId: string;
  readonly childId: string;
  readonly outcome: BondOutcome;
  /** The new modalities, for an `adapt` decision only. */
  readonly adaptedModalities: Personal<string> | null;
  readonly rationale: Personal<string>;
  readonly childWishes: Personal<string>;
  readonly assessmentIds: readonly string[];
  readonly draftedBy: Clinician;
}

export interface BondDecisionDraftWithdrawn {
  readonly type: 'BondDecisionDraftWithdrawn';
  readonly caseId: string;
  readonly decisionId: string;
  readonly withdrawnBy: Clinician;
}

/** From here on the decision takes effect; the one it supersedes stays as it was, marked superseded. */
export interface BondDecisionSigned {
  readonly type: 'BondDecisionSigned';
  readonly caseId: string;
  readonly decisionId: string;
  readonly childId: string;
  readonly outcome: BondOutcome;
  readonly assessmentIds: readonly string[];
  readonly draftedBy: Clinician;
  readonly cosignedBy: Clinician;
  readonly supersedesDecisionId: string | null;
}

export interface ReportVersionGenerated {
  readonly type: 'ReportVersionGenerated';
  readonly caseId: string;
  readonly reportId: string;
  readonly version: number;
  readonly kind: ReportKind;
  readonly deadlineDueOn: CalendarDate | null;
  /** The last revision of the case file the version is assembled from: regenerating it reads up to there. */
  readonly basedOnRevision: number;
  readonly generatedBy: Clinician;
}

export interface ReportVersionSignedOff {
  readonly type: 'ReportVersionSignedOff';
  readonly caseId: string;
  readonly reportId: string;
  readonly version: number;
  readonly signedBy: Clinician;
}

export interface ReportVersionSent {
  readonly type: 'ReportVersionSent';
  readonly caseId: string;
  readonly reportId: string;
  readonly version: number;
  readonly kind: ReportKind;
  readonly deadlineDueOn: CalendarDate | null;
  readonly sentOn: CalendarDate;
  readonly sentBy: Clinician;
}

export interface ReportTaskRaised {
  readonly type: 'ReportTaskRaised';
  readonly caseId: string;
  readonly deadline: ReportDeadline;
  readonly raisedOn: CalendarDate;
}

export type CaseFileEvent =
  | AssessmentFileOpened
  | MandateChangeNoted
  | SessionOutcomeNoted
  | IncidentNoted
  | RiskReassessmentBecameDue
  | WellbeingAssessed
  | RiskAssessed
  | BondDecisionDrafted
  | BondDecisionDraftWithdrawn
  | BondDecisionSigned
  | ReportVersionGenerated
  | ReportVersionSignedOff
  | ReportVersionSent
  | ReportTaskRaised;
