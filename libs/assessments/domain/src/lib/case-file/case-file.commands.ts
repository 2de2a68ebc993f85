import { BondOutcome } from '../bond-decision/bond-decision.types';
import { RiskLevel } from '../risk/risk.types';
import { InstrumentRegistry, InstrumentScoresInput } from '../wellbeing/instrument.types';
import { WellbeingDimensions } from '../wellbeing/wellbeing.types';
import { CalendarDate, Clinician, MandateFacts, ReportDeadline, ReportKind, SessionOutcome } from './case-file.types';

/** What every clinician's command carries: who, and today's date in the districts' calendar (never a clock). */
/** Every command is about one case: the stream it lands in. */
interface CaseCommand {
  readonly caseId: string;
}

interface ClinicianCommand extends CaseCommand {
  readonly by: Clinician;
  readonly today: CalendarDate;
}

export interface OpenAssessmentFile extends CaseCommand {
  readonly type: 'OpenAssessmentFile';
  readonly referralId: string;
  readonly childIds: readonly string[];
  readonly mandate: MandateFacts;
  readonly sourceEventId: string;
}

export interface NoteMandateChange extends CaseCommand {
  readonly type: 'NoteMandateChange';
  readonly kind: string;
  readonly decisionDate: CalendarDate;
  readonly reportDeadlines: readonly ReportDeadline[] | null;
  readonly at: string;
  readonly sourceEventId: string;
}

export interface NoteSessionOutcome extends CaseCommand {
  readonly type: 'NoteSessionOutcome';
  readonly sessionId: string;
  readonly sessionType: string;
  readonly outcome: SessionOutcome;
  readonly attributedTo: string | null;
  readonly reason: string | null;
  readonly interrupted: boolean;
  readonly at: string;
  readonly sourceEventId: string;
}

export interface NoteIncident extends CaseCommand {
  readonly type: 'NoteIncident';
  readonly incidentId: string;
  readonly sessionId: string;
  readonly sessionType: string;
  readonly severity: string;
  readonly interruptedSession: boolean;
  readonly at: string;
  readonly sourceEventId: string;
}

export interface RecordWellbeingAssessment extends ClinicianCommand {
  readonly type: 'RecordWellbeingAssessment';
  readonly assessmentId: string;
  /** May be left out when the case concerns one child. */
  readonly childId?: string;
  readonly assessedOn: CalendarDate;
  readonly dimensions: WellbeingDimensions;
  readonly instruments: readonly InstrumentScoresInput[];
  /** The instruments in force, from configuration. */
  readonly registry: InstrumentRegistry;
}

export interface RecordRiskAssessment extends ClinicianCommand {
  readonly type: 'RecordRiskAssessment';
  readonly assessmentId: string;
  readonly childId?: string;
  readonly assessedOn: CalendarDate;
  readonly factors: readonly string[];
  readonly scoredLevel: RiskLevel;
  readonly override?: { readonly level: RiskLevel; readonly reason: string };
}

export interface DraftBondDecision extends ClinicianCommand {
  readonly type: 'DraftBondDecision';
  readonly decisionId: string;
  readonly childId?: string;
  readonly outcome: BondOutcome;
  readonly adaptedModalities?: string;
  readonly rationale: string;
  readonly childWishes: string;
  readonly assessmentIds: readonly string[];
}

export interface CoSignBondDecision extends ClinicianCommand {
  readonly type: 'CoSignBondDecision';
  readonly decisionId: string;
}

export interface WithdrawBondDecisionDraft extends ClinicianCommand {
  readonly type: 'WithdrawBondDecisionDraft';
  readonly decisionId: string;
}

export interface GenerateReportVersion extends ClinicianCommand {
  readonly type: 'GenerateReportVersion';
  readonly reportId: string;
  readonly kind: ReportKind;
  /** One of the mandate's report deadlines, when the report answers one. */
  readonly deadlineDueOn?: CalendarDate;
}

export interface SignOffReportVersion extends ClinicianCommand {
  readonly type: 'SignOffReportVersion';
  readonly reportId: string;
  readonly version: number;
}

export interface MarkReportSent extends ClinicianCommand {
  readonly type: 'MarkReportSent';
  readonly reportId: string;
  readonly version: number;
  readonly sentOn: CalendarDate;
}

/** Run daily by the due-date tracker. */
export interface RaiseDueReportTasks extends CaseCommand {
  readonly type: 'RaiseDueReportTasks';
  readonly today: CalendarDate;
  /** How many days before a deadline its task is raised. */
  readonly leadDays: number;
}

export type CaseFileCommand =
  | OpenAssessmentFile
  | NoteMandateChange
  | NoteSessionOutcome
  | NoteIncident
  | RecordWellbeingAssessment
  | RecordRiskAssessment
  | DraftBondDecision
  | CoSignBondDecision
  | WithdrawBondDecisionDraft
  | GenerateReportVersion
  | SignOffReportVersion
  | MarkReportSent
  | RaiseDueReportTasks;
