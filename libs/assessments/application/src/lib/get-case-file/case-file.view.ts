import {
  BondDecisionDrafted, Clinician, IncidentNoted, InstrumentScores, MandateFacts, Personal, ReportDeadline, RiskAssessed, SessionOutcomeNoted, WellbeingDimensions,
} from '@lien/assessments-domain';
import { StoredCaseFileEvent } from '../case-file-store/case-file.repository';

export interface WellbeingAssessmentView {
  readonly assessmentId: string;
  readonly childId: string;
  readonly assessedOn: string;
  readonly assessedBy: Clinician;
  readonly dimensions: WellbeingDimensions;
  readonly instruments: readonly InstrumentScores[];
}

export type RiskAssessmentView = Omit<RiskAssessed, 'type' | 'caseId'>;

export interface DecisionView {
  readonly decisionId: string;
  readonly childId: string;
  readonly status: 'draft' | 'withdrawn' | 'signed' | 'superseded';
  readonly outcome: BondDecisionDrafted['outcome'];
  readonly adaptedModalities: Personal<string> | null;
  readonly rationale: Personal<string>;
  readonly childWishes: Personal<string>;
  readonly assessmentIds: readonly string[];
  readonly draftedBy: Clinician;
  readonly draftedAt: string;
  readonly cosignedBy: Clinician | null;
  readonly signedAt: string | null;
  readonly supersededBy: string | null;
}

export interface ReportVersionView {
  readonly version: number;
  readonly generatedAt: string;
  readonly generatedBy: Clinician;
  readonly basedOnRevision: number;
  readonly signOffs: ReadonlyArray<Clinician & { readonly at: string }>;
  readonly sentOn: string | null;
}

export interface ReportView {
  readonly reportId: string;
  readonly kind: string;
  readonly deadlineDueOn: string | null;
  readonly versions: readonly ReportVersionView[];
}

export interface CaseFileView {
  readonly caseId: string;
  readonly opened: boolean;
  /** The file's last revision: the ETag of the file. */
  readonly revision: number | null;
  readonly childIds: readonly string[];
  readonly mandate: MandateFacts | null;
  readonly mandateChanges: ReadonlyArray<{ readonly kind: string; readonly decisionDate: string }>;
  readonly sessions: ReadonlyArray<Omit<SessionOutcomeNoted, 'type' | 'caseId' | 'sourceEventId'>>;
  readonly incidents: ReadonlyArray<Omit<IncidentNoted, 'type' | 'caseId' | 'sourceEventId'>>;
  readonly wellbeingAssessments: readonly WellbeingAssessmentView[];
  readonly riskAssessments: readonly RiskAssessmentView[];
  readonly currentRiskLevel: string | null;
  readonly reassessmentsDue: ReadonlyArray<{ readonly trigger: string; readonly triggerId: string; readonly dueSince: string }>;
  readonly decisions: readonly DecisionView[];
  readonly effectiveDecisionId: string | null;
  readonly reports: readonly ReportView[];
  readonly reportTasks: ReadonlyArray<{ readonly deadline: ReportDeadline; readonly raisedOn: string }>;
}

export function emptyCaseFileView(caseId: string): CaseFileView {
  return {
    caseId, opened: false, revision: null, childIds: [], mandate: null, mandateChanges: [], sessions: [], incidents: [], wellbeingAssessments: [], riskAssessments: [],
    currentRiskLevel: null, reassessmentsDue: [], decisions: [], effectiveDecisionId: null, reports: [], reportTasks: [],
  };
}

/** The whole file as clinicians read it, folded from its events (optionally only up to a report version's revision). */
export function caseFileViewOf(caseId: string, events: readonly StoredCaseFileEvent[]): CaseFileView {
  return events.reduce((view, stored) => ({ ...applyEvent(view, stored), revision: Number(stored.recorded.revision) }), emptyCaseFileView(caseId));
}

function applyEvent(view: CaseFileView, { event, recorded }: StoredCaseFileEvent): CaseFileView {
  const at = recorded.metadata.occurredAt;
  switch (event.type) {
    case 'AssessmentFileOpened':
      return { ...view, opened: true, childIds: event.childIds, mandate: event.mandate };
    case 'MandateChangeNoted': {
      const mandate = view.mandate && { ...view.mandate, decisionDate: event.decisionDate, reportDeadlines: event.reportDeadlines ?? view.mandate.reportDeadlines };
      return { ...view, mandate, mandateChanges: [...view.mandateChanges, { kind: event.kind, decisionDate: event.decisionDate }] };
    }
    case 'SessionOutcomeNoted': {
      const { type: _t, caseId: _c, sourceEventId: _s, ...session } = event;
      return { ...view, sessions: [...view.sessions, session] };
    }
    case 'IncidentNoted': {
      const { type: _t, caseId: _c, sourceEventId: _s, ...incident } = event;
      return { ...view, incidents: [...view.incidents, incident] };
    }
    case 'RiskReassessmentBecameDue':
      return { ...view, reassessmentsDue: [...view.reassessmentsDue, { trigger: event.trigger, triggerId: event.triggerId, dueSince: event.dueSince }] };
    case 'WellbeingAssessed': {
      const { type: _t, caseId: _c, ...assessment } = event;
      return { ...view, wellbeingAssessments: [...view.wellbeingAssessments, assessment] };
    }
    case 'RiskAssessed': {
      const { type: _t, caseId: _c, ...assessment } = event;
      const reassessmentsDue = view.reassessmentsDue.filter((due) => !event.resolvesTriggers.includes(due.triggerId));
      return { ...view, riskAssessments: [...view.riskAssessments, assessment], currentRiskLevel: event.level, reassessmentsDue };
    }
    default:
      return applyDecisionOrReport(view, event, at);
  }
}

function applyDecisionOrReport(view: CaseFileView, event: StoredCaseFileEvent['event'], at: string): CaseFileView {
  switch (event.type) {
    case 'BondDecisionDrafted': {
      const { decisionId, childId, outcome, adaptedModalities, rationale, childWishes, assessmentIds, draftedBy } = event;
      const decision: DecisionView = { decisionId, childId, status: 'draft', outcome, adaptedModalities, rationale, childWishes, assessmentIds, draftedBy, draftedAt: at, cosignedBy: null, signedAt: null, supersededBy: null };
      return { ...view, decisions: [...view.decisions, decision] };
    }
    case 'BondDecisionDraftWithdrawn':
      return { ...view, decisions: view.decisions.map((d) => (d.decisionId === event.decisionId ? { ...d, status: 'withdrawn' as const } : d)) };
    case 'BondDecisionSigned': {
      const decisions = view.decisions.map((d) => {
        if (d.decisionId === event.decisionId) return { ...d, status: 'signed' as const, cosignedBy: event.cosignedBy, signedAt: at };
        if (d.decisionId === event.supersedesDecisionId) return { ...d, status: 'superseded' as const, supersededBy: event.decisionId };
        return d;
      });
      return { ...view, decisions, effectiveDecisionId: event.decisionId };
    }
    case 'ReportVersionGenerated': {
      const version: ReportVersionView = { version: event.version, generatedAt: at, generatedBy: event.generatedBy, basedOnRevision: event.basedOnRevision, signOffs: [], sentOn: null };
      const existing = view.reports.find((r) => r.reportId === event.reportId);
      if (existing) return { ...view, reports: view.reports.map((r) => (r === existing ? { ...r, versions: [...r.versions, version] } : r)) };
      return { ...view, reports: [...view.reports, { reportId: event.reportId, kind: event.kind, deadlineDueOn: event.deadlineDueOn, versions: [version] }] };
    }
    case 'ReportVersionSignedOff':
      return withVersion(view, event.reportId, event.version, (v) => ({ ...v, signOffs: [...v.signOffs, { ...event.signedBy, at }] }));
    case 'ReportVersionSent':
      return withVersion(view, event.reportId, event.version, (v) => ({ ...v, sentOn: event.sentOn }));
    case 'ReportTaskRaised':
      return { ...view, reportTasks: [...view.reportTasks, { deadline: event.deadline, raisedOn: event.raisedOn }] };
    default:
      return view;
  }
}

function withVersion(view: CaseFileView, reportId: string, version: number, change: (v: ReportVersionView) => ReportVersionView): CaseFileView {
  return { ...view, reports: view.reports.map((r) => (r.reportId === reportId ? { ...r, versions: r.versions.map((v) => (v.version === version ? change(v) : v)) } : r)) };
}
